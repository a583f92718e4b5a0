package org.chmexchange.testkit;

import java.net.URI;
import java.nio.file.Path;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SparqlStoreSettings;

/**
 * The child process of the store kill tests ({@code StoreKillTest}, {@code SparqlStoreKillTest}): opens the embedded
 * store in the folder given as the first argument (or, given a query URL, an update URL and an index folder, the
 * remote SPARQL store), then applies the workload's writes one after another until it is killed,
 * printing {@code ACK i} once write {@code i} returned.
 */
public final class StoreKillWriter {

    private StoreKillWriter() {}

    public static void main(String[] args) {
        RecordStore store = args[0].startsWith("http")
                ? RecordStore.openSparql(
                        new SparqlStoreSettings(URI.create(args[0]), URI.create(args[1])), Path.of(args[2]))
                : RecordStore.openEmbedded(Path.of(args[0]));
        long last = store.setting(StoreWorkload.MARKER).map(Long::parseLong).orElse(0L);
        System.out.println("READY " + last);
        System.out.flush();
        for (long i = last + 1; ; i++) {
            store.write(StoreWorkload.request(i));
            System.out.println("ACK " + i);
            System.out.flush();
        }
    }
}
