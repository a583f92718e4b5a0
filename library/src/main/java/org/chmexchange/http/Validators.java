package org.chmexchange.http;

import java.util.Objects;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The cache validators of a resource, as a harvester keeps them in its per-source state to make its
 * next request conditional. Either part may be null; both null is {@link #NONE}.
 *
 * <pre>{@code
 * Request request = previous.applyTo(new Request.Builder().url(dumpUrl)).build();
 * try (Response response = client.newCall(request).execute()) {
 *     if (Validators.notModified(response)) {
 *         return; // unchanged since the last run: nothing to do
 *     }
 *     HttpClients.requireSuccess(response);
 *     Validators next = previous.updatedBy(response); // store with the harvested page
 *     ...
 * }
 * }</pre>
 *
 * @param etag the {@code ETag} exactly as the server sent it, quotes and {@code W/} prefix included;
 *     null if none; never blank
 * @param lastModified the {@code Last-Modified} exactly as the server sent it (an HTTP-date, sent back
 *     unchanged in {@code If-Modified-Since}); null if none; never blank
 */
public record Validators(String etag, String lastModified) {

    /** No validators: the request is unconditional. */
    public static final Validators NONE = new Validators(null, null);

    /** @throws IllegalArgumentException if a part is blank */
    public Validators {
        if (etag != null && etag.isBlank() || lastModified != null && lastModified.isBlank()) {
            throw new IllegalArgumentException("Blank validator: etag=" + etag + ", lastModified=" + lastModified);
        }
    }

    /**
     * @param response a response; not null
     * @return its {@code ETag} and {@code Last-Modified}; {@link #NONE} when it has neither
     */
    public static Validators of(Response response) {
        return new Validators(blankToNull(response.header("ETag")), blankToNull(response.header("Last-Modified")));
    }

    /**
     * The validators to keep after {@code response}: each part the response carries replaces this
     * one's, each it lacks is kept (a 304 need not repeat them).
     *
     * @param response a 2xx or 304 response to a request made with these validators; not null
     * @return the updated validators
     */
    public Validators updatedBy(Response response) {
        Validators fresh = of(response);
        return new Validators(
                fresh.etag != null ? fresh.etag : etag, fresh.lastModified != null ? fresh.lastModified : lastModified);
    }

    /** @return true when neither part is present */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    /**
     * Tags a request with these validators; the client's conditional-GET interceptor turns them into
     * {@code If-None-Match} and {@code If-Modified-Since} on {@code GET} and {@code HEAD}.
     *
     * @param builder a request builder; not null
     * @return the same builder
     */
    public Request.Builder applyTo(Request.Builder builder) {
        return Objects.requireNonNull(builder, "builder").tag(Validators.class, this);
    }

    /**
     * @param response a response; not null
     * @return true for {@code 304 Not Modified}: the resource is unchanged since the validators were
     *     taken and the (empty) body must not be parsed
     */
    public static boolean notModified(Response response) {
        return response.code() == 304;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
