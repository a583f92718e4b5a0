package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.Map;

/**
 * Checks every request before it reaches a route (a Javalin {@code before} handler), for rules that
 * hold whatever the route:
 * <ul>
 *   <li>{@code X-HTTP-Method-Override} is refused (400): Javalin would route a {@code GET} carrying
 *       it as the method it names, so a read could delete or create a record. The node's methods
 *       are the request line's, nothing else.
 *   <li>More than one {@code Authorization} header is refused (400): which one authenticates would
 *       depend on the layer that reads it (RFC 9110 section 5.3: a field that is not a list must
 *       not repeat).
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
final class RequestGuards {

    /** The header Javalin honours to override the request method. */
    static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    private RequestGuards() {}

    /**
     * @throws ApiException 400 when a rule above is broken
     */
    static void check(Context ctx) {
        if (ctx.req().getHeader(METHOD_OVERRIDE) != null) {
            throw ApiException.badRequest(
                    "Method override refused",
                    "This node does not honour " + METHOD_OVERRIDE + ": send the request with the method itself ("
                            + ctx.req().getMethod() + " was sent).",
                    Map.of());
        }
        int authorizations =
                Collections.list(ctx.req().getHeaders("Authorization")).size();
        if (authorizations > 1) {
            throw ApiException.badRequest(
                    "Several Authorization headers",
                    "The request has " + authorizations + " Authorization headers; send exactly one.",
                    Map.of());
        }
    }
}
