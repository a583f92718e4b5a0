package org.chmexchange.publish;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/**
 * How changes reach one target: the wire part of publishing, for one protocol. The {@link
 * Publisher} walks the change log, keeps the position and the dead letters; a channel sends one
 * record or one deletion (a {@link BatchPublishChannel} also several records at once).
 *
 * <p>Each method returns null when the target accepted the change, a {@link Refusal} when it refused
 * it for what it is, and throws {@link org.chmexchange.ChmException} for any other failure (a network
 * error, an authentication failure, a server error after the client's retries): the run then stops
 * where it is, to be resumed by the next. Sending a change twice must have the effect of sending it
 * once (delivery is at-least-once).
 *
 * <p>Thread-safety: used by one run at a time.
 */
public interface PublishChannel {

    /**
     * Whether the record is one this target takes; the others are passed over, neither sent nor
     * refused. The default takes every record.
     */
    default boolean accepts(IRI record, Model statements) {
        return true;
    }

    /** Sends one created or updated record. */
    Refusal upsert(PublishTarget target, IRI record, Model statements);

    /** Sends one deletion; a record the target does not have counts as deleted. */
    Refusal delete(PublishTarget target, IRI record);
}
