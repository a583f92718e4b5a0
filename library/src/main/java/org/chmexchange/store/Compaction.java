package org.chmexchange.store;

import java.time.Duration;
import java.util.Objects;

/**
 * What one compaction of a store did ({@link RecordStore#compact()}).
 *
 * @param bytesBefore the length of the store's files before, in bytes
 * @param bytesAfter the length of its files after, in bytes (the old generation deleted)
 * @param took how long it ran, writers waiting; not null
 */
public record Compaction(long bytesBefore, long bytesAfter, Duration took) {

    /** @throws IllegalArgumentException for a negative size */
    public Compaction {
        if (bytesBefore < 0 || bytesAfter < 0) {
            throw new IllegalArgumentException("sizes cannot be negative: " + bytesBefore + ", " + bytesAfter);
        }
        Objects.requireNonNull(took, "took");
    }

    /** One line for logs and the command line, sizes in MiB. */
    public String describe() {
        return String.format(
                java.util.Locale.ROOT,
                "Compacted the store from %,.1f MiB to %,.1f MiB in %,.1f s",
                bytesBefore / 1048576.0,
                bytesAfter / 1048576.0,
                took.toMillis() / 1000.0);
    }
}
