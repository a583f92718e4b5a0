package org.chmexchange.node.http;

import static org.chmexchange.node.NodeFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.TokenScope;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.StoreConfig;
import org.chmexchange.testkit.store.FusekiStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two node processes of one node (two servers, each with its own data folder) on one remote SPARQL
 * store, Fuseki over TDB2, configured with {@code store: {type: sparql}}: a record published to
 * one is served by the other at once, listed by it once it has followed the change log, and
 * publishing to both at once keeps one change feed without a gap or a duplicate.
 */
@Tag("slow")
class SharedStoreNodesTest {

    static final String COLOMBIA = Tokens.newToken();
    static final String BASE = "https://chm.example.org/";

    @TempDir
    static Path dirs;

    static FusekiStore fuseki;
    static ChmNodeServer a;
    static ChmNodeServer b;

    @BeforeAll
    static void start() {
        fuseki = FusekiStore.start(dirs.resolve("fuseki"));
        StoreConfig store = new StoreConfig(
                StoreConfig.SPARQL, fuseki.query(), fuseki.update(), null, null, Duration.ofMillis(200));
        Token colombia =
                new Token("colombia", Tokens.sha256Hex(COLOMBIA), TokenScope.of(List.of("co"), List.of(), List.of()));
        a = ChmNodeServer.start(new NodeConfig(0, dirs.resolve("a"), BASE, true)
                .withTokens(List.of(colombia))
                .withStore(store));
        b = ChmNodeServer.start(new NodeConfig(0, dirs.resolve("b"), BASE, true)
                .withTokens(List.of(colombia))
                .withStore(store));
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        fuseki.close();
    }

    static String root(ChmNodeServer node) {
        return "http://localhost:" + node.port() + "/";
    }

    static int put(ChmNodeServer node, String id) {
        String body = PublishingApiTest.focalPoint("co", "Ana Example " + id, id + "@example.org");
        return PublishingApiTest.put(root(node) + "records/focal-point/" + id, COLOMBIA, "text/turtle", body)
                .status();
    }

    @Test
    void aRecordPublishedToOneProcessIsServedByTheOther() throws InterruptedException {
        assertTrue(b.store().count(org.chmexchange.store.RecordQuery.ALL) > 0, "the sample data, loaded once, in both");
        assertEquals(201, put(a, "co-shared-one"));
        Reply record = get(root(b) + "records/focal-point/co-shared-one", "text/turtle");
        assertEquals(200, record.status(), "read from the shared store at once");
        assertTrue(record.body().contains("Ana Example co-shared-one"), record.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode list;
        do {
            list = get(root(b) + "records?type=focal-point&q=co-shared-one", "application/json")
                    .json();
            if (list.get("items").size() > 0) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals(1, list.get("items").size(), "listed by the other process once it followed: " + list);
        assertEquals(a.store().lastSequence(), b.store().lastSequence());
    }

    @Test
    void publishingToBothProcessesAtOnceKeepsOneChangeFeed() throws InterruptedException {
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (ChmNodeServer node : List.of(a, b)) {
            String prefix = node == a ? "co-a-" : "co-b-";
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    statuses.add(put(node, prefix + i));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(120_000);
        }
        assertEquals(Collections.nCopies(20, 201), statuses);
        long last = a.store().refresh();
        assertEquals(last, b.store().refresh(), "both processes serve the same last change");
        assertEquals(List.of(), a.store().check().problems());
        assertEquals(changeSequences(a), changeSequences(b), "one change feed, whichever process answers");
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= last; s++) {
            expected.add(s);
        }
        assertEquals(expected, changeSequences(a), "without a gap or a duplicate");
    }

    /** Every sequence number of the node's change feed, following its pages (their cursors, on this process). */
    static List<Long> changeSequences(ChmNodeServer node) {
        List<Long> sequences = new ArrayList<>();
        String url = root(node) + "changes/page?limit=500";
        while (true) {
            JsonNode page = get(url, "application/json").json();
            JsonNode items = page.get("orderedItems");
            if (items.isEmpty()) {
                return sequences;
            }
            for (JsonNode item : items) {
                String id = item.get("id").asText();
                sequences.add(Long.parseLong(id.substring(id.lastIndexOf('/') + 1)));
            }
            String cursor = okhttp3.HttpUrl.get(page.get("next").asText()).queryParameter("cursor");
            url = root(node) + "changes/page?limit=500&cursor=" + cursor;
        }
    }
}
