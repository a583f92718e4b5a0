package org.chmexchange.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.Compaction;
import org.chmexchange.store.CompactionPolicy;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.chmexchange.store.StoreCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction of the embedded store (issue "A store that survives crashes", the growing TDB2 folder):
 * the folder shrinks, and every record, change-log entry and setting survives, in the process that
 * compacted and after a reopen, with writes after the compaction on both sides.
 */
class StoreCompactionTest {

    private static final int WRITES = 500;

    @TempDir
    Path dir;

    @Test
    void compactionShrinksTheFolderAndKeepsEverything() throws IOException {
        Path data = dir.resolve("data");
        long changes;
        Compaction done;
        try (RecordStore store = RecordStore.openEmbedded(data)) {
            for (long i = 1; i <= WRITES; i++) {
                store.write(StoreWorkload.request(i));
            }
            changes = store.countChanges(ChangeQuery.ALL);
            long before = store.diskBytes().orElseThrow();
            long blocksBefore = blocksKiB(data.resolve("tdb2"));
            done = store.compact().orElseThrow();
            long blocksAfter = blocksKiB(data.resolve("tdb2"));
            System.out.println("StoreCompactionTest: " + done.describe() + " after " + WRITES + " writes; in use: "
                    + blocksBefore + " KiB before, " + blocksAfter + " KiB after");
            assertEquals(before, done.bytesBefore());
            assertTrue(done.bytesAfter() < done.bytesBefore(), done.describe());
            assertTrue(
                    blocksAfter < blocksBefore / 4,
                    "the blocks in use shrink to less than a quarter: " + blocksBefore + " -> " + blocksAfter + " KiB");
            assertEquals(List.of(data.resolve("tdb2/Data-0002")), generations(data), "the old generation is gone");
            assertHolds(store, WRITES);
            assertEquals(changes, store.countChanges(ChangeQuery.ALL));
            assertEquals(
                    Long.toString(done.bytesAfter()),
                    store.setting(SettingKey.COMPACTED_BYTES).orElseThrow());
            assertTrue(store.check().sound(), store.check().describe());
            for (long i = WRITES + 1; i <= WRITES + 50; i++) {
                store.write(StoreWorkload.request(i));
            }
            assertHolds(store, WRITES + 50);
        }
        try (RecordStore store = RecordStore.openEmbedded(data)) {
            assertHolds(store, WRITES + 50);
            for (long i = WRITES + 51; i <= WRITES + 100; i++) {
                store.write(StoreWorkload.request(i));
            }
            assertHolds(store, WRITES + 100);
            StoreCheck check = store.check();
            assertTrue(check.sound(), check.describe());
            assertTrue(store.countChanges(ChangeQuery.ALL) > changes);
            assertTrue(store.compact().isPresent(), "a reopened store compacts again");
            assertEquals(List.of(data.resolve("tdb2/Data-0003")), generations(data));
            assertHolds(store, WRITES + 100);
        }
        try (RecordStore store = RecordStore.openEmbedded(data)) {
            assertHolds(store, WRITES + 100);
            assertTrue(store.check().sound());
        }
    }

    @Test
    void thePolicyCompactsOnlyAStoreThatGrewByTheFactorAndTheAmount() {
        try (RecordStore store = RecordStore.openEmbedded(dir.resolve("data"))) {
            for (long i = 1; i <= 100; i++) {
                store.write(StoreWorkload.request(i));
            }
            long bytes = store.diskBytes().orElseThrow();
            assertFalse(new CompactionPolicy(1.0, bytes + 1).compactIfDue(store).isPresent(), "not grown enough");
            assertEquals(0, CompactionPolicy.baseline(store), "never compacted");
            Compaction first =
                    new CompactionPolicy(1.0, bytes).compactIfDue(store).orElseThrow();
            assertEquals(first.bytesAfter(), CompactionPolicy.baseline(store));
            CompactionPolicy twice = new CompactionPolicy(2.0, 0);
            assertFalse(twice.compactIfDue(store).isPresent(), "just compacted: not twice the size");
            for (long i = 101; store.diskBytes().orElseThrow() < 2 * first.bytesAfter(); i++) {
                store.write(StoreWorkload.request(i));
            }
            assertTrue(twice.compactIfDue(store).isPresent(), "twice the size after the last compaction");
        }
    }

    @Test
    void thePolicyRule() {
        CompactionPolicy p = new CompactionPolicy(2.0, 100);
        assertFalse(p.due(1000, 1999));
        assertTrue(p.due(1000, 2000));
        assertFalse(p.due(10, 99), "twice the size, but not 100 bytes more");
        assertTrue(p.due(0, 100));
    }

    private static void assertHolds(RecordStore store, long writes) {
        assertEquals(Long.toString(writes), store.setting(StoreWorkload.MARKER).orElseThrow());
        assertNull(StoreWorkload.differences(store, StoreWorkload.expectedAfter(writes)));
    }

    /**
     * The disk blocks a folder's files take, in KiB ({@code du -sk}): TDB2's files are sparse, so
     * their lengths ({@link RecordStore#diskBytes()}) overstate a small store.
     */
    private static long blocksKiB(Path folder) throws IOException {
        Process du = new ProcessBuilder("du", "-sk", folder.toString()).start();
        String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        try {
            assertEquals(0, du.waitFor(), "du -sk " + folder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted waiting for du", e);
        }
        return Long.parseLong(out.trim().split("\\s+")[0]);
    }

    static List<Path> generations(Path data) throws IOException {
        try (Stream<Path> s = Files.list(data.resolve("tdb2"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
