package org.chmexchange.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.chmexchange.model.Record;
import org.chmexchange.model.Samples;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/** The JSON-LD of records is plain JSON: one object per record, keys from our context. */
class JsonLdTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(Model model) throws Exception {
        return JSON.readTree(Fixtures.write(model, RecordFormat.JSONLD));
    }

    @Test
    void decisionIsOnePlainObject() throws Exception {
        Record decision = Samples.decision();
        JsonNode node = json(RecordMapper.toRdf(decision));
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("@context", "id", "type", "identifier", "title", "summary"), keys.subList(0, 6));
        assertEquals(Vocabularies.CONTEXT_IRI, node.get("@context").asText());
        assertEquals(decision.iri().stringValue(), node.get("id").asText());
        assertEquals("Decision", node.get("type").asText());
        assertEquals("15/4", node.get("identifier").asText());
        assertEquals("Title of 15/4", node.get("title").get("en").asText());
        assertEquals(
                decision.title().get("zh").orElseThrow(),
                node.get("title").get("zh").asText());
        assertEquals(6, node.get("summary").size());
        assertEquals(
                "https://w3id.org/chm-exchange/thesaurus/treaties/cbd",
                node.get("treaty").asText());
        assertEquals(
                "https://w3id.org/chm-exchange/thesaurus/decision-types/decision",
                node.get("decisionType").asText());
        assertEquals("2022-12-19", node.get("adopted").asText());
        assertEquals("2025-11-30T08:15:30.123Z", node.get("modified").asText());
        assertEquals("2025-11-29T17:00:00Z", node.get("modifiedAtSource").asText());
        assertEquals(
                "https://w3id.org/chm-exchange/thesaurus/statuses/final",
                node.get("status").asText());
        assertTrue(node.get("concepts").isArray());
        assertEquals(3, node.get("concepts").size());
        assertEquals(
                "https://w3id.org/chm-exchange/thesaurus/aichi-targets/AICHI-TARGET-11",
                node.get("concepts").get(0).asText());
        assertTrue(node.get("cites").isArray());
        assertEquals(
                "http://node.example.org/records/meeting/cbd-cop-15-2",
                node.get("meeting").asText());
        assertEquals("chm-cbd-decision-15-4-0001", node.get("cbdIdentifier").asText());
        assertEquals("informea-cbd-decision-15-4", node.get("informeaId").asText());
    }

    @Test
    void filesAreNestedObjects() throws Exception {
        JsonNode files = json(RecordMapper.toRdf(Samples.decision())).get("files");
        assertEquals(2, files.size());
        JsonNode first = files.get(0);
        assertEquals(
                "http://node.example.org/records/decision/cbd-decision-15-4#file-1",
                first.get("id").asText());
        assertEquals("File", first.get("type").asText());
        assertEquals(
                "https://files.example.org/cbd-decision-15-4-en.docx",
                first.get("url").asText());
        assertEquals("en", first.get("language").asText());
        assertEquals("cbd-decision-15-4-en.docx", first.get("fileName").asText());
        assertEquals(
                "https://www.iana.org/assignments/media-types/application/pdf",
                files.get(1).get("mediaType").asText());
    }

    @Test
    void numbersDatesAndTreatyShapes() throws Exception {
        JsonNode meeting = json(RecordMapper.toRdf(Samples.meeting()));
        assertTrue(meeting.get("session").isInt());
        assertEquals(15, meeting.get("session").asInt());
        assertEquals(2, meeting.get("part").asInt());
        assertEquals("2022-12-07", meeting.get("startDate").asText());
        assertEquals(
                "https://w3id.org/chm-exchange/thesaurus/countries/ca",
                meeting.get("country").asText());
        assertTrue(meeting.get("treaty").isTextual(), "treaty is one IRI for a meeting");

        JsonNode treaty = json(RecordMapper.toRdf(Samples.treaty()));
        assertEquals("NP", treaty.get("acronym").asText());
        assertEquals("2014-10-12", treaty.get("entryIntoForce").asText());
        assertEquals(
                "https://w3id.org/chm-exchange/thesaurus/treaties/cbd",
                treaty.get("parentTreaty").asText());
        assertTrue(treaty.get("treaty").isTextual());

        JsonNode report = json(RecordMapper.toRdf(Samples.nationalReport()));
        assertTrue(report.get("treaty").isArray(), "treaty is always an array for a national report");
        assertEquals("2026-02-27", report.get("submitted").asText());
        assertEquals("2026-03-02", report.get("published").asText());
        assertEquals("NationalReport", report.get("type").asText());
    }

    @Test
    void focalPointContacts() throws Exception {
        JsonNode fp = json(RecordMapper.toRdf(Samples.focalPoint()));
        assertEquals("FocalPoint", fp.get("type").asText());
        assertEquals("person", fp.get("contactKind").asText());
        assertEquals("Dr. Ada Example", fp.get("name").asText());
        assertEquals("Dr.", fp.get("prefix").asText());
        assertEquals("Ada", fp.get("firstName").asText());
        assertEquals("Example", fp.get("lastName").asText());
        assertEquals("Ministry of Examples", fp.get("organization").get("en").asText());
        assertEquals(6, fp.get("designation").size());
        assertEquals("mailto:ada.example@example.org", fp.get("emails").get(0).asText());
        assertEquals("tel:+1-555-0100", fp.get("phones").get(0).asText());
        assertEquals(2, fp.get("categories").size());
        assertEquals(2, fp.get("treaty").size());
        JsonNode org = json(RecordMapper.toRdf(Samples.organization()));
        assertEquals("https://secretariat.example.org/", org.get("homepage").asText());
        assertEquals(3, org.get("treaty").size());
    }

    @Test
    void severalRecordsAreAGraphOfPlainObjects() throws Exception {
        JsonNode node = json(RecordMapper.toRdf(Samples.all()));
        assertEquals(Vocabularies.CONTEXT_IRI, node.get("@context").asText());
        JsonNode graph = node.get("@graph");
        assertEquals(Samples.all().size(), graph.size());
        for (JsonNode record : graph) {
            assertTrue(record.get("id").asText().startsWith(Samples.BASE + "records/"));
            assertFalse(record.has("@context"));
            assertEquals(2, record.get("files").size(), "files nested in " + record.get("id"));
        }
        JsonNode empty = json(new org.eclipse.rdf4j.model.impl.LinkedHashModel());
        assertEquals(0, empty.get("@graph").size());
    }

    @Test
    void aRecordCitingAnotherIsNotEmbedded() throws Exception {
        Model model = RecordMapper.toRdf(List.of(Samples.decision(), Samples.meeting()));
        JsonNode graph = json(model).get("@graph");
        assertTrue(graph.get(0).get("meeting").isTextual(), graph.toString());
    }

    @Test
    void jsonLdRoundTripsThroughTheParser() {
        for (Model model : List.of(RecordMapper.toRdf(Samples.all()), RecordMapper.toRdf(Samples.meeting()))) {
            Model back = Fixtures.read(Fixtures.write(model, RecordFormat.JSONLD), RecordFormat.JSONLD);
            assertTrue(Models.isomorphic(model, back));
            assertEquals(RecordMapper.allFromRdf(model), RecordMapper.allFromRdf(back));
        }
    }

    @Test
    void otherModelsAreFlattenedWithOurContext() throws Exception {
        Model model = RecordMapper.toRdf(Samples.decision());
        model.add(Samples.CBD, SKOS.PREF_LABEL, Values.literal("Convention on Biological Diversity", "en"));
        JsonNode node = json(model);
        assertEquals(Vocabularies.CONTEXT_IRI, node.get("@context").asText());
        assertEquals(3 + 1, node.get("@graph").size(), "record, two files, the concept");
        assertTrue(Models.isomorphic(
                model, Fixtures.read(Fixtures.write(model, RecordFormat.JSONLD), RecordFormat.JSONLD)));
    }

    @Test
    void plainJsonWrittenByAClientIsRead() {
        String json =
                """
                {"@context": "https://w3id.org/chm-exchange/context.jsonld",
                 "id": "http://localhost:8080/records/meeting/cbd-sbstta-26",
                 "type": "Meeting", "identifier": "SBSTTA-26",
                 "title": {"en": "SBSTTA 26", "fr": "OSASTT 26"},
                 "treaty": "https://w3id.org/chm-exchange/thesaurus/treaties/cbd",
                 "session": "26", "startDate": "2024-05-13",
                 "files": [{"id": "http://localhost:8080/records/meeting/cbd-sbstta-26#file-1",
                            "url": "https://files.example.org/sbstta-26.pdf", "mediaType":
                            "https://www.iana.org/assignments/media-types/application/pdf"}]}
                """;
        Record record = RecordMapper.fromRdf(
                Fixtures.read(json, RecordFormat.JSONLD),
                Values.iri("http://localhost:8080/records/meeting/cbd-sbstta-26"));
        org.chmexchange.model.Meeting meeting = (org.chmexchange.model.Meeting) record;
        assertEquals(26, meeting.session());
        assertEquals("OSASTT 26", meeting.title().get("fr").orElseThrow());
        assertEquals("application/pdf", meeting.files().get(0).mediaType());
    }
}
