package org.chmexchange.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.network.NodeRegistry;

/**
 * {@code POST /network/nodes}: a node registers itself in this node's network registry with one of
 * this node's write tokens (bearer); the token's name becomes its name in the registry, and a new
 * registration under that name replaces the old one (a node that moved). Body: {@code {"url":
 * "https://co.chm.example.org/"}} (JSON, at most 4 KiB). 201 with the registration; 401 without a
 * known token; 400 for a bad body or URL, or a name that a configured node has.
 */
final class NetworkHandler {

    /** The largest registration body, in bytes. */
    static final int MAX_BODY = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeRegistry registry;
    private final Publishing publishing;

    NetworkHandler(NodeRegistry registry, Publishing publishing) {
        this.registry = registry;
        this.publishing = publishing;
    }

    void register(Context ctx) {
        Token token = publishing.authenticate(ctx);
        if (ctx.contentLength() > MAX_BODY) {
            throw new ApiException(
                    413, "Payload too large", "A registration is at most " + MAX_BODY + " bytes.", Map.of());
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY) {
            throw new ApiException(
                    413, "Payload too large", "A registration is at most " + MAX_BODY + " bytes.", Map.of());
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("Malformed JSON", "The body is not JSON: " + e.getMessage(), Map.of());
        }
        if (json == null || !json.path("url").isTextual()) {
            throw ApiException.badRequest(
                    "Missing url",
                    "Send {\"url\": \"https://your-node.example.org/\"}: your node's base URL.",
                    Map.of());
        }
        NodeRegistry.Registration r;
        try {
            r = registry.register(token.name(), json.get("url").asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Cannot register", e.getMessage() + ".", Map.of());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", r.name());
        answer.put("url", r.url());
        answer.put("registered", r.registered().toString());
        ctx.status(201).contentType("application/json").result(Json.write(answer));
    }
}
