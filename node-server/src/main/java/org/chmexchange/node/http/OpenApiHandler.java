package org.chmexchange.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the node's API as an OpenAPI 3.1 document, from {@code openapi.yaml}
 * beside this class (the one description of every route, parameter, body, answer and problem
 * document), with the node's base as its server. Built once; thread-safe.
 */
final class OpenApiHandler {

    static final String PATH = "/openapi.json";
    private static final String SOURCE = "openapi.yaml";

    private final byte[] json;

    OpenApiHandler(String base) {
        ObjectNode doc = (ObjectNode) document();
        doc.putArray("servers").addObject().put("url", base);
        try {
            this.json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as written in {@code openapi.yaml} (YAML anchors resolved), without servers. */
    static JsonNode document() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SOURCE + " is missing from the node's resources");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SOURCE, e);
        }
    }

    void handle(Context ctx) {
        ctx.contentType("application/json");
        ctx.result(json);
    }
}
