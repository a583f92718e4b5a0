package org.chmexchange.http;

import java.util.Objects;
import org.chmexchange.ChmException;

/**
 * A paging loop stopped by its {@link PagingGuard}: the source misbehaves (it repeats a cursor or
 * sends empty pages that claim more) or the run made more requests than allowed. The position before
 * the failing page is intact; the caller ends the run with this error and reports it.
 */
public class PagingException extends ChmException {

    private static final long serialVersionUID = 1L;

    /** Which guard stopped the loop. */
    public enum Reason {
        /** The run reached its maximum number of requests. */
        MAX_REQUESTS,
        /** A cursor (resumption token, next link) was seen earlier in the same run: a loop. */
        REPEATED_CURSOR,
        /** A page had no items but claimed more pages: no progress. */
        EMPTY_PAGE
    }

    private final Reason reason;
    private final String url;
    private final String cursor;
    private final int requests;

    /**
     * @param reason which guard; not null
     * @param message the explanation, naming the URL, the cursor and the count; not null
     * @param url the request URL, safe to show; not null
     * @param cursor the cursor involved; null if none
     * @param requests requests made in the run so far
     */
    public PagingException(Reason reason, String message, String url, String cursor, int requests) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.url = Objects.requireNonNull(url, "url");
        this.cursor = cursor;
        this.requests = requests;
    }

    /** @return which guard stopped the loop; not null */
    public Reason reason() {
        return reason;
    }

    /** @return the URL of the request at which the loop stopped; not null */
    public String url() {
        return url;
    }

    /** @return the cursor involved; null if none */
    public String cursor() {
        return cursor;
    }

    /** @return the number of requests made in the run, including the failing one */
    public int requests() {
        return requests;
    }
}
