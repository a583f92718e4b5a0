package org.chmexchange.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreMaintenanceTest {

    @TempDir
    Path dir;

    @Test
    void aScheduledCheckCompactsAStoreThatIsDue() throws InterruptedException {
        try (RecordStore store = RecordStore.openEmbedded(dir.resolve("data"))) {
            assertEquals(0, CompactionPolicy.baseline(store));
            try (StoreMaintenance maintenance =
                    StoreMaintenance.start(store, new CompactionPolicy(1.0, 0), Duration.ofMillis(50))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (CompactionPolicy.baseline(store) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            assertTrue(CompactionPolicy.baseline(store) > 0, "the scheduled check compacted and recorded the size");
            assertFalse(dir.resolve("data/tdb2/Data-0001").toFile().exists(), "old generation deleted");
        }
    }

    @Test
    void checkNowLeavesAStoreThatIsNotDue() {
        try (RecordStore store = RecordStore.openEmbedded(dir.resolve("data"));
                StoreMaintenance maintenance =
                        StoreMaintenance.start(store, CompactionPolicy.DEFAULT, Duration.ofHours(1))) {
            assertTrue(maintenance.checkNow().isEmpty(), "a new store is far below 256 MiB of growth");
            assertEquals(0, CompactionPolicy.baseline(store));
        }
    }

    @Test
    void theScheduleMustBePositive() {
        try (RecordStore store = RecordStore.openEmbedded(dir.resolve("data"))) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> StoreMaintenance.start(store, CompactionPolicy.DEFAULT, Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> new CompactionPolicy(0.5, 0));
            assertThrows(IllegalArgumentException.class, () -> new CompactionPolicy(Double.NaN, 0));
            assertThrows(IllegalArgumentException.class, () -> new CompactionPolicy(2, -1));
        }
    }
}
