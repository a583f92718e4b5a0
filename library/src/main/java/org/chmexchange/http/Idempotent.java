package org.chmexchange.http;

import okhttp3.Request;

/**
 * Request tag that declares a {@code POST} (or other non-idempotent method) safe to send more than
 * once, so the client may retry it like a {@code GET}. Use it only when repeating the request has the
 * same effect as sending it once, for example a batch upsert of records by IRI.
 *
 * <pre>{@code
 * Request request = Idempotent.mark(new Request.Builder().url(url).post(body)).build();
 * }</pre>
 *
 * <p>Without the tag, {@code GET}, {@code HEAD}, {@code OPTIONS}, {@code PUT} and {@code DELETE} are
 * retried and every other method is sent once. A request whose body is one-shot ({@link
 * okhttp3.RequestBody#isOneShot()}) is never retried.
 */
public enum Idempotent {
    /** The only value; its presence as the {@code Idempotent.class} tag is what counts. */
    YES;

    /**
     * @param builder a request builder; not null
     * @return the same builder, tagged {@code Idempotent.YES}
     */
    public static Request.Builder mark(Request.Builder builder) {
        return builder.tag(Idempotent.class, YES);
    }

    /**
     * @param request a request; not null
     * @return whether the request carries the tag
     */
    public static boolean isMarked(Request request) {
        return request.tag(Idempotent.class) != null;
    }
}
