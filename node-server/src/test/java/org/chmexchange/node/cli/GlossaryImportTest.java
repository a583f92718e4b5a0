package org.chmexchange.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.replay.InformeaRows;
import org.chmexchange.node.replay.ODataReplay;
import org.chmexchange.store.RecordStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, part 3: {@code chm-node thesaurus import FILE} of a SKOS-XL glossary (own fixture), then
 * an {@code odata} harvest whose decision keywords name a glossary term, then a node on the folder:
 * the glossary's concepts keep their IRIs in their scheme, are linked to the shared thesaurus where
 * notation or labels match (reported, not merged), the keyword resolves to the glossary concept, and
 * {@code GET /records?concept=} finds the decisions by it.
 */
class GlossaryImportTest {

    static final IRI TRADE = Values.iri("https://glossary.example.org/terms/trade");

    @TempDir
    Path dir;

    @Test
    void aSkosXlGlossaryIsImportedLinkedAndItsTermsTagHarvestedRecords() throws Exception {
        Path glossary = dir.resolve("glossary.ttl");
        try (InputStream in = getClass().getResourceAsStream("glossary-skosxl.ttl")) {
            Files.copy(in, glossary);
        }
        Path data = dir.resolve("data");
        ExchangeCommandsTest.Run run = ExchangeCommandsTest.run(
                Map.of(), "thesaurus", "import", glossary.toString(), "--data", data.toString());
        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().contains("glossary: 3 concept(s)"), run.out());
        assertTrue(
                run.out()
                        .contains("<https://glossary.example.org/terms/france> skos:exactMatch"
                                + " <https://w3id.org/chm-exchange/thesaurus/countries/fr>"),
                run.out());
        assertTrue(
                run.out().contains("<https://glossary.example.org/terms/protected-areas> skos:closeMatch"), run.out());

        ExchangeCommandsTest.Run bad = ExchangeCommandsTest.run(
                Map.of(), "thesaurus", "import", dir.resolve("missing.ttl").toString(), "--data", data.toString());
        assertEquals(1, bad.exit(), bad.out());
        assertTrue(bad.err().contains("nothing was imported"), bad.err());

        String sourceBase;
        try (ODataReplay replay = ODataReplay.start("127.0.0.1", 0)) {
            sourceBase = replay.url() + "/"; // the records' base: the source URL (option base unset)
            replay.put(
                    "Decisions",
                    InformeaRows.NAVIGATION.get("Decisions"),
                    InformeaRows.of("Decisions", 3, Instant.parse("2024-01-01T00:00:00Z")));
            Path config = dir.resolve("node.yaml");
            Files.writeString(
                    config,
                    """
                    node:
                      data: %s
                      baseUrl: http://portal.example.org/
                    sources:
                      - name: mea
                        protocol: odata
                        url: %s
                        options:
                          entitySets: Decisions
                          treaty: cites
                    """
                            .formatted(data, replay.url()));
            ExchangeCommandsTest.Run harvest =
                    ExchangeCommandsTest.run(Map.of(), "harvest", "mea", "--config", config.toString(), "--plain");
            assertEquals(0, harvest.exit(), harvest.err() + harvest.out());
        }
        try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, data, null, false))) {
            RecordStore store = node.store();
            String local = "http://127.0.0.1:" + node.port() + "/"; // the folder's base names another host
            IRI decision = Values.iri(sourceBase + "records/decision/dec-1");
            assertTrue(
                    store.get(decision).orElseThrow().contains(decision, DCTERMS.SUBJECT, TRADE),
                    "the keyword 'trade' is the glossary's concept");
            NodeFixture.Reply list = NodeFixture.get(
                    local + "records?concept=" + java.net.URLEncoder.encode(TRADE.stringValue(), "UTF-8"),
                    "application/json");
            assertEquals(200, list.status(), list.body());
            assertEquals(3, list.json().path("totalItems").asInt(), list.body());
            NodeFixture.Reply concept = NodeFixture.get(
                    local + "thesaurus/concept?iri=" + java.net.URLEncoder.encode(TRADE.stringValue(), "UTF-8"),
                    "application/json");
            assertEquals(200, concept.status(), concept.body());
            assertTrue(concept.body().contains("commerce"), concept.body());
        }
    }
}
