package org.chmexchange.publish;

import java.time.Instant;
import java.util.Objects;

/**
 * A change that a peer refused and the publisher set aside, so that the changes after it go on
 * ({@link Publisher}): the record, what was sent, and the peer's answer. It stays until the record
 * is sent again and accepted: when it changes at this node (a new change-log entry), or on demand
 * ({@link Publisher#retryDeadLetters}).
 *
 * @param record the record IRI; not null
 * @param action {@code upsert} (the record was sent in a {@code POST /records}) or {@code delete}
 * @param sequence the change-log entry that was refused, at least 1
 * @param status the peer's HTTP status (400, 403, 409, 413 or 422)
 * @param problem the peer's answer, as it sent it (an RFC 9457 problem document from a CHM node),
 *     at most {@value Publisher#PROBLEM_CHARS} characters; not null
 * @param time when it was refused (UTC, millisecond precision); not null
 */
public record DeadLetter(String record, String action, long sequence, int status, String problem, Instant time) {

    /** Checks the values. */
    public DeadLetter {
        Objects.requireNonNull(record, "record");
        if (!"upsert".equals(action) && !"delete".equals(action)) {
            throw new IllegalArgumentException("action must be upsert or delete: " + action);
        }
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(time, "time");
    }
}
