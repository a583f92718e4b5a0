package org.chmexchange.publish;

import org.eclipse.rdf4j.model.Model;

/**
 * A channel that can also send several records in one request (a CHM Exchange peer's atomic {@code
 * POST /records}). On a refusal of the batch the publisher sends its records one by one to find the
 * refused ones. The answers follow the rules of {@link PublishChannel}.
 */
public interface BatchPublishChannel extends PublishChannel {

    /** Sends several created or updated records in one request. */
    Refusal upsertAll(PublishTarget target, Model records);
}
