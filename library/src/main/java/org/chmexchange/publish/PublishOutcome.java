package org.chmexchange.publish;

import java.time.Instant;
import java.util.Objects;

/**
 * How one publishing run ended.
 *
 * @param target the target name; not null
 * @param started when the run started; not null
 * @param ended when it ended; not null
 * @param upserted records sent (created or updated at this node since the last run)
 * @param deleted deletions sent
 * @param refused changes the peer refused in this run and the publisher set aside as dead letters
 *     ({@link Publisher#deadLetters}); 0 in a status saved before dead letters existed
 * @param position the change-log position published up to
 * @param error why it stopped early, or null
 */
public record PublishOutcome(
        String target,
        Instant started,
        Instant ended,
        long upserted,
        long deleted,
        long refused,
        long position,
        String error) {

    /** Checks the values. */
    public PublishOutcome {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
    }

    /**
     * Whether the run went through every change it had (a change refused by the peer and set aside
     * counts as gone through: see {@link #refused()}).
     */
    public boolean ok() {
        return error == null;
    }
}
