package org.chmexchange.store;

import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a store is compacted without an operator asking: once its files have grown both by a factor
 * and by an amount since the last compaction ({@link SettingKey#COMPACTED_BYTES}; 0 for a store never
 * compacted, so a store that never was is compacted once it exceeds {@code minGrowthBytes}). The two
 * thresholds together keep a small store from being compacted for a few megabytes and a large one
 * from being compacted for growth that is small beside it: the copy-on-write TDB2 store grows with
 * every rewrite of a record (docs/STORE.md, "Compaction").
 *
 * <p>The node checks it on a schedule ({@code StoreMaintenance}); {@code chm-node store compact}
 * compacts whatever the policy says. Thread-safety: immutable.
 *
 * @param growthFactor how many times the baseline the files must be, at least 1.0
 * @param minGrowthBytes how many bytes they must have grown by, at least 0
 */
public record CompactionPolicy(double growthFactor, long minGrowthBytes) {

    private static final Logger LOG = LoggerFactory.getLogger(CompactionPolicy.class);

    /** The default: twice the size after the last compaction, and at least 256 MiB more. */
    public static final CompactionPolicy DEFAULT = new CompactionPolicy(2.0, 256L * 1024 * 1024);

    /** @throws IllegalArgumentException for a factor below 1 (or not a number) or a negative growth */
    public CompactionPolicy {
        if (!(growthFactor >= 1.0) || Double.isInfinite(growthFactor)) {
            throw new IllegalArgumentException("growthFactor must be a finite number of at least 1: " + growthFactor);
        }
        if (minGrowthBytes < 0) {
            throw new IllegalArgumentException("minGrowthBytes cannot be negative: " + minGrowthBytes);
        }
    }

    /**
     * Whether a store of {@code bytes} is due, {@code baseline} bytes after its last compaction.
     *
     * @param baseline the size after the last compaction, 0 if never compacted
     * @param bytes the size now
     */
    public boolean due(long baseline, long bytes) {
        return bytes - baseline >= minGrowthBytes && bytes >= baseline * growthFactor;
    }

    /**
     * Compacts {@code store} if it is due; the baseline is its {@link SettingKey#COMPACTED_BYTES}
     * (unreadable or absent: 0).
     *
     * @return the compaction, or empty if none was due or the store reclaims space by itself
     * @throws StoreException if measuring or compacting fails (the store is then as before)
     */
    public Optional<Compaction> compactIfDue(RecordStore store) {
        OptionalLong bytes = store.diskBytes();
        if (bytes.isEmpty() || !due(baseline(store), bytes.getAsLong())) {
            return Optional.empty();
        }
        return store.compact();
    }

    /** The size of {@code store} after its last compaction, 0 if never (or not a number). */
    public static long baseline(RecordStore store) {
        return store.setting(SettingKey.COMPACTED_BYTES)
                .map(CompactionPolicy::parse)
                .orElse(0L);
    }

    private static long parse(String value) {
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            LOG.warn(
                    "The setting {} is not a number ('{}'): taking the store as never compacted",
                    SettingKey.COMPACTED_BYTES.name(),
                    value);
            return 0;
        }
    }
}
