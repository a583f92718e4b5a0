package org.chmexchange.node.http;

import static org.chmexchange.node.NodeFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.vocab.ChmThesaurus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThesaurusApiTest {

    @TempDir
    static Path dataDir;

    static ChmNodeServer node;
    static String root;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, false));
        root = "http://localhost:" + node.port() + "/thesaurus/";
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void autocompleteInTheRequestedLanguage() {
        JsonNode fr = get(root + "search?q=fran&lang=fr", null).json();
        assertEquals(
                ChmThesaurus.country("fr").stringValue(),
                fr.get("items").get(0).get("id").asText());
        assertEquals("France", fr.get("items").get(0).get("prefLabel").get("fr").asText());
        assertEquals("Concept", fr.get("items").get(0).get("type").asText());
        assertEquals("FR", fr.get("items").get(0).get("iso3166Alpha2").get(0).asText());
        assertEquals("FRA", fr.get("items").get(0).get("iso3166Alpha3").get(0).asText());
        JsonNode ru =
                get(root + "search?q=%D0%A4%D1%80%D0%B0%D0%BD&lang=ru", null).json(); // "Фран"
        assertEquals(
                ChmThesaurus.country("fr").stringValue(),
                ru.get("items").get(0).get("id").asText());
        assertTrue(ru.get("items").get(0).get("prefLabel").has("ru"), ru.toString());
    }

    @Test
    void theImportListOfANodeWithoutImportsIsEmpty() {
        JsonNode imports = get(root + "imports", null).json();
        assertEquals("OrderedCollection", imports.get("type").asText());
        assertEquals(0, imports.get("totalItems").asInt());
        assertEquals(0, imports.get("items").size());
    }

    @Test
    void aLanguageWithoutLabelsFallsBackToEnglish() {
        JsonNode de = get(root + "search?q=GBF-TARGET-03&lang=de", null).json();
        JsonNode first = de.get("items").get(0);
        assertEquals(
                ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03").stringValue(),
                first.get("id").asText());
        assertTrue(first.get("prefLabel").has("en"), first.toString());
    }

    @Test
    void conceptByNotationAsJsonAndTurtle() {
        String iri =
                ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03").stringValue();
        JsonNode json =
                get(root + "concept?iri=GBF-TARGET-03", "application/json").json();
        assertEquals(iri, json.get("id").asText());
        assertTrue(json.get("exactMatch").toString().contains("api.cbd.int"));
        Reply turtle = get(
                root + "concept?iri=" + java.net.URLEncoder.encode(iri, java.nio.charset.StandardCharsets.UTF_8),
                "text/turtle");
        assertEquals(200, turtle.status());
        assertTrue(turtle.body().contains("GBF-TARGET-03"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', text/html",
        "'*/*', application/json",
        "'*/*;q=0.1, text/turtle', text/turtle",
        "'text/*', text/turtle",
        "application/ld+json, application/ld+json",
        "application/json, application/json"
    })
    void conceptNegotiation(String accept, String expected) {
        Reply r = get(root + "concept?iri=GBF-TARGET-03", accept);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith(expected), accept + " gave " + r.contentType());
    }

    @Test
    void topConceptsBroaderAndNarrower() {
        JsonNode top = get(root + "top?scheme=aichi-goals", null).json();
        assertEquals("ConceptScheme", top.get("type").asText());
        assertEquals(5, top.get("hasTopConcept").size());
        JsonNode narrower = get(
                        root + "narrower?iri=" + ChmThesaurus.concept(ChmThesaurus.AICHI_GOALS, "AICHI-GOAL-A")
                                + "&transitive=true",
                        null)
                .json();
        Set<String> ids = new HashSet<>();
        narrower.get("narrowerTransitive").forEach(i -> ids.add(i.get("id").asText()));
        assertEquals(4, ids.size());
        assertTrue(ids.contains(ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-01")
                .stringValue()));
        JsonNode broader = get(root + "broader?iri=" + ChmThesaurus.treaty("nkl") + "&transitive=true", null)
                .json();
        assertTrue(broader.get("broaderTransitive")
                .toString()
                .contains(ChmThesaurus.treaty("cbd").stringValue()));
    }

    @Test
    void errors() {
        RecordApiTest.assertProblem(get(root + "search", null), 400);
        RecordApiTest.assertProblem(get(root + "search?q=x&lang=%3Cscript%3E", null), 400);
        RecordApiTest.assertProblem(get(root + "concept?iri=NOPE-NOTHING", null), 404);
        RecordApiTest.assertProblem(get(root + "top?scheme=nothing", null), 404);
        RecordApiTest.assertProblem(get(root + "narrower?iri=GBF-GOAL-A&transitive=maybe", null), 400);
    }
}
