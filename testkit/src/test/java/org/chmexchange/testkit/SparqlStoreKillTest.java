package org.chmexchange.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chmexchange.store.RecordStore;
import org.chmexchange.testkit.store.FusekiStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node process on the remote SPARQL store (Fuseki over TDB2, in this JVM) killed with SIGKILL at
 * random moments while it writes, an update possibly half sent: after each kill the store holds the
 * last acknowledged write or the one after it, never part of one, and {@link RecordStore#check()}
 * finds it sound, from an index caught up at open (the rule of {@code StoreKillTest}).
 */
@Tag("slow")
class SparqlStoreKillTest {

    /** SIGKILLs per run: {@code -Dchm.kills=N}, default 10. */
    private static final int KILLS = Integer.getInteger("chm.kills", 10);

    @TempDir
    Path dir;

    @Test
    void survivesTenKillsOfAWriterDuringWrites() {
        Path log = dir.resolve("child.log");
        Random rnd = new Random(20261203L);
        List<String> failures = new ArrayList<>();
        long inFlightCommitted = 0;
        try (FusekiStore fuseki = FusekiStore.start(dir.resolve("fuseki"))) {
            for (int kill = 1; kill <= KILLS; kill++) {
                KilledChild.Outcome child = KilledChild.runAndKill(
                        StoreKillWriter.class,
                        rnd.nextInt(300, 2500),
                        log,
                        fuseki.query().toString(),
                        fuseki.update().toString(),
                        dir.resolve("writer-index").toString());
                // Another process's index, caught up from the change log at open.
                try (RecordStore store =
                        RecordStore.openSparql(fuseki.settings(Duration.ZERO), dir.resolve("index-" + kill))) {
                    long acked = child.acknowledged();
                    StoreWorkload.AfterKill after = StoreWorkload.afterKill(store, acked, "kill " + kill);
                    failures.addAll(after.problems());
                    if (after.found() == acked + 1) {
                        inFlightCommitted++;
                    }
                } catch (RuntimeException e) {
                    fail("kill " + kill + ": the store does not open: " + e, e);
                }
            }
        }
        assertEquals(List.of(), failures, "every kill leaves a consistent remote store");
        System.out.println("SparqlStoreKillTest: " + KILLS + " kills survived, " + inFlightCommitted
                + " of them with the write in flight committed");
    }
}
