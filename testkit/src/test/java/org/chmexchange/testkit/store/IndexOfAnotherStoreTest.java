package org.chmexchange.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record index put over another store (a data folder moved from one store to another) is rebuilt,
 * not caught up: the index records the store it was built from.
 */
class IndexOfAnotherStoreTest {

    @TempDir
    Path dir;

    @Test
    void anIndexOfAnotherStoreIsRebuilt() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        try (RecordStore store = RecordStore.openEmbedded(a)) {
            for (int i = 0; i < 3; i++) {
                store.put(
                        RecordStoreContract.decision("a-" + i, "cbd", "Of store A " + i, "en"),
                        RecordStoreContract.GRAPH);
            }
        }
        try (RecordStore store = RecordStore.openEmbedded(b)) {
            for (int i = 0; i < 5; i++) {
                store.put(
                        RecordStoreContract.decision("b-" + i, "cms", "Of store B " + i, "en"),
                        RecordStoreContract.GRAPH);
            }
        }
        // B's index replaced by A's, which is behind B's change log: without the store's identity it
        // would be caught up from sequence 3 and keep A's records.
        try (var files = Files.walk(b.resolve("index"))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        try (var files = Files.walk(a.resolve("index"))) {
            for (Path p : files.toList()) {
                Files.copy(
                        p,
                        b.resolve("index")
                                .resolve(a.resolve("index").relativize(p).toString()));
            }
        }
        try (RecordStore store = RecordStore.openEmbedded(b)) {
            Set<String> ids = new HashSet<>();
            store.list(RecordQuery.ALL, null, 100).items().forEach(r -> ids.add(r.identifier()));
            assertEquals(Set.of("b-0", "b-1", "b-2", "b-3", "b-4"), ids);
            assertEquals(List.of(), store.check().problems());
        }
    }
}
