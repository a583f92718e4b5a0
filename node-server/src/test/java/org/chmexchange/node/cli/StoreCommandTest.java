package org.chmexchange.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chmexchange.node.Fictional;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.StoreException;
import org.chmexchange.store.internal.StoreLayout;
import org.chmexchange.store.internal.Tdb2QuadStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code chm-node store check|repair|migrate} on real data folders. People are fictional. */
class StoreCommandTest {

    private static final String BASE = "http://node.example.org/";

    @TempDir
    Path dir;

    record Run(int exit, String out) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ChmNode());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute(args);
        return new Run(exit, out.toString());
    }

    private void twoRecords(Path data) {
        try (RecordStore store = RecordStore.openEmbedded(data)) {
            Fictional.publishLocally(store, BASE, "co-cbd-fp1-ana", "co", "Ana Ejemplo", "ana@example.org");
            Fictional.publishLocally(store, BASE, "pe-cbd-fp1-luis", "pe", "Luis Muestra", "luis@example.org");
        }
    }

    @Test
    void checkAndRepairASoundFolder() {
        Path data = dir.resolve("data");
        twoRecords(data);
        Run check = run("store", "check", "--data", data.toString());
        assertEquals(0, check.exit(), check.out());
        assertTrue(check.out().contains("records: 2 (2 in the index)"), check.out());
        assertTrue(check.out().contains("change log: 2 entries, last sequence 2"), check.out());
        assertTrue(check.out().contains("no problem found"), check.out());
        Run repair = run("store", "repair", "--data", data.toString());
        assertEquals(0, repair.exit(), repair.out());
        assertTrue(repair.out().contains("Rebuilt the record index"), repair.out());
    }

    @Test
    void compactRewritesTheStoreAndIfDueLeavesASmallOneAlone() {
        Path data = dir.resolve("data");
        twoRecords(data);
        Run notDue = run("store", "compact", "--if-due", "--data", data.toString());
        assertEquals(0, notDue.exit(), notDue.out());
        assertTrue(notDue.out().startsWith("Not due: the store's files take "), notDue.out());
        assertTrue(data.resolve("tdb2/Data-0001").toFile().isDirectory(), "not compacted");
        Run compact = run("store", "compact", "--data", data.toString());
        assertEquals(0, compact.exit(), compact.out());
        assertTrue(compact.out().startsWith("Compacted the store from "), compact.out());
        assertFalse(data.resolve("tdb2/Data-0001").toFile().exists(), "the old generation is deleted");
        assertTrue(data.resolve("tdb2/Data-0002").toFile().isDirectory());
        Run check = run("store", "check", "--data", data.toString());
        assertEquals(0, check.exit(), check.out());
        assertTrue(check.out().contains("records: 2 (2 in the index)"), check.out());
    }

    @Test
    void checkFindsAGapInTheChangeLog() {
        Path data = dir.resolve("data");
        twoRecords(data);
        IRI first = Values.iri("urn:chm-exchange:change:1");
        try (Tdb2QuadStore quads = Tdb2QuadStore.open(StoreLayout.quadsDir(data))) {
            quads.write(q -> {
                List<Statement> entry = new ArrayList<>();
                q.find(first, null, null, null, entry::add);
                assertFalse(entry.isEmpty());
                entry.forEach(q::remove);
                return null;
            });
        }
        Run check = run("store", "check", "--data", data.toString());
        assertEquals(1, check.exit(), check.out());
        assertTrue(
                check.out().contains("PROBLEM: the change log misses 1 sequence number(s) below 2, the first 1"),
                check.out());
        assertTrue(check.out().contains("has no entry in the change log"), check.out());
    }

    @Test
    void aFolderOfVersion01IsRefusedThenMigrated() throws Exception {
        Path source = dir.resolve("source");
        twoRecords(source);
        List<Statement> all = new ArrayList<>();
        try (Tdb2QuadStore quads = Tdb2QuadStore.open(StoreLayout.quadsDir(source))) {
            quads.read(q -> {
                q.find(null, null, null, null, all::add);
                return null;
            });
        }
        // The same statements in a folder laid out as version 0.1 wrote it: an LMDB store in rdf/.
        Path old = dir.resolve("old");
        SailRepository lmdb =
                new SailRepository(new LmdbStore(old.resolve("rdf").toFile(), new LmdbStoreConfig("spoc,posc,cspo")));
        lmdb.init();
        try (RepositoryConnection con = lmdb.getConnection()) {
            con.add(all);
        } finally {
            lmdb.shutDown();
        }
        StoreException refused = assertThrows(StoreException.class, () -> RecordStore.openEmbedded(old));
        assertTrue(refused.getMessage().contains("chm-node store migrate --data " + old), refused.getMessage());

        Run migrate = run("store", "migrate", "--data", old.toString());
        assertEquals(0, migrate.exit(), migrate.out());
        assertTrue(migrate.out().contains("Copied " + all.size() + " statements"), migrate.out());
        assertTrue(migrate.out().contains("no problem found"), migrate.out());
        assertTrue(Files.isDirectory(old.resolve("rdf.0.1")), "the old store is kept aside");
        try (RecordStore store = RecordStore.openEmbedded(old)) {
            assertEquals(2, store.count(RecordQuery.ALL));
        }
        assertEquals(1, run("store", "migrate", "--data", old.toString()).exit(), "nothing left to migrate");
    }
}
