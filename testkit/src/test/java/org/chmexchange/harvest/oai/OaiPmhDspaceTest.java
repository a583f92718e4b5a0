package org.chmexchange.harvest.oai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.model.Document;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.testkit.harvest.HarvestFixture;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol {@code oai-pmh} against WireMock answers in the shape of a DSpace 7 repository (the
 * software of several MEA document repositories): {@code oai:} identifiers, {@code com_}/{@code
 * col_} sets, day-and-second datestamps, DSpace's resumption tokens, a deleted item, then an
 * incremental run, a provider error, and hostile XML. The records are fictional.
 */
class OaiPmhDspaceTest extends HarvestFixture {

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Override
    protected HarvestSource source() {
        return new HarvestSource(
                "dspace-repo",
                "oai-pmh",
                URI.create("http://127.0.0.1:" + server.port() + "/server/oai/request"),
                Map.of("metadataPrefix", "oai_dc", "treaty", "cbd", "set", "com_20.500.11822_1"));
    }

    static String envelope(String responseDate, String request, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\">"
                + "<responseDate>" + responseDate + "</responseDate>" + request + body + "</OAI-PMH>";
    }

    static final String IDENTIFY = envelope(
            "2026-12-01T10:00:00Z",
            "<request verb=\"Identify\">http://repo.example.org/server/oai/request</request>",
            "<Identify><repositoryName>Example MEA repository</repositoryName>"
                    + "<baseURL>http://repo.example.org/server/oai/request</baseURL><protocolVersion>2.0</protocolVersion>"
                    + "<adminEmail>repository@example.org</adminEmail><earliestDatestamp>2015-03-02T09:11:32Z</earliestDatestamp>"
                    + "<deletedRecord>persistent</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity>"
                    + "<compression>gzip</compression><compression>deflate</compression>"
                    + "<description><oai-identifier xmlns=\"http://www.openarchives.org/OAI/2.0/oai-identifier\">"
                    + "<scheme>oai</scheme><repositoryIdentifier>repo.example.org</repositoryIdentifier><delimiter>:</delimiter>"
                    + "<sampleIdentifier>oai:repo.example.org:20.500.11822/1234</sampleIdentifier></oai-identifier></description>"
                    + "</Identify>");

    static String record(String handle, String datestamp, String title, String subject, String date) {
        return "<record><header><identifier>oai:repo.example.org:20.500.11822/" + handle + "</identifier>"
                + "<datestamp>" + datestamp
                + "</datestamp><setSpec>com_20.500.11822_1</setSpec><setSpec>col_20.500.11822_7</setSpec></header>"
                + "<metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:doc=\"http://www.lyncode.com/xoai\" xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">"
                + "<dc:title>" + title + "</dc:title><dc:title xml:lang=\"fr\">" + title + " (fr)</dc:title>"
                + "<dc:creator>Secretariat of the Convention on Biological Diversity</dc:creator>"
                + "<dc:subject>" + subject + "</dc:subject><dc:subject>biodiversity</dc:subject>"
                + "<dc:description>Abstract of " + title + "</dc:description>"
                + "<dc:date>2021-06-01T08:00:00Z</dc:date><dc:date>" + date + "</dc:date><dc:date>2021</dc:date>"
                + "<dc:type>Report</dc:type><dc:identifier>http://hdl.handle.net/20.500.11822/" + handle
                + "</dc:identifier>"
                + "<dc:language>en</dc:language></oai_dc:dc></metadata></record>";
    }

