package org.chmexchange.node.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.chmexchange.harvest.HarvestCounts;
import org.chmexchange.harvest.HarvestOutcome;

/**
 * A snapshot of one source for {@code GET /status}. Thread-safety: immutable.
 *
 * @param name the source's name; not null
 * @param protocol its protocol; not null
 * @param url its URL as configured; not null
 * @param schedule the time between runs, or null: on demand only
 * @param runningSince when the current run was accepted, or null when none is running
 * @param progress the counts of the current run so far, or null when none is running
 * @param lastRun the last finished run, or null if it was never harvested
 * @param lastSuccess when the last successful run ended, or null if none succeeded
 */
public record SourceStatus(
        String name,
        String protocol,
        String url,
        Duration schedule,
        Instant runningSince,
        HarvestCounts progress,
        HarvestOutcome lastRun,
        Instant lastSuccess) {

    /** Checks the values. */
    public SourceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(url, "url");
    }

    /** Whether a run is accepted or running. */
    public boolean running() {
        return runningSince != null;
    }

    /**
     * How far behind the source this node may be: the time since the end of the last successful run.
     *
     * @param now the current time
     * @return the lag, or empty if no run ever succeeded
     */
    public Optional<Duration> lag(Instant now) {
        return Optional.ofNullable(lastSuccess).map(end -> Duration.between(end, now));
    }
}
