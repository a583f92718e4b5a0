package org.chmexchange.harvest;

import java.time.Instant;
import java.util.Objects;

/**
 * How one harvest run ended.
 *
 * @param source the source name; not null
 * @param started when the run started; not null
 * @param ended when it ended; not null
 * @param counts what it did; not null
 * @param error why it failed, or null when it succeeded
 */
public record HarvestOutcome(String source, Instant started, Instant ended, HarvestCounts counts, String error) {

    /** Checks the values. */
    public HarvestOutcome {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(counts, "counts");
    }

    /** Whether the run succeeded. */
    public boolean ok() {
        return error == null;
    }
}
