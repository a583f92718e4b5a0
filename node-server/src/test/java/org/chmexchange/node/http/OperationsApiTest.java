package org.chmexchange.node.http;

import static org.chmexchange.node.NodeFixture.call;
import static org.chmexchange.node.NodeFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.AdminSettings;
import org.chmexchange.node.config.SourceEntry;
import org.chmexchange.node.config.TokenEntry;
import org.chmexchange.store.RecordQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations over HTTP: a node serving the sample data, and a node that harvests it on demand
 * ({@code POST /admin/harvest/{source}} with the admin token) and reports in {@code GET /status}.
 * A third "peer" is a bare HTTP server that holds its answer until the test lets it go.
 */
class OperationsApiTest {

    static final String ADMIN = Tokens.newToken();
    static final String WRITER = Tokens.newToken();

    @TempDir
    static Path dirs;

    static ChmNodeServer source;
    static ChmNodeServer harvester;
    static String root;
    static HttpServer slowPeer;
    static final CountDownLatch peerAsked = new CountDownLatch(1);
    static final CountDownLatch peerMayAnswer = new CountDownLatch(1);

    @BeforeAll
    static void start() throws IOException {
        source = ChmNodeServer.start(new NodeConfig(0, dirs.resolve("source"), null, true));
        slowPeer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slowPeer.createContext("/", exchange -> {
            peerAsked.countDown();
            try {
                peerMayAnswer.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        slowPeer.start();
        List<SourceEntry> sources = List.of(
                new SourceEntry("sample", "peer", source.baseIri(), null, null, Map.of("limit", "40")),
                new SourceEntry(
                        "slow",
                        "peer",
                        "http://127.0.0.1:" + slowPeer.getAddress().getPort() + "/",
                        null,
                        null,
                        Map.of()));
        Token writer = new TokenEntry("writer", Tokens.sha256Hex(WRITER), null, null, null).toToken();
        NodeConfig config = new NodeConfig(
                0,
                dirs.resolve("harvester"),
                null,
                false,
                NodeConfig.defaults().maxRequestBytes(),
                List.of(writer),
                new AdminSettings(Tokens.sha256Hex(ADMIN)),
                sources,
                List.of());
        harvester = ChmNodeServer.start(config, Map.of());
        root = "http://localhost:" + harvester.port() + "/";
    }

    @AfterAll
    static void stop() {
        peerMayAnswer.countDown();
        try {
            if (harvester != null) {
                harvester.close();
            }
        } finally {
            slowPeer.stop(0);
            source.close();
        }
    }

    static Reply post(String path, String token) {
        Request.Builder request = new Request.Builder().url(root + path).post(RequestBody.create(new byte[0]));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return call(request.build());
    }

    static JsonNode status() {
        Reply reply = get(root + "status", null);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("no-store", reply.header("Cache-Control"));
        return reply.json();
    }

    static JsonNode entry(JsonNode status, String list, String name) {
        for (JsonNode e : status.get(list)) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("No " + name + " in " + status);
    }

    /** Polls {@code /status} until the entry satisfies the condition. */
    static JsonNode awaitSource(String name, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode e = entry(status(), "sources", name);
            if (condition.test(e)) {
                return e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out; last status of " + name + ": " + e);
            }
            Thread.sleep(50);
        }
    }

    static void assertProblem(Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    }

    @Test
    void operationsNeedTheAdminToken() {
        Reply none = post("admin/harvest/sample", null);
        assertProblem(none, 401);
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"), none.header("WWW-Authenticate"));
        Reply unknown = post("admin/harvest/sample", "not-a-token-of-this-node");
        assertProblem(unknown, 401);
        assertTrue(unknown.header("WWW-Authenticate").contains("invalid_token"));
        assertFalse(unknown.body().contains("not-a-token-of-this-node"), "the token is never echoed");
        Reply writer = post("admin/harvest/sample", WRITER);
        assertProblem(writer, 403);
        assertTrue(writer.json().get("detail").asText().contains("'writer'"), writer.body());
        assertProblem(post("admin/publish/sample", WRITER), 403);

        Reply noSource = post("admin/harvest/nowhere", ADMIN);
        assertProblem(noSource, 404);
        assertTrue(noSource.json().get("detail").asText().contains("configured: sample, slow"), noSource.body());
        Reply noTarget = post("admin/publish/nowhere", ADMIN);
        assertProblem(noTarget, 404);
        assertTrue(noTarget.json().get("detail").asText().contains("configured: none"), noTarget.body());
        assertProblem(get(root + "admin/harvest/sample", null), 405);
        assertFalse(entry(status(), "sources", "sample").get("running").asBoolean(), "nothing was started");
    }

    @Test
    void aHarvestOnDemandShowsInTheStatus() throws InterruptedException {
        JsonNode before = entry(status(), "sources", "sample");
        assertEquals("peer", before.get("protocol").asText());
        assertEquals(source.baseIri(), before.get("url").asText());
        assertTrue(before.get("schedule").isNull(), "on demand only");

        Reply accepted = post("admin/harvest/sample", ADMIN);
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals(harvester.baseIri() + "status", accepted.header("Location"));
        assertEquals("harvest", accepted.json().get("accepted").asText());

        JsonNode after = awaitSource(
                "sample",
                e -> !e.get("running").asBoolean() && !e.get("lastRun").isNull());
        JsonNode run = after.get("lastRun");
        assertTrue(run.get("ok").asBoolean(), run.toString());
        assertTrue(run.get("error").isNull());
        long records = source.store().count(RecordQuery.ALL);
        assertEquals(records, run.get("created").asLong(), run.toString());
        assertEquals(0, run.get("rejected").asLong(), run.toString());
        assertTrue(run.get("pages").asLong() >= records / 40, run.toString());
        assertTrue(after.get("lag").isNumber() && after.get("lag").asLong() < 60, after.toString());
        assertEquals(records, harvester.store().count(RecordQuery.ALL), "the harvester holds the sample data now");
        JsonNode top = status();
        assertEquals(harvester.baseIri(), top.get("node").asText());
        assertEquals(harvester.store().lastSequence(), top.get("lastSequence").asLong());
    }

    @Test
    void aRunningHarvestAnswers409AndAFailedOneShowsItsError() throws InterruptedException {
        assertTrue(entry(status(), "sources", "slow").get("lag").isNull(), "never harvested: no lag");
        assertEquals(202, post("admin/harvest/slow", ADMIN).status());
        assertTrue(peerAsked.await(10, TimeUnit.SECONDS), "the harvest asked the peer");
        Reply again = post("admin/harvest/slow", ADMIN);
        assertProblem(again, 409);
        assertTrue(again.json().has("runningSince"), again.body());
        JsonNode running = entry(status(), "sources", "slow");
        assertTrue(running.get("running").asBoolean(), running.toString());
        assertTrue(running.has("runningSince"), running.toString());

        peerMayAnswer.countDown();
        JsonNode after = awaitSource(
                "slow", e -> !e.get("running").asBoolean() && !e.get("lastRun").isNull());
        JsonNode run = after.get("lastRun");
        assertFalse(run.get("ok").asBoolean(), run.toString());
        assertTrue(run.get("error").asText().contains("404"), run.toString());
        assertTrue(after.get("lag").isNull(), "no successful run yet: " + after);
    }
}
