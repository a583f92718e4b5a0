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
 *   <li>{@code GET /api/v2013/thesaurus/domains/{domain}/terms}: the terms, or 404;
 *   <li>{@code HEAD /api/v2013/documents/{identifier}}: 200 for a published record, else 404;
 *   <li>{@code POST} (create) and {@code PUT} (update) {@code /api/v2023/documents/schemas/{schema}/{identifier}}
 *       with {@code {document, additionalInfo}} (INCUMBENTS.md part A 1.4): 400 without {@code realm}
 *       (query or header), 403 without a bearer token or with another than {@link #requireToken}'s,
 *       400 when the identifier exists (POST) or does not (PUT), 400 {@code {identifier, errors:
 *       [{code, property}]}} for a document without {@code government} or {@code title} (national
 *       schemas), with another {@code header.identifier} or {@code header.schema}, or one {@link
 *       CbdFixtures#refuse} names; else 200 {@code {draft: {header: {identifier}}}}, the draft kept
 *       ({@link CbdFixtures#drafts}).
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
    private volatile String token;

    private CbdReplay(CbdFixtures fixtures) {
        this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
        this.http = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/api/v2013/index/select", this::select);
            cfg.routes.get("/api/v2013/index", this::select);
            cfg.routes.get("/api/v2013/documents/{identifier}", this::document);
            cfg.routes.get("/api/v2013/thesaurus/domains/{domain}/terms", this::terms);
            cfg.routes.head("/api/v2013/documents/{identifier}", this::exists);
            cfg.routes.post("/api/v2023/documents/schemas/{schema}/{identifier}", ctx -> submit(ctx, false));
            cfg.routes.put("/api/v2023/documents/schemas/{schema}/{identifier}", ctx -> submit(ctx, true));
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

    /** Makes the v2023 API accept only {@code Authorization: Bearer {token}}; null for any bearer token. */
    public void requireToken(String token) {
        this.token = token;
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

    private void exists(Context ctx) {
        ctx.status(fixtures.body(ctx.pathParam("identifier")).isPresent() ? 200 : 404);
    }

    private static final java.util.Set<String> NATIONAL =
            java.util.Set.of("nationalReport", "nationalReport6", "nationalReport7", "nbsap", "nationalTarget7");

    private void submit(Context ctx, boolean update) {
        String schema = ctx.pathParam("schema");
        String identifier = ctx.pathParam("identifier");
        String realm = ctx.queryParam("realm") != null ? ctx.queryParam("realm") : ctx.header("Realm");
        if (realm == null || realm.isBlank()) {
            problem(ctx, 400, "realm missing");
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            problem(ctx, 403, "anonymous: sign in to submit records");
            return;
        }
        if (token != null && !authorization.equals("Bearer " + token)) {
            problem(ctx, 403, "insufficient rights");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (java.io.IOException e) {
            problem(ctx, 400, "the body is not JSON");
            return;
        }
        JsonNode document = body == null ? null : body.get("document");
        if (document == null || !document.isObject()) {
            problem(ctx, 400, "the body has no document");
            return;
        }
        boolean known =
                fixtures.hasDraft(identifier) || fixtures.body(identifier).isPresent();
        if (!update && known) {
            problem(ctx, 400, "identifier exists: " + identifier);
            return;
        }
        if (update && !known) {
            problem(ctx, 400, "identifier does not exist: " + identifier);
            return;
        }
        com.fasterxml.jackson.databind.node.ArrayNode errors = JSON.createArrayNode();
        if (!identifier.equals(document.path("header").path("identifier").asText())) {
            errors.addObject().put("code", "Error.InvalidValue").put("property", "header.identifier");
        }
        if (!schema.equals(document.path("header").path("schema").asText())) {
            errors.addObject().put("code", "Error.InvalidValue").put("property", "header.schema");
        }
        if (NATIONAL.contains(schema) && !document.path("government").has("identifier")) {
            errors.addObject().put("code", "Error.Mandatory").put("property", "government");
        }
        if (NATIONAL.contains(schema) && !document.has("title")) {
            errors.addObject().put("code", "Error.Mandatory").put("property", "title");
        }
        fixtures.refusal(identifier).ifPresent(e -> e.forEach(errors::add));
        if (!errors.isEmpty()) {
            ObjectNode answer = JSON.createObjectNode();
            answer.put("identifier", identifier);
            answer.set("errors", errors);
            ctx.status(400).contentType("application/json").result(answer.toString());
            return;
        }
        fixtures.draft(identifier, document);
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("draft").putObject("header").put("identifier", identifier);
        ctx.contentType("application/json").result(answer.toString());
    }

    private static void problem(Context ctx, int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("statusCode", status).put("message", message);
        ctx.status(status).contentType("application/json").result(body.toString());
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
