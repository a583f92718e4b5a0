package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chmexchange.rdf.JsonLdContext;
import org.chmexchange.rdf.RecordFormat;

/**
 * The one way the node answers JSON-LD built from maps (lists, the change feed, thesaurus views):
 * every body names the node's own context, {@code {base}ns/context.jsonld}, which the node serves
 * ({@link VocabularyHandler}), so JSON-LD processors resolve it with their default document loader
 * (issue 10, part 1). A body is sent as {@code application/ld+json} when the client prefers it to
 * the route's JSON media type, else as that media type with the context also in a {@code Link}
 * header ({@code rel="http://www.w3.org/ns/json-ld#context"}, JSON-LD 1.1 section 6.1). Immutable;
 * thread-safe.
 */
final class JsonLdAnswer {

    /** Where the node serves its context, relative to its base. */
    static final String CONTEXT_PATH = "ns/context.jsonld";

    private static final String JSON_LD = "application/ld+json";

    private final JsonLdContext context;

    /** @param base the node's base IRI, ending with {@code /} */
    JsonLdAnswer(String base) {
        this.context = contextOf(base);
    }

    /** The node's context: {@code {base}ns/context.jsonld}. */
    static JsonLdContext contextOf(String base) {
        return JsonLdContext.servedAt(base + CONTEXT_PATH);
    }

    JsonLdContext context() {
        return context;
    }

    /** A new body that starts with {@code @context}, then {@code id} and {@code type}. */
    Map<String, Object> body(String id, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@context", context.url());
        body.put("id", id);
        body.put("type", type);
        return body;
    }

    /**
     * Sends {@code json} (a JSON-LD document that names {@link #context()}) as {@code jsonMediaType}
     * with the context {@code Link} header, or as {@code application/ld+json} when the client ranks
     * that higher.
     */
    void send(Context ctx, String jsonMediaType, byte[] json) {
        String accept = ctx.header("Accept");
        boolean ld = accept != null
                && RecordFormat.acceptQuality(accept, JSON_LD) > RecordFormat.acceptQuality(accept, jsonMediaType);
        ctx.header("Vary", "Accept");
        if (ld) {
            ctx.contentType(JSON_LD).result(json);
        } else {
            String links = ctx.res().getHeader("Link");
            ctx.header("Link", links == null ? context.linkHeader() : links + ", " + context.linkHeader());
            ctx.contentType(jsonMediaType).result(json);
        }
    }

    /** Sends a body built from maps: {@link #send(Context, String, byte[])} of its JSON. */
    void send(Context ctx, String jsonMediaType, Object body) {
        send(ctx, jsonMediaType, Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
