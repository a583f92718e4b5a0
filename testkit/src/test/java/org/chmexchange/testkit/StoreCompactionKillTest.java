package org.chmexchange.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chmexchange.store.RecordStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store killed with SIGKILL at random moments while it compacts, again and again, with
 * writes waiting on each compaction (each child compacts once before the kill clock starts, then
 * compacts without a pause, so a kill falls on a compaction or on a write waiting for one). After each kill: the folder opens, holds one generation (a
 * half-built one or an old one that a kill left is deleted on open), the newest write is the last
 * acknowledged one or the one after it, the records are exactly those after that write, and
 * {@link RecordStore#check()} finds the store sound.
 */
@Tag("slow")
class StoreCompactionKillTest {

    /** SIGKILLs per run: {@code -Dchm.kills=N} runs more (a stress run), default 12. */
    private static final int KILLS = Integer.getInteger("chm.kills", 12);

    @TempDir
    Path dir;

    @Test
    void survivesKillsDuringCompaction() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("child.log");
        try (RecordStore store = RecordStore.openEmbedded(data)) {
            for (long i = 1; i <= 300; i++) {
                store.write(StoreWorkload.request(i));
            }
        }
        Random rnd = new Random(20261202L);
        List<String> failures = new ArrayList<>();
        int compactions = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            KilledChild.Outcome child =
                    KilledChild.runAndKill(StoreCompactionKiller.class, rnd.nextInt(200, 3000), log, data.toString());
            compactions += (int) child.lines().stream()
                    .filter(l -> l.startsWith("COMPACTED"))
                    .count();
            try (RecordStore store = RecordStore.openEmbedded(data)) {
                List<Path> generations = StoreCompactionTest.generations(data);
                if (generations.size() != 1) {
                    failures.add("kill " + kill + ": the folder holds " + generations);
                }
                failures.addAll(StoreWorkload.afterKill(store, child.acknowledged(), "kill " + kill)
                        .problems());
            } catch (RuntimeException e) {
                fail("kill " + kill + ": the folder does not open: " + e, e);
            }
        }
        assertEquals(List.of(), failures, "every kill leaves an openable, consistent store");
        assertTrue(compactions >= KILLS, "the children compacted (" + compactions + " compactions)");
        System.out.println(
                "StoreCompactionKillTest: " + KILLS + " kills survived during " + compactions + " compactions");
    }
}
