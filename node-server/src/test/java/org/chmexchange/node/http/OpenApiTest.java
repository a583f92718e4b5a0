package org.chmexchange.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, part 5: {@code /openapi.json} describes exactly the routes the node registers (a route
 * without an operation, or an operation without a route, fails), Swagger's parser reads it as
 * OpenAPI 3.1 without a message, and answers of the API, successes and problem documents, have a
 * declared status and media type and validate against their schemas (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1, with networknt's validator).
 */
class OpenApiTest {

    @TempDir
    static Path dir;

    private static ChmNodeServer node;
    private static String root;
    private static JsonNode doc;

    @BeforeAll
    static void start() throws IOException {
        node = ChmNodeServer.start(new NodeConfig(0, dir.resolve("node"), null, true));
        root = node.baseIri();
        NodeFixture.Reply r = NodeFixture.get(root + "openapi.json", null);
        assertEquals(200, r.status());
        doc = NodeFixture.JSON.readTree(r.body());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theDocumentIsOpenApi31WithTheNodeAsItsServer() {
        assertEquals("3.1.0", doc.path("openapi").asText());
        assertEquals(root, doc.path("servers").path(0).path("url").asText());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
        assertTrue(
                parsed.getMessages() == null || parsed.getMessages().isEmpty(), String.valueOf(parsed.getMessages()));
        assertEquals(doc.path("paths").size(), parsed.getOpenAPI().getPaths().size());
    }

    @Test
    void everyRouteHasAnOperationAndEveryOperationARoute() {
        Set<String> routes = new TreeSet<>();
        node.routes().forEach((path, methods) -> methods.stream()
                .filter(m -> !m.equals("HEAD"))
                // Javalin's <name> (a parameter that may hold slashes) is OpenAPI's {name}
                .forEach(m -> routes.add(m + " " + path.replaceAll("<(\\w+)>", "{$1}"))));
        node.routes().forEach((path, methods) -> {
            if (methods.contains("HEAD")) {
                assertTrue(methods.contains("GET"), "HEAD answers as GET does: " + path);
            }
        });
        Set<String> described = new TreeSet<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                    if (List.of("get", "put", "post", "delete", "patch").contains(m)) {
                        described.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
                    }
                }));
        Set<String> undescribed = new TreeSet<>(routes);
        undescribed.removeAll(described);
        Set<String> unrouted = new TreeSet<>(described);
        unrouted.removeAll(routes);
        assertEquals(Set.of(), undescribed, "routes without an operation in openapi.yaml");
        assertEquals(Set.of(), unrouted, "operations without a route");
    }

    record Call(String method, String path, String accept, String contentType, String body) {}

    static Call get(String path) {
        return new Call("GET", path, null, null, null);
    }

    static Call get(String path, String accept) {
        return new Call("GET", path, accept, null, null);
    }

    static Call send(String method, String path, String contentType, String body) {
        return new Call(method, path, null, contentType, body);
    }

    @Test
    void answersHaveADeclaredStatusAndMediaTypeAndMatchTheirSchemas() throws Exception {
        String decision = "records/decision/cbd-decision-15-4";
        List<Call> calls = List.of(
                get("health"),
                get("status"),
                get("records?limit=3"),
                get("records?type=decision&limit=2", "application/ld+json"),
                get("records?type=poem"),
                get("records?unknown=1"),
                get("records", "image/png"),
                get(decision, "text/turtle"),
                get(decision, "application/ld+json"),
                get(decision, "text/html"),
                get("records/decision/none"),
                get("changes"),
                get("changes/page?limit=3"),
                get("changes/page?cursor=garbage"),
                get("changes/1"),
                get("changes/999999"),
                get("ns", "text/turtle"),
                get("ns/context.jsonld"),
                get("ns/shapes", "application/n-triples"),
                get("thesaurus", "text/turtle"),
                get("thesaurus/search?q=fran&lang=fr"),
                get("thesaurus/search"),
                get("thesaurus/schemes"),
                get("thesaurus/top?scheme=aichi-goals"),
                get("thesaurus/top?scheme=none"),
                get("thesaurus/concept?iri=GBF-TARGET-03"),
                get("thesaurus/concept?iri=NOPE"),
                get("thesaurus/broader?iri=AICHI-TARGET-01"),
                get("thesaurus/narrower?iri=AICHI-GOAL-A&transitive=true"),
                get("sparql?query=" + java.net.URLEncoder.encode("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "UTF-8")),
                get("sparql?query=SELEKT"),
                send("POST", "sparql", "application/sparql-update", "DROP ALL"),
                send("POST", "sparql", "application/sparql-query", "ASK { ?s ?p ?o }"),
                get("oai?verb=Identify"),
                get("oai?verb=Nonsense"),
                send("POST", "oai", "application/json", "{}"),
                get("oai/rdf.xsd"),
                get("dumps/records.nq.gz"),
                get(".well-known/void", "text/turtle"),
                get("catalog", "application/ld+json"),
                get("openapi.json"),
                send("PUT", decision, "text/turtle", "<> a <urn:x> ."),
                send("DELETE", decision, null, null),
                send("POST", "records", "text/turtle", ""),
                send("PUT", "records?iri=http://example.org/x", "text/turtle", "<> a <urn:x> ."),
                send("DELETE", "records?iri=http://example.org/x", null, null),
                send("POST", "admin/harvest/none", null, ""),
                send("POST", "admin/publish/none", null, ""));
        List<String> problems = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        for (Call c : calls) {
            check(c, problems, operations);
        }
        assertEquals(List.of(), problems);
        assertTrue(operations.size() >= 30, "operations exercised: " + operations);
    }

    private static void check(Call c, List<String> problems, Set<String> operations) throws IOException {
        Request.Builder b = new Request.Builder().url(root + c.path());
        if (c.accept() != null) {
            b.header("Accept", c.accept());
        }
        RequestBody body = c.body() == null
                ? (c.method().equals("POST") || c.method().equals("PUT") ? RequestBody.create(new byte[0]) : null)
                : RequestBody.create(c.body(), c.contentType() == null ? null : MediaType.get(c.contentType()));
        b.method(c.method(), body);
        String path = "/" + c.path().split("\\?")[0];
        String template = OpenApiAnswers.template(path);
        if (template == null
                || doc.path("paths")
                        .path(template)
                        .path(c.method().toLowerCase(Locale.ROOT))
                        .isMissingNode()) {
            problems.add(c.method() + " " + path + ": no operation of the document");
            return;
        }
        operations.add(c.method() + " " + template);
        try (Response r = UNCHECKED.newCall(b.build()).execute()) {
            problems.addAll(OpenApiAnswers.check(
                    c.method(),
                    path,
                    r.code(),
                    r.header("Content-Type"),
                    r.body().bytes()));
        }
    }

    /** The test client without the OpenAPI interceptor, so that every problem is listed, not only the first. */
    private static final okhttp3.OkHttpClient UNCHECKED = unchecked();

    private static okhttp3.OkHttpClient unchecked() {
        okhttp3.OkHttpClient.Builder b = NodeFixture.HTTP.newBuilder();
        b.interceptors().clear();
        return b.build();
    }
}
