package org.chmexchange.node.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.chmexchange.publish.DeadLetter;
import org.chmexchange.publish.PublishOutcome;

/**
 * A snapshot of one publish target for {@code GET /status}. Thread-safety: immutable.
 *
 * @param name the target's name; not null
 * @param url the peer's base URL; not null
 * @param schedule the time between runs, or null: on demand only
 * @param runningSince when the current run was accepted, or null when none is running
 * @param lastRun the last finished run, or null if it never ran
 * @param lastSequence this node's newest change-log sequence number when the snapshot was taken
 * @param deadLetters the changes the target refused and that are set aside, oldest first; not null
 */
public record TargetStatus(
        String name,
        String url,
        Duration schedule,
        Instant runningSince,
        PublishOutcome lastRun,
        long lastSequence,
        List<DeadLetter> deadLetters) {

    /** Checks the values and copies the list. */
    public TargetStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        deadLetters = List.copyOf(deadLetters);
    }

    /** Whether a run is accepted or running. */
    public boolean running() {
        return runningSince != null;
    }

    /** The change-log position published up to: that of the last run, 0 if it never ran. */
    public long position() {
        return lastRun == null ? 0 : lastRun.position();
    }

    /** The changes of this node the target has not been offered yet: {@code lastSequence - position}. */
    public long pendingChanges() {
        return Math.max(0, lastSequence - position());
    }
}
