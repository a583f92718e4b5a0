package org.chmexchange.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.config.OaiConfig;
import org.chmexchange.oai.OaiXml;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /oai} on a real node with the sample data (real MEA facts): GET, POST, HEAD, the errors of
 * HTTP and of OAI-PMH, CORS, the rdf schema; a whole list read page by page; and two nodes that end
 * with the same records, deletions included, through the {@code oai-pmh} harvester.
 */
class OaiApiTest {

    @TempDir
    static Path dirs;

    private static ChmNodeServer node;
    private static String root;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(
                new NodeConfig(0, dirs.resolve("node"), null, true).withOai(new OaiConfig(null, null, 20)));
        root = node.baseIri();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static OaiXml oai(Request request) {
        try (Response r = NodeFixture.HTTP.newCall(request).execute()) {
            assertEquals(200, r.code(), request.toString());
            assertEquals(
                    "text/xml;charset=utf-8",
                    r.header("Content-Type").replace(" ", "").toLowerCase());
            return new OaiXml(r.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("not an XML answer to " + request, e);
        }
    }

    static OaiXml get(String query) {
        return oai(new Request.Builder().url(root + "oai?" + query).build());
    }

    @Test
    void identifyByGetAndByPostSayTheSame() throws Exception {
        OaiXml byGet = get("verb=Identify");
        assertEquals(root + "oai", byGet.text("//oai:Identify/oai:baseURL"));
        assertEquals("webmaster@" + URI.create(root).getHost(), byGet.text("//oai:Identify/oai:adminEmail"));
        OaiXml byPost = oai(new Request.Builder()
                .url(root + "oai")
                .post(new FormBody.Builder().add("verb", "Identify").build())
                .build());
        assertEquals(byGet.text("//oai:Identify"), byPost.text("//oai:Identify"));
    }

    @Test
    void unknownArgumentsAreOaiPmhBadArgumentNotAnApiError() throws Exception {
        assertEquals("badArgument", get("verb=Identify&foo=bar").error());
        assertEquals("badVerb", get("verb=Nothing").error());
    }

    /**
     * The error requests of the openarchives.org data-provider validator (HTTP::OAIPMH::Validator
     * 1.07, its "error handling" and "version 2.0" tests; the validator itself is on no registry
     * CI reaches), each with the codes it accepts. {id} is a record identifier, {early} a second
     * a year before earliestDatestamp.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "junk | badVerb",
                "verb=junk | badVerb",
                "verb=GetRecord&metadataPrefix=oai_dc | badArgument",
                "verb=GetRecord&identifier={id} | badArgument",
                "verb=GetRecord&identifier=invalid\"id&metadataPrefix=oai_dc | badArgument idDoesNotExist",
                "verb=ListIdentifiers&until=junk | badArgument",
                "verb=ListIdentifiers&from=junk | badArgument",
                "verb=ListIdentifiers&resumptionToken=junk&until=2000-02-05 | badArgument badResumptionToken",
                "verb=ListRecords&metadataPrefix=oai_dc&from=junk | badArgument",
                "verb=ListRecords&resumptionToken=junk | badResumptionToken",
                "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=junk&until=1990-01-10 | badArgument badResumptionToken",
                "verb=ListRecords&metadataPrefix=oai_dc&until=junk | badArgument",
                "verb=ListRecords | badArgument",
                "verb=ListRecords&metadataPrefix=oai_dc&from=2002-02-05&until=2002-02-06T05:35:00Z | badArgument",
                "verb=ListRecords&metadataPrefix=oai_dc&until={early} | noRecordsMatch"
            })
    void theValidatorsErrorRequestsGetAnAcceptedCode(String query, String accepted) throws Exception {
        String earliest = get("verb=Identify").text("//oai:Identify/oai:earliestDatestamp");
        String early = java.time.Instant.parse(earliest)
                .atZone(java.time.ZoneOffset.UTC)
                .minusYears(1)
                .toInstant()
                .toString();
        String id =
                node.store().list(RecordQuery.ALL, null, 1).items().get(0).iri().stringValue();
        OaiXml answer = get(query.replace("{id}", id).replace("{early}", early));
        assertTrue(List.of(accepted.split(" ")).contains(answer.error()), query + " answered " + answer);
        assertFalse(answer.text("/oai:OAI-PMH/oai:error").isBlank(), "a human-readable message");
    }

    @Test
    void theValidatorsListChecksHold() throws Exception {
        OaiXml sets = get("verb=ListSets");
        String firstSet = sets.texts("//oai:setSpec").get(0);
        OaiXml headers = get("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + firstSet);
        String id = headers.texts("//oai:header[not(@status)]/oai:identifier").get(0);
        OaiXml record = get("verb=GetRecord&metadataPrefix=oai_dc&identifier="
                + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8));
        assertTrue(record.texts("//oai:header/oai:setSpec").contains(firstSet), "the example set is in the header");
        String stamp = record.text("//oai:header/oai:datestamp");
        assertTrue(stamp.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "second granularity, as Identify says");
        OaiXml window = get("verb=ListRecords&metadataPrefix=oai_dc&from=" + stamp + "&until=" + stamp);
        assertTrue(
                window.texts("//oai:header/oai:identifier").contains(id)
                        || !window.text("//oai:resumptionToken").isEmpty(),
                "from = until = its datestamp finds the record");
        OaiXml first = get("verb=ListRecords&metadataPrefix=oai_dc");
        assertEquals(1, first.count("//oai:resumptionToken"));
        assertEquals("0", first.text("//oai:resumptionToken/@cursor"));
        assertFalse(first.text("//oai:resumptionToken").isEmpty());
        assertEquals(
                "",
                get("verb=ListRecords&resumptionToken="
                                + java.net.URLEncoder.encode(
                                        first.text("//oai:resumptionToken"), StandardCharsets.UTF_8))
                        .error());
        assertTrue(first.text("/oai:OAI-PMH/@*[local-name()='schemaLocation']")
                .startsWith("http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"));
    }

    @Test
    void aPostThatIsNotAFormIs415() {
        NodeFixture.Reply r = NodeFixture.post(root + "oai", "application/json", "{\"verb\":\"Identify\"}");
        assertEquals(415, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    }

    @Test
    void headAnswersWithoutABodyAndCorsLetsScriptsRead() throws IOException {
        try (Response r = NodeFixture.HTTP
                .newCall(new Request.Builder()
                        .url(root + "oai?verb=Identify")
                        .head()
                        .build())
                .execute()) {
            assertEquals(200, r.code());
            assertEquals(0, r.body().bytes().length);
        }
        try (Response r = NodeFixture.HTTP
                .newCall(new Request.Builder()
                        .url(root + "oai")
                        .header("Origin", "https://portal.example.org")
                        .post(RequestBody.create("verb=Identify", MediaType.get("application/x-www-form-urlencoded")))
                        .build())
                .execute()) {
            assertEquals(200, r.code());
            assertEquals("*", r.header("Access-Control-Allow-Origin"), "an OAI-PMH POST is a read");
        }
    }

    @Test
    void theRdfSchemaIsServedAndIsAnXmlSchema() throws Exception {
        NodeFixture.Reply r = NodeFixture.get(root + "oai/rdf.xsd", null);
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/xml"), r.contentType());
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new javax.xml.transform.stream.StreamSource(
                        new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))));
        OaiXml formats = get("verb=ListMetadataFormats");
        assertTrue(formats.texts("//oai:schema").contains(root + "oai/rdf.xsd"));
    }

    @Test
    void aWholeListByResumptionTokenHoldsEveryRecordOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        int all = 0;
        OaiXml page = get("verb=ListIdentifiers&metadataPrefix=rdf");
        int pages = 1;
        while (true) {
            assertEquals("", page.error(), page.toString());
            ids.addAll(page.texts("//oai:header[not(@status='deleted')]/oai:identifier"));
            all += page.count("//oai:header");
            String token = page.text("//oai:resumptionToken");
            if (token.isEmpty()) {
                break;
            }
            page = get("verb=ListIdentifiers&resumptionToken="
                    + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
            pages++;
        }
        Set<String> stored = new HashSet<>();
        node.store()
                .list(RecordQuery.ALL, null, 10_000)
                .items()
                .forEach(s -> stored.add(s.iri().stringValue()));
        assertEquals(stored.size(), ids.size(), "no record twice");
        assertEquals(node.store().countLatestChanges(org.chmexchange.store.ChangeQuery.ALL), all, "tombstones too");
        assertEquals(stored, new HashSet<>(ids));
        assertTrue(pages > 1, "pages of 20: " + ids.size());
    }

    @Test
    void twoNodesEndWithTheSameRecordsDeletionsIncludedThroughTheOaiPmhHarvester() {
        try (RecordValidator validator = new RecordValidator();
                RecordStore portal = RecordStore.openEmbedded(dirs.resolve("portal"))) {
            HarvestRun run = new HarvestRun(
                    portal,
                    validator,
                    "http://portal.example.org/",
                    HarvesterRegistry.load(),
                    new HarvestContext(NodeFixture.HTTP, 1_000));
            HarvestSource source =
                    new HarvestSource("node", "oai-pmh", URI.create(root + "oai"), Map.of("metadataPrefix", "rdf"));
            HarvestOutcome first = run.run(source, HarvestListener.NONE);
            assertTrue(first.ok(), first.error());
            assertEquals(node.store().count(RecordQuery.ALL), portal.count(RecordQuery.ALL));
            for (RecordSummary s :
                    node.store().list(RecordQuery.ALL, null, 10_000).items()) {
                Model there = node.store().get(s.iri()).orElseThrow();
                Model here = portal.get(s.iri()).orElseThrow();
                there.remove(s.iri(), org.eclipse.rdf4j.model.vocabulary.DCTERMS.MODIFIED, null);
                here.remove(s.iri(), org.eclipse.rdf4j.model.vocabulary.DCTERMS.MODIFIED, null);
                here.remove(s.iri(), org.chmexchange.vocab.CHM.modifiedAtSource, null);
                assertTrue(Models.isomorphic(there, here), s.iri().stringValue());
            }

            IRI gone = node.store()
                    .list(
                            new RecordQuery(
                                    Set.of(RecordType.DECISION), Set.of(), Set.of(), Set.of(), Set.of(), null, null),
                            null,
                            1)
                    .items()
                    .get(0)
                    .iri();
            assertTrue(node.store().delete(gone));
            HarvestOutcome second = run.run(source, HarvestListener.NONE);
            assertTrue(second.ok(), second.error());
            assertEquals(1, second.counts().deleted(), second.counts().toString());
            assertFalse(portal.get(gone).isPresent());
            assertEquals(node.store().count(RecordQuery.ALL), portal.count(RecordQuery.ALL));
        }
    }
}
