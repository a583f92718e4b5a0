package org.chmexchange.testkit.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.chmexchange.store.RecordStore;

/**
 * Record stores on Fuseki for the contract tests: one Fuseki (TDB2 in {@code dir/fuseki}) per test
 * folder, started at the first open and kept across the test's reopenings; the record index in
 * {@code dir/index}, as the contract expects. {@link #stopAll} after each test.
 */
final class FusekiStores {

    private static final Map<Path, FusekiStore> SERVERS = new HashMap<>();

    private FusekiStores() {}

    static synchronized RecordStore open(Path dir) {
        FusekiStore fuseki = SERVERS.computeIfAbsent(dir, d -> FusekiStore.start(d.resolve("fuseki")));
        return RecordStore.openSparql(fuseki.settings(Duration.ZERO), dir.resolve("index"));
    }

    static synchronized void stopAll() {
        SERVERS.values().forEach(FusekiStore::close);
        SERVERS.clear();
    }
}
