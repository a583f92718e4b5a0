package org.chmexchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chmexchange.node.sync.SyncPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dump harvest killed mid-run leaves spool files in the data folder: opening the folder deletes them. */
class SpoolLeftoversTest {

    @TempDir
    Path dir;

    @Test
    void openingTheDataFolderDeletesTheSpoolFilesOfAKilledHarvest() throws Exception {
        NodeConfig config = new NodeConfig(8080, dir.resolve("data"), "http://node.example.org/", false);
        try (OfflineNode node = OfflineNode.open(config, SyncPlan.empty())) {
            assertTrue(Files.isDirectory(config.dataDir()));
        }
        Path spool = config.spoolDir();
        assertEquals(config.dataDir().resolve("spool"), spool);
        Files.createDirectories(spool);
        Path leftover = Files.write(spool.resolve("chm-spool-5150.brf"), new byte[4096]);
        Path unrelated = Files.writeString(spool.resolve("README"), "not ours");

        try (OfflineNode node = OfflineNode.open(config, SyncPlan.empty())) {
            assertFalse(Files.exists(leftover), "the killed run's spool file is deleted");
            assertTrue(Files.exists(unrelated), "nothing else is touched");
        }
    }
}
