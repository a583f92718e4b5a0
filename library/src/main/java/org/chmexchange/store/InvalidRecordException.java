package org.chmexchange.store;

/**
 * A write was refused because of the shape of its RDF, not because the store failed: a statement
 * that belongs to no record, a record IRI that is not an http(s) IRI, has a fragment, or lies in the
 * project's vocabulary namespace, or a record with more than one record class. Callers answer it
 * as bad input (HTTP 400, a rejected harvested record). Nothing is written.
 */
public class InvalidRecordException extends StoreException {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }
}
