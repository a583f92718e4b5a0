package org.chmexchange.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.dboe.transaction.txn.ComponentId;
import org.apache.jena.dboe.transaction.txn.journal.Journal;
import org.apache.jena.dboe.transaction.txn.journal.JournalEntry;
import org.apache.jena.dboe.transaction.txn.journal.JournalEntryType;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.DatabaseOps;
import org.chmexchange.store.StoreException;
import org.chmexchange.store.StoreInUseException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal torn by a crash (the way Jena writes it: a header, then its data, then a commit entry)
 * no longer keeps the store from opening; a damaged one is refused and left as it is.
 */
class Tdb2JournalTest {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private static final IRI S = VF.createIRI("https://node.example.org/records/decision/x");
    private static final IRI P = VF.createIRI("https://node.example.org/p");
    private static final IRI G = VF.createIRI("https://node.example.org/graphs/local");
    private static final int DATA_BYTES = 24;

    @TempDir
    Path dir;

    @Test
    void aStoreWhoseJournalEndsInAHeaderWithoutItsDataOpensWithItsCommittedWrites(@TempDir Path other)
            throws IOException {
        Path journal = committedStoreWithJournal(false);
        truncate(journal, Files.size(journal) - DATA_BYTES); // killed between the two writes

        Path copy = copyOf(dir, other);
        // Jena alone: the folder does not open (this leaves the copy's lock held in this JVM).
        RuntimeException jena =
                assertThrows(RuntimeException.class, () -> DatabaseMgr.connectDatasetGraph(Location.create(copy)));
        assertTrue(String.valueOf(jena.getMessage()).contains("journal"), jena.toString());

        assertReopensWhole(journal);
    }

    @Test
    void aStoreWhoseJournalEndsInATornCommitOpensWithoutTheUncommittedEntry() throws IOException {
        Path journal = committedStoreWithJournal(true);
        truncate(journal, Files.size(journal) - 5);
        assertReopensWhole(journal);
    }

    @Test
    void aWholeEntryThatFailsItsChecksumIsRefusedAndLeftAsItIs() throws IOException {
        Path journal = committedStoreWithJournal(false);
        byte[] before = Files.readAllBytes(journal);
        before[before.length - 1] ^= 0x5a;
        Files.write(journal, before);

        for (int attempt = 1; attempt <= 2; attempt++) { // the second proves the lock was freed
            StoreException e = assertThrows(StoreException.class, () -> Tdb2QuadStore.open(dir));
            assertTrue(!(e instanceof StoreInUseException), "attempt " + attempt + ": " + e);
            assertTrue(e.getMessage().contains("is damaged at byte 0"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(journal), "the journal is left for the operator");
    }

    @Test
    void aFolderJenaFailsToOpenCanBeOpenedAgainOnceRepaired() throws IOException {
        try (Tdb2QuadStore store = Tdb2QuadStore.open(dir)) {
            store.write(q -> {
                q.add(S, P, VF.createLiteral("a"), G);
                return null;
            });
        }
        Path index = DatabaseOps.findStorageLocation(dir).resolve("GSPO.bpt");
        Path aside = dir.resolve("GSPO.bpt.aside");
        Files.move(index, aside);
        Files.createDirectory(index); // Jena takes the folder's lock, then cannot open the index

        for (int attempt = 1; attempt <= 2; attempt++) {
            StoreException e = assertThrows(StoreException.class, () -> Tdb2QuadStore.open(dir));
            assertTrue(!(e instanceof StoreInUseException), "attempt " + attempt + " (lock freed): " + e);
        }
        Files.delete(index);
        Files.move(aside, index);
        try (Tdb2QuadStore store = Tdb2QuadStore.open(dir)) {
            assertEquals(1, all(store).size());
        }
    }

    /**
     * A store holding one committed quad, closed, whose journal then gets what a transaction being
     * committed writes with Jena's own journal writer: one redo entry, and a commit entry if asked.
     */
    private Path committedStoreWithJournal(boolean withCommit) {
        try (Tdb2QuadStore store = Tdb2QuadStore.open(dir)) {
            store.write(q -> {
                q.add(S, P, VF.createLiteral("a"), G);
                return null;
            });
        }
        Path generation = DatabaseOps.findStorageLocation(dir);
        Journal journal = Journal.create(Location.create(generation));
        try {
            assertEquals(0, journal.size(), "a closed store leaves an empty journal");
            journal.write(JournalEntryType.REDO, ComponentId.allocLocal(), ByteBuffer.allocate(DATA_BYTES));
            if (withCommit) {
                journal.writeJournal(JournalEntry.COMMIT);
            }
            journal.sync();
        } finally {
            journal.close();
        }
        return generation.resolve(Names.journalFile);
    }

    private void assertReopensWhole(Path journal) throws IOException {
        try (Tdb2QuadStore store = Tdb2QuadStore.open(dir)) {
            assertEquals(0, Files.size(journal), "the torn transaction is gone");
            assertEquals(List.of(VF.createLiteral("a")), objects(store), "the committed write is kept");
            store.write(q -> {
                q.add(S, P, VF.createLiteral("b"), G);
                return null;
            });
        }
        try (Tdb2QuadStore store = Tdb2QuadStore.open(dir)) {
            assertEquals(2, all(store).size(), "the store writes on");
        }
    }

    private static List<Statement> all(Tdb2QuadStore store) {
        return store.read(q -> {
            List<Statement> sts = new ArrayList<>();
            q.find(null, null, null, null, sts::add);
            return sts;
        });
    }

    private static List<Object> objects(Tdb2QuadStore store) {
        return all(store).stream().map(s -> (Object) s.getObject()).toList();
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static Path copyOf(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().equals(Names.TDB_LOCK_FILE)) {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
