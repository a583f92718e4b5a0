package org.chmexchange.oai.internal;

/**
 * Where one OAI-PMH list request stands in the change log, shared by the resumption-token format
 * (which reads it from the client's token and writes it into the next one) and the item repository
 * (which pages from it). XOAI counts a list by offset; the node pages by keyset: a token carries
 * both, the offset for the {@code cursor} attribute, the change sequence for the page. One instance
 * per request; not thread-safe.
 */
public final class Position {

    private long after;
    private long next;

    /** The change sequence the request's page starts after; 0 for a first request. */
    public long after() {
        return after;
    }

    void after(long sequence) {
        this.after = sequence;
        this.next = sequence;
    }

    /** The change sequence the next page starts after, once the page is read. */
    public long next() {
        return next;
    }

    void next(long sequence) {
        this.next = sequence;
    }
}
