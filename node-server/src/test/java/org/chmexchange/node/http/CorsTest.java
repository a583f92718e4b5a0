package org.chmexchange.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import okhttp3.Request;
import okhttp3.Response;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-origin reads are granted, cross-origin writes never (issue 7, security). */
class CorsTest {

    @TempDir
    static Path dir;

    static ChmNodeServer node;
    static String base;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(0, dir.resolve("data"), null, true));
        base = "http://localhost:" + node.port();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Response call(Request.Builder request) throws Exception {
        return NodeFixture.HTTP.newCall(request.build()).execute();
    }

    @Test
    void aCrossOriginReadIsGrantedWithoutCredentials() throws Exception {
        try (Response r = call(
                new Request.Builder().url(base + "/records?limit=1").header("Origin", "https://portal.example.org"))) {
            assertEquals(200, r.code());
            assertEquals("*", r.header("Access-Control-Allow-Origin"));
            assertTrue(r.header("Access-Control-Expose-Headers").contains("ETag"));
            assertNull(r.header("Access-Control-Allow-Credentials"));
        }
        try (Response r = call(
                new Request.Builder().url(base + "/no/such/address").header("Origin", "https://portal.example.org"))) {
            assertEquals(404, r.code());
            assertEquals("*", r.header("Access-Control-Allow-Origin"), "a script can read the problem document");
            assertEquals(
                    Problems.MEDIA_TYPE,
                    r.body().contentType().type() + "/" + r.body().contentType().subtype());
        }
        try (Response r = call(new Request.Builder().url(base + "/records?limit=1"))) {
            assertNull(r.header("Access-Control-Allow-Origin"), "no Origin, no CORS headers");
        }
    }

    @Test
    void aPreflightForAReadIsGrantedAndForAWriteRefused() throws Exception {
        try (Response r = call(new Request.Builder()
                .url(base + "/records")
                .method("OPTIONS", null)
                .header("Origin", "https://portal.example.org")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "accept, if-none-match"))) {
            assertEquals(204, r.code());
            assertEquals("*", r.header("Access-Control-Allow-Origin"));
            assertEquals("GET, HEAD", r.header("Access-Control-Allow-Methods"));
            assertEquals(Cors.REQUEST_HEADERS, r.header("Access-Control-Allow-Headers"));
        }
        for (String method : new String[] {"PUT", "DELETE", "POST"}) {
            try (Response r = call(new Request.Builder()
                    .url(base + "/records")
                    .method("OPTIONS", null)
                    .header("Origin", "https://evil.example.org")
                    .header("Access-Control-Request-Method", method)
                    .header("Access-Control-Request-Headers", "authorization, content-type"))) {
                assertEquals(403, r.code(), method);
                assertNull(r.header("Access-Control-Allow-Origin"), "no grant for a cross-origin " + method);
                assertNull(r.header("Access-Control-Allow-Methods"));
                assertTrue(r.body().string().contains("Cross-origin " + method));
            }
        }
        try (Response r = call(new Request.Builder()
                .url(base + "/records")
                .method("OPTIONS", null)
                .header("Origin", "https://portal.example.org")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"))) {
            assertEquals(403, r.code(), "a read may not carry a token across origins");
        }
    }

    @Test
    void aSparqlQueryByPostIsACrossOriginReadButAWritePostIsNot() throws Exception {
        try (Response r = call(new Request.Builder()
                .url(base + "/sparql")
                .method("OPTIONS", null)
                .header("Origin", "https://portal.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, accept"))) {
            assertEquals(204, r.code());
            assertTrue(r.header("Access-Control-Allow-Methods").contains("POST"));
            assertTrue(r.header("Access-Control-Allow-Headers").contains("Content-Type"));
        }
        try (Response r = call(new Request.Builder()
                .url(base + "/sparql")
                .post(okhttp3.RequestBody.create("ASK {}", okhttp3.MediaType.get("application/sparql-query")))
                .header("Origin", "https://portal.example.org"))) {
            assertEquals(200, r.code());
            assertEquals("*", r.header("Access-Control-Allow-Origin"));
        }
        try (Response r = call(new Request.Builder()
                .url(base + "/records")
                .method("OPTIONS", null)
                .header("Origin", "https://portal.example.org")
                .header("Access-Control-Request-Method", "POST"))) {
            assertEquals(403, r.code(), "a POST to /records is a write");
            assertNull(r.header("Access-Control-Allow-Origin"));
        }
        try (Response r = call(new Request.Builder()
                .url(base + "/records")
                .post(okhttp3.RequestBody.create("x", okhttp3.MediaType.get("text/turtle")))
                .header("Origin", "https://portal.example.org"))) {
            assertNull(r.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void plainOptionsListsTheMethodsOfTheAddress() throws Exception {
        try (Response r =
                call(new Request.Builder().url(base + "/records/decision/x").method("OPTIONS", null))) {
            assertEquals(204, r.code());
            assertEquals("GET, HEAD, PUT, DELETE, OPTIONS", r.header("Allow"));
        }
        try (Response r = call(new Request.Builder().url(base + "/status").method("OPTIONS", null))) {
            assertEquals(204, r.code());
            assertEquals("GET, HEAD, OPTIONS", r.header("Allow"));
        }
    }
}
