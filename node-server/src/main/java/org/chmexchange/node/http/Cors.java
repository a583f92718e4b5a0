package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin reads (the Fetch standard's CORS protocol, https://fetch.spec.whatwg.org/#http-cors-protocol):
 * reads are open, so a portal in a browser on any origin may read a node; writes and operations are
 * never granted to another origin (they carry a bearer token, and no origin is configured to be
 * trusted with one).
 *
 * <ul>
 *   <li>A {@code GET} or {@code HEAD} with an {@code Origin} header, whatever its answer (errors
 *       too, so a script can read the problem document), gets {@code Access-Control-Allow-Origin:
 *       *} and {@code Access-Control-Expose-Headers} ({@value #EXPOSED}). No credentials are ever
 *       allowed.
 *   <li>A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method})
 *       for {@code GET} or {@code HEAD} with request headers among {@value #REQUEST_HEADERS} answers
 *       204 with the grant, cached for a day. A preflight for any other method or header answers 403
 *       with a problem document and no grant, so the browser does not send the request. The node's
 *       own rule, not the Javalin CORS plugin, which echoes whatever methods and headers are asked.
 *   <li>A {@code POST} to {@code /sparql} or {@code /oai} is a read too (the SPARQL 1.1 Protocol's
 *       query by POST, OAI-PMH's POST of a form), granted like a {@code GET}, and its preflight may also ask for {@code POST} and {@code
 *       Content-Type} ({@code application/sparql-query} is not CORS-safelisted).
 *   <li>A plain {@code OPTIONS} answers 204 with {@code Allow}: the methods of that address.
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
final class Cors {

    /** Response headers a cross-origin script may read. */
    static final String EXPOSED = "ETag, Link, Location, Retry-After, Content-Location";
    /** Request headers a cross-origin read may send beyond the CORS-safelisted ones. */
    static final String REQUEST_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since";

    private static final Set<String> READS = Set.of("GET", "HEAD");
    /** Addresses where a POST is a read: the SPARQL query operation, OAI-PMH requests. */
    private static final Set<String> POST_READS = Set.of("/sparql", OaiHandler.PATH);

    private static final Set<String> ALLOWED_HEADERS = Arrays.stream(REQUEST_HEADERS.split(","))
            .map(h -> h.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private Cors() {}

    /** For every request: grants cross-origin reads (a {@code before} handler). */
    static void grantReads(Context ctx) {
        if (ctx.header("Origin") != null && isRead(ctx.req().getMethod(), ctx.path())) {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Access-Control-Expose-Headers", EXPOSED);
        }
    }

    private static boolean isRead(String method, String path) {
        return READS.contains(method) || ("POST".equals(method) && POST_READS.contains(path));
    }

    /**
     * Answers {@code OPTIONS} on an address whose methods are {@code methods}.
     *
     * @throws ApiException 403 for a preflight that asks for a write or an unlisted header
     */
    static void options(Context ctx, List<String> methods) {
        String allow = String.join(", ", methods) + ", OPTIONS";
        String requested = ctx.header("Access-Control-Request-Method");
        if (ctx.header("Origin") == null || requested == null) {
            ctx.header("Allow", allow);
            ctx.status(204);
            return;
        }
        boolean postRead = POST_READS.contains(ctx.path());
        if (!isRead(requested, ctx.path())) {
            throw ApiException.forbidden(
                    "Cross-origin " + requested + " is not allowed: this node grants other origins reads (GET, HEAD)"
                            + " only; writes and operations are sent from a server, with a token.",
                    Map.of("requestedMethod", requested));
        }
        String headers = ctx.header("Access-Control-Request-Headers");
        if (headers != null && !headers.isBlank()) {
            for (String h : headers.split(",")) {
                String name = h.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !ALLOWED_HEADERS.contains(name) && !(postRead && name.equals("content-type"))) {
                    throw ApiException.forbidden(
                            "Cross-origin reads may send " + REQUEST_HEADERS + ", not " + h.trim() + ".",
                            Map.of("requestedHeader", h.trim()));
                }
            }
        }
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", postRead ? "GET, HEAD, POST" : "GET, HEAD");
        ctx.header("Access-Control-Allow-Headers", postRead ? REQUEST_HEADERS + ", Content-Type" : REQUEST_HEADERS);
        ctx.header("Access-Control-Max-Age", "86400");
        ctx.header("Allow", allow);
        ctx.status(204);
    }
}
