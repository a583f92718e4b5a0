package org.chmexchange.store;

import java.util.Objects;
import org.eclipse.rdf4j.model.IRI;

/**
 * A confined write with {@link WriteRequest.OnConflict#REFUSE} named a record that another graph of
 * the store holds (another writer took it, possibly a moment before); nothing of the request was
 * written.
 */
public final class RecordConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient IRI record;
    private final transient IRI holder;

    /**
     * @param record the record; not null
     * @param holder the graph that holds it; not null
     */
    public RecordConflictException(IRI record, IRI holder) {
        super("<" + Objects.requireNonNull(record, "record") + "> is held in <"
                + Objects.requireNonNull(holder, "holder") + ">; nothing of the write was stored");
        this.record = record;
        this.holder = holder;
    }

    /** The record another graph holds. */
    public IRI record() {
        return record;
    }

    /** The graph that holds it. */
    public IRI holder() {
        return holder;
    }
}
