package org.chmexchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chmexchange.store.RecordQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartDuplicatesNothingAndKeepsTheBase() {
        long records;
        long statements;
        String base;
        try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true))) {
            records = node.store().count(RecordQuery.ALL);
            statements = size(node);
            base = node.baseIri();
            assertTrue(records > 60, "sample data loaded: " + records);
        }
        try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true))) {
            assertEquals(records, node.store().count(RecordQuery.ALL));
            assertEquals(statements, size(node), "no statement added twice");
            assertEquals(base, node.baseIri(), "record IRIs stay stable across restarts");
            String path = "records/decision/cbd-decision-15-4";
            assertEquals(
                    200,
                    NodeFixture.get("http://localhost:" + node.port() + "/" + path, "text/turtle")
                            .status());
        }
    }

    @Test
    void theBaseOfADataFolderCannotChange() {
        try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dataDir, "https://chm.example.org/", false))) {
            assertEquals("https://chm.example.org/", node.baseIri());
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> ChmNodeServer.start(new NodeConfig(0, dataDir, "https://other.example.org/", false)));
        assertTrue(e.getMessage().contains("https://chm.example.org/"), e.getMessage());
        try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, false))) {
            assertEquals(
                    "https://chm.example.org/",
                    node.baseIri(),
                    "the folder keeps its base; the port does not change it");
        }
    }

    @Test
    void referenceGraphsAreNotRewrittenOnRestart() {
        try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, false))) {
            assertTrue(node.store().count(RecordQuery.ALL) == 0);
        }
        try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, false))) {
            assertEquals(
                    false,
                    node.store()
                            .replaceGraphIfChanged(
                                    org.eclipse.rdf4j.model.util.Values.iri(
                                            "https://w3id.org/chm-exchange/graph/shapes"),
                                    org.chmexchange.vocab.Vocabularies.shapes()),
                    "shapes with blank nodes compare equal");
        }
    }

    private static long size(ChmNodeServer node) {
        return node.store().size();
    }
}
