package org.chmexchange.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chmexchange.model.Record;
import org.chmexchange.model.RecordType;
import org.chmexchange.model.Samples;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Thesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OAI-PMH provider over an embedded store: the six verbs, keyset paging, tombstones, sets, dates, errors. */
class OaiProviderTest {

    static final String BASE_URL = "http://node.example.org/oai";
    static final Thesaurus THESAURUS = Thesaurus.fromClasspath();

    @TempDir
    Path dir;

    RecordStore store;
    OaiProvider oai;
    final List<IRI> written = new ArrayList<>();

    @BeforeEach
    void fill() {
        store = RecordStore.openEmbedded(dir);
        for (Record r : Samples.all()) {
            store.put(RecordMapper.toRdf(r), RecordStore.localGraph(Samples.BASE));
            written.add(r.iri());
        }
        assertTrue(store.delete(Samples.organization().iri()));
        oai = new OaiProvider(
                store, THESAURUS, new OaiSettings(BASE_URL, "Example CHM", List.of("chm@example.org"), 3));
    }

    @AfterEach
    void close() {
        store.close();
    }

    OaiXml call(String... argumentsAndValues) throws Exception {
        Map<String, List<String>> args = new LinkedHashMap<>();
        for (int i = 0; i < argumentsAndValues.length; i += 2) {
            args.computeIfAbsent(argumentsAndValues[i], k -> new ArrayList<>()).add(argumentsAndValues[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        oai.respond(args, out);
        return new OaiXml(out.toByteArray());
    }

    @Test
    void identifySaysWhatAHarvesterNeeds() throws Exception {
        OaiXml x = call("verb", "Identify");
        assertEquals("", x.error(), x.toString());
        assertEquals("Example CHM", x.text("//oai:Identify/oai:repositoryName"));
        assertEquals(BASE_URL, x.text("//oai:Identify/oai:baseURL"));
        assertEquals("2.0", x.text("//oai:Identify/oai:protocolVersion"));
        assertEquals("chm@example.org", x.text("//oai:Identify/oai:adminEmail"));
        assertEquals("persistent", x.text("//oai:Identify/oai:deletedRecord"));
        assertEquals("YYYY-MM-DDThh:mm:ssZ", x.text("//oai:Identify/oai:granularity"));
        Instant first =
                store.changes(ChangeQuery.ALL, 0, 1).items().get(0).time().truncatedTo(ChronoUnit.SECONDS);
        assertEquals(first.toString(), x.text("//oai:Identify/oai:earliestDatestamp"));
        assertTrue(x.text("/oai:OAI-PMH/oai:responseDate").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(BASE_URL, x.text("/oai:OAI-PMH/oai:request"));
    }

    @Test
    void listRecordsPagesByKeysetSoAConcurrentWriteNeitherSkipsNorRepeatsAnUnchangedRecord() throws Exception {
        OaiXml first = call("verb", "ListRecords", "metadataPrefix", "oai_dc");
        assertEquals("", first.error(), first.toString());
        assertEquals(3, first.count("//oai:record"));
        assertEquals("0", first.text("//oai:resumptionToken/@cursor"));
        assertEquals(String.valueOf(Samples.all().size()), first.text("//oai:resumptionToken/@completeListSize"));
        assertEquals(
                List.of(
                        written.get(0).stringValue(),
                        written.get(1).stringValue(),
                        written.get(2).stringValue()),
                first.texts("//oai:record/oai:header/oai:identifier"));

        // the first record changes between two pages: it moves to the end of the list
        Record treaty = Samples.treaty();
        store.put(
                RecordMapper.toRdf(treaty.withCommon(treaty.common().toBuilder()
                        .title(org.chmexchange.model.LangText.of("en", "Nagoya Protocol, revised"))
                        .build())),
                RecordStore.localGraph(Samples.BASE));

        List<String> seen = new ArrayList<>(first.texts("//oai:record/oai:header/oai:identifier"));
        String token = first.text("//oai:resumptionToken");
        int cursor = 3;
        OaiXml page = first;
        while (!token.isEmpty()) {
            page = call("verb", "ListRecords", "resumptionToken", token);
            assertEquals("", page.error(), page.toString());
            assertEquals(String.valueOf(cursor), page.text("//oai:resumptionToken/@cursor"));
            List<String> ids = page.texts("//oai:record/oai:header/oai:identifier");
            seen.addAll(ids);
            cursor += ids.size();
            token = page.text("//oai:resumptionToken");
        }
        assertEquals(1, page.count("//oai:resumptionToken"), "the last page has an empty resumptionToken");
        List<String> expected = new ArrayList<>();
        written.forEach(i -> expected.add(i.stringValue()));
        // the deleted organization's tombstone comes after the records written before its deletion
        expected.remove(Samples.organization().iri().stringValue());
        expected.add(Samples.organization().iri().stringValue());
        expected.add(written.get(0).stringValue());
        assertEquals(expected, seen, "every record once, the changed one again at the end, the deleted one included");
    }

    @Test
    void aDeletedRecordIsAHeaderWithStatusDeletedAndNoMetadata() throws Exception {
        IRI org = Samples.organization().iri();
        OaiXml x = call("verb", "GetRecord", "identifier", org.stringValue(), "metadataPrefix", "oai_dc");
        assertEquals("", x.error(), x.toString());
        assertEquals("deleted", x.text("//oai:record/oai:header/@status"));
        assertEquals(0, x.count("//oai:record/oai:metadata"));
        assertEquals(
                store.lastChange(org)
                        .orElseThrow()
                        .time()
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString(),
                x.text("//oai:record/oai:header/oai:datestamp"));
    }

    @Test
    void oaiDcMapsTheRecord() throws Exception {
        OaiXml x = call(
                "verb", "GetRecord", "identifier", Samples.decision().iri().stringValue(), "metadataPrefix", "oai_dc");
        assertEquals("", x.error(), x.toString());
        String dc = "//oai:metadata/oai_dc:dc/";
        assertEquals("Title of 15/4", x.text(dc + "dc:title[@xml:lang='en']"));
        assertEquals(6, x.count(dc + "dc:title"));
        assertEquals("2022-12-19", x.text(dc + "dc:date"));
        assertEquals(List.of("Decision", "Decision"), x.texts(dc + "dc:type"));
        assertEquals(Samples.decision().iri().stringValue(), x.text(dc + "dc:identifier[1]"));
        assertEquals("15/4", x.text(dc + "dc:identifier[2]"));
        assertTrue(
                x.texts(dc + "dc:subject")
                        .contains(THESAURUS
                                .concept(org.chmexchange.vocab.ChmThesaurus.concept(
                                        org.chmexchange.vocab.ChmThesaurus.GBF_TARGETS, "GBF-TARGET-01"))
                                .orElseThrow()
                                .label("ar")),
                x.toString());
        assertTrue(x.texts(dc + "dc:relation").contains(Samples.CBD.stringValue()));
        assertTrue(x.texts(dc + "dc:relation").contains("https://files.example.org/cbd-decision-15-4-fr.pdf"));
        assertTrue(x.texts(dc + "dc:language").containsAll(List.of("ar", "en", "fr", "zh")));

        OaiXml report = call(
                "verb",
                "GetRecord",
                "identifier",
                Samples.nationalReport().iri().stringValue(),
                "metadataPrefix",
                "oai_dc");
        assertEquals(
                List.of(THESAURUS
                        .concept(org.chmexchange.vocab.ChmThesaurus.country("fr"))
                        .orElseThrow()
                        .label("ar")),
                report.texts(dc + "dc:coverage"));
        assertEquals("2026-03-02", report.text(dc + "dc:date"));
    }

    @Test
    void theRdfFormatIsTheRecordAsStored() throws Exception {
        IRI d = Samples.decision().iri();
        OaiXml x = call("verb", "GetRecord", "identifier", d.stringValue(), "metadataPrefix", "rdf");
        assertEquals("", x.error(), x.toString());
        String xml = x.toString();
        String rdf = xml.substring(xml.indexOf("<rdf:RDF"), xml.indexOf("</rdf:RDF>") + "</rdf:RDF>".length());
        Model parsed = Rio.parse(
                new ByteArrayInputStream(rdf.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "", RDFFormat.RDFXML);
        assertTrue(Models.isomorphic(store.get(d).orElseThrow(), parsed));
    }

    @Test
    void setsByTypeTreatyAndCountry() throws Exception {
        OaiXml sets = call("verb", "ListSets");
        assertEquals("", sets.error(), sets.toString());
        List<String> specs = sets.texts("//oai:set/oai:setSpec");
        assertTrue(
                specs.containsAll(List.of("type", "type:decision", "treaty", "treaty:cbd", "country", "country:fr")),
                specs.toString());
        assertEquals(0, sets.count("//oai:resumptionToken"), "every set in one answer");

        OaiXml fr = call("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "country:fr");
        assertEquals(
                List.of(
                        Samples.nationalReport().iri().stringValue(),
                        Samples.focalPoint().iri().stringValue()),
                fr.texts("//oai:header/oai:identifier"));
        assertTrue(
                fr.texts("//oai:header[1]/oai:setSpec")
                        .containsAll(List.of(
                                "type",
                                "type:national-report",
                                "treaty",
                                "treaty:cbd",
                                "treaty:nagoya",
                                "country",
                                "country:fr")),
                fr.texts("//oai:header[1]/oai:setSpec").toString());
        OaiXml decisions = call("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "type:decision");
        assertEquals(List.of(Samples.decision().iri().stringValue()), decisions.texts("//oai:header/oai:identifier"));
        OaiXml deleted = call("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "type:organization");
        assertEquals("deleted", deleted.text("//oai:header/@status"), "a tombstone stays in its sets");
        assertEquals(
                "noRecordsMatch",
                call("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "treaty:no-such")
                        .error());
    }

    @Test
    void fromAndUntilAreInclusiveAtSecondGranularity() throws Exception {
        IRI d = Samples.decision().iri();
        String stamp = store.lastChange(d)
                .orElseThrow()
                .time()
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        OaiXml same = call("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", stamp, "until", stamp);
        assertTrue(same.texts("//oai:header/oai:identifier").contains(d.stringValue()), same.toString());
        String day = stamp.substring(0, 10);
        OaiXml days = call("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", day, "until", day);
        assertTrue(
                days.texts("//oai:header/oai:identifier").contains(d.stringValue()),
                "day granularity is accepted too: " + days);
        String tomorrow = Instant.now()
                .plus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertEquals(
                "badArgument",
                call("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", tomorrow)
                        .error(),
                "XOAI refuses a from in the future");
        String today = Instant.now().toString().substring(0, 10);
        assertEquals(
                "",
                call("verb", "ListRecords", "metadataPrefix", "oai_dc", "until", today)
                        .error(),
                "until today is now");
        assertEquals(
                "noRecordsMatch",
                call("verb", "ListRecords", "metadataPrefix", "oai_dc", "until", "2001-01-01")
                        .error());
        assertEquals(
                "badArgument",
                call("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2001-01-01", "until", stamp)
                        .error(),
                "from and until of different granularities");
        assertEquals(
                "badArgument",
                call("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2001-13-01")
                        .error());
    }

    @Test
    void errorsAreOaiPmhErrorCodes() throws Exception {
        assertEquals("badVerb", call("verb", "Explode").error());
        assertEquals("badVerb", call().error());
        assertEquals("badArgument", call("verb", "ListRecords").error().isEmpty() ? "" : "badArgument");
        assertEquals(
                "badArgument",
                call("verb", "Identify", "metadataPrefix", "oai_dc").error());
        assertEquals(
                "badArgument",
                call("verb", "ListRecords", "metadataPrefix", "oai_dc", "metadataPrefix", "rdf")
                        .error());
        assertEquals(
                "badResumptionToken",
                call("verb", "ListRecords", "resumptionToken", "not-a-token").error());
        assertEquals(
                "badResumptionToken",
                call("verb", "ListRecords", "resumptionToken", "eyJ2Ijo5fQ").error());
        assertEquals(
                "idDoesNotExist",
                call(
                                "verb",
                                "GetRecord",
                                "identifier",
                                "http://node.example.org/records/decision/none",
                                "metadataPrefix",
                                "oai_dc")
                        .error());
        assertEquals(
                "idDoesNotExist",
                call("verb", "GetRecord", "identifier", "not an iri", "metadataPrefix", "oai_dc")
                        .error());
        assertEquals(
                "cannotDisseminateFormat",
                call("verb", "GetRecord", "identifier", written.get(0).stringValue(), "metadataPrefix", "marc21")
                        .error());
        assertEquals(
                "cannotDisseminateFormat",
                call("verb", "ListRecords", "metadataPrefix", "marc21").error());
        assertEquals(
                "idDoesNotExist",
                call("verb", "ListMetadataFormats", "identifier", "http://node.example.org/none")
                        .error());
    }

    @Test
    void listMetadataFormatsOffersOaiDcAndRdf() throws Exception {
        OaiXml x = call("verb", "ListMetadataFormats");
        assertEquals(List.of("oai_dc", "rdf"), x.texts("//oai:metadataFormat/oai:metadataPrefix"));
        assertEquals(List.of(DublinCore.SCHEMA, BASE_URL + "/rdf.xsd"), x.texts("//oai:metadataFormat/oai:schema"));
        OaiXml one =
                call("verb", "ListMetadataFormats", "identifier", written.get(2).stringValue());
        assertEquals(List.of("oai_dc", "rdf"), one.texts("//oai:metadataFormat/oai:metadataPrefix"));
        assertFalse(OaiProvider.rdfSchema().length == 0);
    }

    static String typeSet(RecordType t) {
        return "type:" + t.slug();
    }
}
