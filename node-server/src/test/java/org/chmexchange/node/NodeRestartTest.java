package org.chmexchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chmexchange.store.RecordQuery;
import org.eclipse.rdf4j.repository.RepositoryConnection;
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
            assertEquals(200, NodeFixture.get("http://localhost:" + node.port() + "/" + path, "text/turtle").status());
        }
    }

    private static long size(ChmNodeServer node) {
        try (RepositoryConnection con = node.store().repository().getConnection()) {
            return con.size();
        }
    }
}
