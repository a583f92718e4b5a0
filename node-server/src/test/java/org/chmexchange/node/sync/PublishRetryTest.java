package org.chmexchange.node.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.node.Fictional;
import org.chmexchange.node.config.PublishTarget;
import org.chmexchange.publish.PublishOutcome;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.memory.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher's batch POST is idempotent, so the shared client retries it after a 503. */
class PublishRetryTest {

    static final String BASE = "http://national.example.org/";

    @TempDir
    Path dir;

    @Test
    void aBatchRefusedOnceWith503IsSentAgainWithTheToken() throws IOException {
        AtomicInteger posts = new AtomicInteger();
        List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/records", exchange -> {
            exchange.getRequestBody().readAllBytes();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (posts.incrementAndGet() == 1) {
                // No Retry-After: OkHttp itself repeats a 503 with "Retry-After: 0"; the project's
                // retry interceptor (backoff) is what this test is about.
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] body = "{\"created\": [], \"updated\": [], \"unchanged\": []}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        peer.start();
        SailRepository repository = new SailRepository(new MemoryStore());
        repository.init();
        try (RecordStore store = RecordStore.open(repository, dir.resolve("index"));
                RecordValidator validator = new RecordValidator()) {
            Fictional.publishLocally(
                    store, BASE, "co-cbd-fp1-valentina", "co", "Valentina Ejemplo", "vale@example.org");
            String url = "http://127.0.0.1:" + peer.getAddress().getPort() + "/";
            SyncPlan plan = SyncPlan.of(
                    List.of(),
                    List.of(new PublishTarget("to-peer", url, null, "PEER_TOKEN")),
                    Map.of("PEER_TOKEN", "peer-secret"),
                    HarvesterRegistry.load());
            try (Sync sync = Sync.open(plan, store, validator, BASE)) {
                PublishOutcome outcome = sync.publish("to-peer").orElseThrow();
                assertTrue(outcome.ok(), outcome.error());
                assertEquals(1, outcome.upserted());
                assertEquals(2, posts.get(), "the 503 was retried");
                assertEquals(List.of("Bearer peer-secret", "Bearer peer-secret"), authorizations);
                assertEquals(0, sync.targetStatus("to-peer").pendingChanges());
            }
        } finally {
            peer.stop(0);
        }
    }
}
