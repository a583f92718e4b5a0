package org.chmexchange.testkit;

import java.nio.file.Path;
import org.chmexchange.store.RecordStore;

/**
 * The child process of the store kill test ({@code StoreKillTest}): opens the embedded store in the folder given as the
 * first argument, then applies the workload's writes one after another until it is killed,
 * printing {@code ACK i} once write {@code i} returned.
 */
public final class StoreKillWriter {

    private StoreKillWriter() {}

    public static void main(String[] args) {
        RecordStore store = RecordStore.openEmbedded(Path.of(args[0]));
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