    private void stub(MappingBuilder request, String body) {
        server.stubFor(request.willReturn(
                aResponse().withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body)));
    }

    private void stubIdentify() {
        stub(get(urlPathEqualTo("/server/oai/request")).withQueryParam("verb", equalTo("Identify")), IDENTIFY);
    }

    private void stubFirstList() {
        stub(
                get(urlPathEqualTo("/server/oai/request"))
                        .withQueryParam("verb", equalTo("ListRecords"))
                        .withQueryParam("metadataPrefix", equalTo("oai_dc"))
                        .withQueryParam("set", equalTo("com_20.500.11822_1"))
                        .withQueryParam("from", absent()),
                envelope(
                        "2026-12-01T10:00:01Z",
                        "<request verb=\"ListRecords\">http://repo.example.org/server/oai/request</request>",
                        "<ListRecords>"
                                + record(
                                        "1001",
                                        "2021-06-02T10:15:00Z",
                                        "Global Biodiversity Outlook 5",
                                        "GBF-T03. Conserve 30% of Land, Waters and Seas",
                                        "2020-09-15")
                                + record(
                                        "1002",
                                        "2022-01-10T12:00:00Z",
                                        "Guidance on spatial planning",
                                        "GBF-TARGET-01",
                                        "2021-11-30")
                                + "<resumptionToken completeListSize=\"3\" cursor=\"0\">oai_dc/com_20.500.11822_1///100</resumptionToken>"
                                + "</ListRecords>"));
        stub(
                get(urlPathEqualTo("/server/oai/request"))
                        .withQueryParam("verb", equalTo("ListRecords"))
                        .withQueryParam("resumptionToken", equalTo("oai_dc/com_20.500.11822_1///100")),
                envelope(
                        "2026-12-01T10:00:02Z",
                        "<request verb=\"ListRecords\">http://repo.example.org/server/oai/request</request>",
                        "<ListRecords>"
                                + "<record><header status=\"deleted\"><identifier>oai:repo.example.org:20.500.11822/999</identifier>"
                                + "<datestamp>2023-05-05T05:05:05Z</datestamp><setSpec>com_20.500.11822_1</setSpec></header></record>"
                                + "<resumptionToken completeListSize=\"3\" cursor=\"2\"/>"
                                + "</ListRecords>"));
    }

    static IRI iriOf(int port, String handle) {
        return Values.iri("http://127.0.0.1:" + port + "/server/oai/request?verb=GetRecord&identifier="
                + "oai%3Arepo.example.org%3A20.500.11822%2F" + handle + "&metadataPrefix=oai_dc");
    }

    @Test
    void aDspaceListBecomesDocumentRecordsAcrossItsResumptionToken() {
        stubIdentify();
        stubFirstList();
        HarvestOutcome outcome = harvest();
        assertOk(outcome);
        IRI gbo = iriOf(server.port(), "1001");
        assertEquals(Set.of(gbo, iriOf(server.port(), "1002")), harvested());
        Document doc = (Document) RecordMapper.fromRdf(store.get(gbo).orElseThrow(), gbo);
        assertEquals("Global Biodiversity Outlook 5", doc.title().get("und").orElseThrow());
        assertEquals("Global Biodiversity Outlook 5 (fr)", doc.title().get("fr").orElseThrow());
        assertEquals(ChmThesaurus.treaty("cbd"), doc.treaty());
        assertEquals(java.time.LocalDate.of(2021, 6, 1), doc.published(), "the first dc:date that is a day");
        IRI guidance = iriOf(server.port(), "1002");
        assertEquals(
                Set.of(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-01")),
                RecordMapper.fromRdf(store.get(guidance).orElseThrow(), guidance)
                        .concepts(),
                "a subject equal to a notation is that concept; biodiversity matches nothing");
        assertEquals("oai:repo.example.org:20.500.11822/1001", doc.identifier());
        assertTrue(
                doc.concepts().contains(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03")),
                "a subject matching a thesaurus label becomes a concept: " + doc.concepts());
        assertEquals(
                Map.of("from", "2026-12-01T10:00:01Z"),
                Map.of("from", runner.state(source().name()).get("from").orElseThrow()),
                "the next run starts at the first page's responseDate");
        assertFalse(runner.state(source().name()).get("token").isPresent());
    }

    @Test
    void theNextRunAsksFromTheLastStartAndTakesNoRecordsMatchAsNothingNew() {
        stubIdentify();
        stubFirstList();
        assertOk(harvest());
        stub(
                get(urlPathEqualTo("/server/oai/request"))
                        .withQueryParam("verb", equalTo("ListRecords"))
                        .withQueryParam("from", equalTo("2026-12-01T10:00:01Z")),
                envelope(
                        "2026-12-01T11:00:00Z",
                        "<request verb=\"ListRecords\">http://repo.example.org/server/oai/request</request>",
                        "<error code=\"noRecordsMatch\">No records match</error>"));
        HarvestOutcome second = harvest();
        assertOk(second);
        server.verify(
                1,
                getRequestedFor(urlPathEqualTo("/server/oai/request"))
                        .withQueryParam("from", equalTo("2026-12-01T10:00:01Z")));
        assertEquals(2, harvested().size());
        assertEquals(
                "2026-12-01T11:00:00Z",
                runner.state(source().name()).get("from").orElseThrow());
    }

    @Test
    void aRunStoppedMidListGoesOnAtItsTokenAndReadsTheListAgainWhenTheTokenExpired() {
        stubIdentify();
        stubFirstList();
        server.stubFor(get(urlPathEqualTo("/server/oai/request"))
                .withQueryParam("resumptionToken", equalTo("oai_dc/com_20.500.11822_1///100"))
                .willReturn(aResponse().withStatus(404)));
        HarvestOutcome stopped = harvest();
        assertFalse(stopped.ok());
        assertEquals(2, harvested().size(), "the first page stays committed");
        assertEquals(
                "oai_dc/com_20.500.11822_1///100",
                runner.state(source().name()).get("token").orElseThrow());

        // the provider forgot the token; the list, read again, now ends on its first page
        stub(
                get(urlPathEqualTo("/server/oai/request"))
                        .withQueryParam("resumptionToken", equalTo("oai_dc/com_20.500.11822_1///100")),
                envelope(
                        "2026-12-01T12:00:00Z",
                        "<request verb=\"ListRecords\">http://repo.example.org/server/oai/request</request>",
                        "<error code=\"badResumptionToken\">expired</error>"));
        stub(
                get(urlPathEqualTo("/server/oai/request"))
                        .withQueryParam("verb", equalTo("ListRecords"))
                        .withQueryParam("metadataPrefix", equalTo("oai_dc"))
                        .withQueryParam("from", absent()),
                envelope(
                        "2026-12-01T12:00:01Z",
                        "<request verb=\"ListRecords\">http://repo.example.org/server/oai/request</request>",
                        "<ListRecords>"
                                + record(
                                        "1001",
                                        "2021-06-02T10:15:00Z",
                                        "Global Biodiversity Outlook 5",
                                        "GBF-TARGET-03",
                                        "2020-09-15")
                                + "</ListRecords>"));
        HarvestOutcome again = harvest();
        assertOk(again);
        server.verify(
                2,
                getRequestedFor(urlPathEqualTo("/server/oai/request"))
                        .withQueryParam("resumptionToken", equalTo("oai_dc/com_20.500.11822_1///100")));
        assertFalse(runner.state(source().name()).get("token").isPresent());
        assertEquals(
                "2026-12-01T12:00:01Z",
                runner.state(source().name()).get("from").orElseThrow(),
                "from is the start of the list that was read to its end");
    }

    @Test
    void aProviderErrorFailsTheRunWithItsCode() {
        stubIdentify();
        stub(
                get(urlPathEqualTo("/server/oai/request")).withQueryParam("verb", equalTo("ListRecords")),
                envelope(
                        "2026-12-01T10:00:00Z",
                        "<request>http://repo.example.org/server/oai/request</request>",
                        "<error code=\"cannotDisseminateFormat\">oai_dc is not available</error>"));
        HarvestOutcome outcome = harvest();
        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("cannotDisseminateFormat"), outcome.error());
        assertTrue(harvested().isEmpty());
    }

    @Test
    void xmlWithADtdIsRefusedAndNothingIsRead() {
        stubIdentify();
        stub(
                get(urlPathEqualTo("/server/oai/request")).withQueryParam("verb", equalTo("ListRecords")),
                "<?xml version=\"1.0\"?><!DOCTYPE OAI-PMH [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + envelope("2026-12-01T10:00:00Z", "<request>&xxe;</request>", "<ListRecords/>")
                                .substring(39));
        HarvestOutcome outcome = harvest();
        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("DTD"), outcome.error());
        assertFalse(outcome.error().contains("root:"), "the entity was not expanded");
    }

    @Test
    void aResponseThatIsNotOaiPmhIsAClearError() {
        stub(
                get(urlPathEqualTo("/server/oai/request")).withQueryParam("verb", equalTo("Identify")),
                "<html><body>Maintenance</body></html>");
        HarvestOutcome outcome = harvest();
        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("not an OAI-PMH response"), outcome.error());
    }
}
