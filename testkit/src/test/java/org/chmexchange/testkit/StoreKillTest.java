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
 * The embedded store killed with SIGKILL at random moments while it creates, updates and deletes
 * records (issue "A store that survives crashes", part 1). After each kill: the folder opens, the
 * newest write found is the last acknowledged one or the one after it (in flight when killed), the
 * records are exactly those after that write (no acknowledged write lost, none half-applied), and
 * {@link RecordStore#check()} finds every term resolvable, no gap or duplicate in the change log and
 * the index in agreement with the store.
 */
@Tag("slow")
class StoreKillTest {

    /** SIGKILLs per run: {@code -Dchm.kills=N} runs more (a stress run), default 20. */
    private static final int KILLS = Integer.getInteger("chm.kills", 20);

    @TempDir
    Path dir;

    @Test
    void survivesTwentyKillsDuringWrites() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("child.log");
        Random rnd = new Random(20261201L);
        List<String> failures = new ArrayList<>();
        long inFlightCommitted = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            KilledChild.Outcome child =
                    KilledChild.runAndKill(StoreKillWriter.class, rnd.nextInt(300, 2500), log, data.toString());
            try (RecordStore store = RecordStore.openEmbedded(data)) {
                long acked = child.acknowledged();
                StoreWorkload.AfterKill after = StoreWorkload.afterKill(store, acked, "kill " + kill);
                failures.addAll(after.problems());
                long found = after.found();
                if (found != acked && found != acked + 1) {
                    continue;
                }
                if (found == acked + 1) {
                    inFlightCommitted++;
                }
                assertTrue(found > child.ready() || child.ready() == acked, "the child wrote nothing after " + found);
            } catch (RuntimeException e) {
                fail("kill " + kill + ": the folder does not open: " + e, e);
            }
        }
        assertEquals(List.of(), failures, "every kill leaves an openable, consistent store");
        System.out.println("StoreKillTest: " + KILLS + " kills survived, " + inFlightCommitted
                + " of them with the write in flight committed");
    }
}
