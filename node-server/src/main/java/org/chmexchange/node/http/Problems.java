package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single exception-to-status map of the API: every error leaves as an RFC 9457 problem
 * document with {@code type}, {@code title}, {@code status}, {@code detail} and {@code instance}.
 */
public final class Problems {

    /** Media type of problem documents (RFC 9457 section 3). */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    /** Writes {@code e} as a problem document. */
    public static void write(Context ctx, ApiException e) {
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).contentType(MEDIA_TYPE).result(document(e, ctx.path()));
    }

    /**
     * The problem document of {@code e} as JSON: {@code type} ({@code about:blank}), {@code title},
     * {@code status}, {@code detail}, {@code instance} (the request path) and the extensions.
     */
    static String document(ApiException e, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        body.put("instance", instance);
        body.putAll(e.extensions());
        return Json.write(body);
    }

    /** Writes an unexpected failure as a 500 problem document and logs it with its stack trace. */
    public static void writeUnexpected(Context ctx, Exception e) {
        LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
        write(
                ctx,
                new ApiException(
                        500,
                        "Internal error",
                        "The node failed to answer this request; the failure is in its log.",
                        Map.of()));
    }
}
