package org.chmexchange.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitInterceptorTest {

    @RegisterExtension
    static final WireMockExtension PEER = Wire.server();

    private final Wire.Clients clients = new Wire.Clients();

    @AfterEach
    void shutdown() {
        clients.close();
    }

    @Test
    void requestsToOneHostAreSpaced() throws IOException {
        PEER.stubFor(get("/page").willReturn(ok()));
        FakeClock clock = new FakeClock();
        OkHttpClient client = clients.create(clock, b -> b.minRequestInterval(Duration.ofMillis(200)));
        for (int i = 0; i < 3; i++) {
            client.newCall(Wire.get(Wire.url(PEER, "/page"))).execute().close();
        }
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(200)), clock.sleeps());
        // another host has its own schedule: "localhost" is not "127.0.0.1"
        client.newCall(Wire.get("http://localhost:" + PEER.getPort() + "/page"))
                .execute()
                .close();
        assertEquals(2, clock.sleeps().size());
    }

    @Test
    void retriesAreSpacedToo() throws IOException {
        PEER.stubFor(get("/busy").willReturn(com.github.tomakehurst.wiremock.client.WireMock.status(503)));
        FakeClock clock = new FakeClock();
        OkHttpClient client = clients.create(
                clock,
                b -> b.minRequestInterval(Duration.ofSeconds(5)).maxRetries(1).baseBackoff(Duration.ofSeconds(1)));
        client.newCall(Wire.get(Wire.url(PEER, "/busy"))).execute().close();
        List<Duration> sleeps = clock.sleeps();
        assertEquals(2, sleeps.size(), sleeps::toString);
        // the backoff (0.5-1 s) elapsed, then the rate limit waits for the rest of the 5 s
        assertEquals(Duration.ofSeconds(5), sleeps.get(0).plus(sleeps.get(1)));
    }

    @Test
    void concurrentCallersGetDistinctSlots() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimitInterceptor limiter = new RateLimitInterceptor(Duration.ofMillis(100), clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Duration>> tasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tasks.add(() -> limiter.reserve("peer.example.org"));
            }
            Set<Duration> waits = new TreeSet<>();
            for (Future<Duration> f : pool.invokeAll(tasks)) {
                waits.add(f.get());
            }
            assertEquals(20, waits.size(), "every caller has its own slot");
            for (int i = 0; i < 20; i++) {
                assertTrue(waits.contains(Duration.ofMillis(100L * i)), waits::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Duration.ZERO, limiter.reserve("other.example.org"));
    }

    @Test
    void realClockSpacesRequests() throws IOException {
        PEER.stubFor(get("/page").willReturn(ok()));
        OkHttpClient client = HttpClients.create(HttpSettings.builder()
                .minRequestInterval(Duration.ofMillis(100))
                .build());
        try {
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                client.newCall(Wire.get(Wire.url(PEER, "/page"))).execute().close();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(Duration.ofMillis(200)) >= 0, elapsed::toString);
        } finally {
            HttpClients.shutdown(client);
        }
    }
}
