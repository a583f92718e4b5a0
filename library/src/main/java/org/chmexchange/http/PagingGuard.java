package org.chmexchange.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Guards one run of a paging loop against sources that never end: too many requests, a cursor seen
 * before in the run, an empty page that claims more pages. Each violation throws a {@link
 * PagingException} naming the URL, the cursor and the count.
 *
 * <pre>{@code
 * PagingGuard guard = new PagingGuard(1_000);
 * String cursor = state.cursor();                           // null on the first run
 * while (true) {
 *     HttpUrl url = pageUrl(cursor);
 *     guard.beforeRequest(url.toString(), cursor);
 *     Page page = fetch(url);                               // retries happen below, in the client
 *     guard.afterPage(url.toString(), page.items().size(), page.next());
 *     sink.accept(page);                                    // commits the page with page.next()
 *     if (page.next() == null) break;                       // the protocol's own end condition
 *     cursor = page.next();
 * }
 * }</pre>
 *
 * <p>Protocols where an empty page is the normal end (the change feed's newest page keeps a {@code
 * next} to poll later) stop on it before calling {@link #afterPage}, or pass null as the next cursor.
 *
 * <p>One guard per run; not thread-safe (a paging loop is sequential). Memory grows with the number of
 * distinct cursors, which {@code maxRequests} bounds.
 */
public final class PagingGuard {

    /** Default maximum of requests per run: 10 000 (a million records at 100 per page). */
    public static final int DEFAULT_MAX_REQUESTS = 10_000;

    private final int maxRequests;
    /** Cursor to the number of the request that used it. */
    private final Map<String, Integer> used = new HashMap<>();

    private int requests;

    /** A guard allowing {@value #DEFAULT_MAX_REQUESTS} requests. */
    public PagingGuard() {
        this(DEFAULT_MAX_REQUESTS);
    }

    /**
     * @param maxRequests the most requests allowed in the run; positive
     * @throws IllegalArgumentException if {@code maxRequests} is not positive
     */
    public PagingGuard(int maxRequests) {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be positive: " + maxRequests);
        }
        this.maxRequests = maxRequests;
    }

    /**
     * Counts the first request of a run, made without a cursor; the same as {@code beforeRequest(url,
     * null)}.
     *
     * @param url the URL about to be requested (for the message); not null
     * @throws PagingException ({@link PagingException.Reason#MAX_REQUESTS}) if it would exceed the maximum
     */
    public void beforeRequest(String url) {
        beforeRequest(url, null);
    }

    /**
     * Counts a request about to be made and remembers its cursor.
     *
     * @param url the URL about to be requested (for the message); not null
     * @param cursor the cursor (resumption token, next link) the request continues from; null for none
     * @throws PagingException ({@link PagingException.Reason#MAX_REQUESTS}) if the request would exceed
     *     the maximum, ({@link PagingException.Reason#REPEATED_CURSOR}) if a request of this run already
     *     used this cursor
     */
    public void beforeRequest(String url, String cursor) {
        Objects.requireNonNull(url, "url");
        if (requests >= maxRequests) {
            throw new PagingException(
                    PagingException.Reason.MAX_REQUESTS,
                    "Stopped paging after " + requests + " requests, the maximum per run, before " + url,
                    url,
                    cursor,
                    requests);
        }
        requests++;
        if (cursor != null && !cursor.isEmpty()) {
            Integer first = used.putIfAbsent(cursor, requests);
            if (first != null) {
                throw repeated(url, cursor, first);
            }
        }
    }

    /**
     * Checks a page just received.
     *
     * @param url the URL of the page (for the message); not null
     * @param items the number of items (records, entries, tombstones) the page carried; not negative
     * @param nextCursor the cursor or next link of the following page; null or empty if the page says
     *     it is the last
     * @throws PagingException ({@link PagingException.Reason#EMPTY_PAGE}) if the page is empty but names
     *     a next cursor, ({@link PagingException.Reason#REPEATED_CURSOR}) if a request of this run
     *     already used that cursor (the source points back: a loop)
     */
    public void afterPage(String url, int items, String nextCursor) {
        Objects.requireNonNull(url, "url");
        if (items < 0) {
            throw new IllegalArgumentException("Negative item count: " + items);
        }
        if (nextCursor == null || nextCursor.isEmpty()) {
            return;
        }
        if (items == 0) {
            throw new PagingException(
                    PagingException.Reason.EMPTY_PAGE,
                    "Empty page claims more pages: " + url + " returned no items but next cursor '" + nextCursor
                            + "' (request " + requests + ")",
                    url,
                    nextCursor,
                    requests);
        }
        Integer first = used.get(nextCursor);
        if (first != null) {
            throw repeated(url, nextCursor, first);
        }
    }

    private PagingException repeated(String url, String cursor, int first) {
        return new PagingException(
                PagingException.Reason.REPEATED_CURSOR,
                "Repeated cursor '" + cursor + "' at " + url + " (request " + requests + "), already used by request "
                        + first + ": the source is looping",
                url,
                cursor,
                requests);
    }

    /** @return the requests counted so far */
    public int requests() {
        return requests;
    }

    /** @return the maximum of requests of this run */
    public int maxRequests() {
        return maxRequests;
    }
}
