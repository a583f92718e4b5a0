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
 * @param position the change-log position published up to
 * @param error why it stopped early, or null
 */
public record PublishOutcome(
        String target, Instant started, Instant ended, long upserted, long deleted, long position, String error) {

    /** Checks the values. */
    public PublishOutcome {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
    }

    /** Whether the run published everything it had. */
    public boolean ok() {
        return error == null;
    }
}
