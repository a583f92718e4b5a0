package org.chmexchange.node.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A local stand-in for the CBD clearing-house API (INCUMBENTS.md part A), serving a {@link
 * CbdFixtures} set over real HTTP so that the {@code cbd} harvester can be tried and tested without
 * the network: {@code chm-node replay cbd}. It answers
 *
 * <ul>
 *   <li>{@code GET /api/v2013/index/select} and {@code GET /api/v2013/index} ({@code q}, {@code fl},
 *       {@code sort}, {@code start}, {@code rows} default 10; {@link CbdIndex}); a query that does not
 *       parse is 400 with Solr's error body {@code {"error": {"msg", "code"}}};
 *   <li>{@code GET /api/v2013/documents/{identifier}}: the body, or 404; with {@code ?info}, the
 *       envelope ({@code identifier}, {@code documentID}, {@code revision}, {@code type}, {@code
 *       realm}, {@code updatedOn}, {@code body}) built from the index document;
 *   <li>{@code GET /api/v2013/thesaurus/domains/{domain}/terms}: the terms, or 404.
 * </ul>
 *
 * Every request is logged ({@link #requests()}) with its {@code Realm} header.
 *
 * <pre>{@code
 * try (CbdReplay replay = CbdReplay.start(CbdFixtures.bundled(), "127.0.0.1", 0)) {
 *     URI api = replay.url(); // http://127.0.0.1:{port}/
 * }
 * }</pre>
 *
 * <p>Thread-safety: requests are served concurrently; the fixture set may change while it runs.
 */
public final class CbdReplay implements AutoCloseable {

    /** A request the replay answered. */
    public record Served(String method, String pathAndQuery, String realm, int status) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LOGGED = 10_000;

    private final CbdFixtures fixtures;
    private final Javalin http;
    private final List<Served> served = new ArrayList<>();
    private CbdIndex index;
    private long indexedVersion = -1;

    private CbdReplay(CbdFixtures fixtures) {
        this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
        this.http = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/api/v2013/index/select", this::select);
            cfg.routes.get("/api/v2013/index", this::select);
            cfg.routes.get("/api/v2013/documents/{identifier}", this::document);
            cfg.routes.get("/api/v2013/thesaurus/domains/{domain}/terms", this::terms);
            cfg.routes.after(ctx -> log(ctx));
        });
    }

    /**
     * Starts serving {@code fixtures}.
     *
     * @param host the address to bind, such as {@code 127.0.0.1}
     * @param port the port; 0 for any free one
     */
    public static CbdReplay start(CbdFixtures fixtures, String host, int port) {
        CbdReplay replay = new CbdReplay(fixtures);
        replay.http.start(host, port);
        return replay;
    }

    /** The port it listens on. */
    public int port() {
        return http.port();
    }

    /** The API base, {@code http://{host}:{port}/}, the {@code url} of a {@code cbd} source. */
    public java.net.URI url() {
        return java.net.URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** The fixture set it serves. */
    public CbdFixtures fixtures() {
        return fixtures;
    }

    /** The requests served so far (the last {@value #MAX_LOGGED}), oldest first. */
    public synchronized List<Served> requests() {
        return List.copyOf(served);
    }

    private void select(Context ctx) {
        int start = number(ctx, "start", 0);
        int rows = number(ctx, "rows", 10);
        try {
            ObjectNode answer =
                    index().select(ctx.queryParam("q"), ctx.queryParam("fl"), ctx.queryParam("sort"), start, rows);
            ctx.contentType("application/json").result(answer.toString());
        } catch (CbdIndex.BadRequestException e) {
            solrError(ctx, e.getMessage());
        }
    }

    private void document(Context ctx) {
        String identifier = ctx.pathParam("identifier");
        JsonNode body = fixtures.body(identifier).orElse(null);
        if (body == null) {
            ctx.status(404).contentType("application/json").result("{\"statusCode\":404,\"code\":\"notFound\"}");
            return;
        }
        if (ctx.queryParamMap().containsKey("info")) {
            JsonNode doc = fixtures.indexDoc(identifier).orElse(JSON.createObjectNode());
            ObjectNode info = JSON.createObjectNode();
            info.put("identifier", identifier);
            info.set("documentID", doc.path("_documentId_i"));
            info.set("revision", doc.path("_revision_i"));
            info.set("type", doc.path("schema_s"));
            info.put("realm", doc.path("realm_ss").path(0).asText("chm").toUpperCase(java.util.Locale.ROOT));
            info.set("updatedOn", doc.path("updatedDate_dt"));
            info.set("body", body);
            ctx.contentType("application/json").result(info.toString());
            return;
        }
        // the real API sends bodies as stored: the raw text, which a test may have made malformed
        ctx.contentType("application/json").result(body.isTextual() ? body.asText() : body.toString());
    }

    private void terms(Context ctx) {
        JsonNode terms = fixtures.domain(ctx.pathParam("domain")).orElse(null);
        if (terms == null) {
            ctx.status(404).contentType("application/json").result("{\"statusCode\":404,\"code\":\"notFound\"}");
            return;
        }
        ctx.contentType("application/json").result(terms.toString());
    }

    private synchronized CbdIndex index() {
        long version = fixtures.version();
        if (index == null || version != indexedVersion) {
            index = new CbdIndex(fixtures.indexDocs());
            indexedVersion = version;
        }
        return index;
    }

    private static int number(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new io.javalin.http.BadRequestResponse(name + " must be a whole number: " + v);
        }
    }

    private static void solrError(Context ctx, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("responseHeader").put("status", 400);
        body.putObject("error").put("msg", message).put("code", 400);
        ctx.status(400).contentType("application/json").result(body.toString());
    }

    private synchronized void log(Context ctx) {
        if (served.size() >= MAX_LOGGED) {
            served.remove(0);
        }
        String query = ctx.queryString();
        served.add(new Served(
                ctx.method().name(),
                ctx.path() + (query == null ? "" : "?" + query),
                ctx.header("Realm"),
                ctx.statusCode()));
    }

    @Override
    public void close() {
        http.stop();
    }
}
