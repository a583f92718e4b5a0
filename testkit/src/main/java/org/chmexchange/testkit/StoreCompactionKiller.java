package org.chmexchange.testkit;

import java.nio.file.Path;
import org.chmexchange.store.RecordStore;

/**
 * The child process of the compaction kill test ({@code StoreCompactionKillTest}): opens the embedded
 * store in the folder given as the first argument, then compacts it again and again on one thread
 * while another applies the workload's writes (which wait for each compaction), printing {@code ACK
 * i} once write {@code i} returned and {@code COMPACTED k} after each compaction, until it is killed.
 * It compacts once before it says {@code READY}.
 */
public final class StoreCompactionKiller {

    private StoreCompactionKiller() {}

    public static void main(String[] args) throws InterruptedException {
        RecordStore store = RecordStore.openEmbedded(Path.of(args[0]));
        long last = store.setting(StoreWorkload.MARKER).map(Long::parseLong).orElse(0L);
        // One whole compaction before the kill clock starts, however slow the machine: the kills
        // then fall on later compactions and the writes that wait for them.
        store.compact();
        System.out.println("COMPACTED 0");
        System.out.println("READY " + last);
        System.out.flush();
        Thread writer = new Thread(
                () -> {
                    for (long i = last + 1; ; i++) {
                        store.write(StoreWorkload.request(i));
                        System.out.println("ACK " + i);
                        System.out.flush();
                    }
                },
                "writer");
        writer.setDaemon(true);
        writer.start();
        for (long k = 1; ; k++) {
            store.compact();
            System.out.println("COMPACTED " + k);
            System.out.flush();
        }
    }
}
