package org.chmexchange.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.chmexchange.ChmException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class HttpClientsTest {

    @RegisterExtension
    static final WireMockExtension PEER = Wire.server();

    private final Wire.Clients clients = new Wire.Clients();
    private final FakeClock clock = new FakeClock();

    @AfterEach
    void shutdown() {
        clients.close();
    }

    @Test
    void defaults() {
        HttpSettings s = HttpSettings.defaults();
        assertEquals(HttpSettings.DEFAULT_USER_AGENT, s.userAgent());
        assertTrue(s.userAgent().startsWith("chm-exchange/"), s.userAgent());
        assertTrue(s.userAgent().endsWith(" (+https://w3id.org/chm-exchange)"), s.userAgent());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertEquals(Duration.ofSeconds(30), s.readTimeout());
        assertEquals(Duration.ofSeconds(30), s.writeTimeout());
        assertEquals(Duration.ZERO, s.callTimeout());
        assertEquals(4, s.maxRetries());
        assertEquals(Duration.ofMillis(500), s.baseBackoff());
        assertEquals(Duration.ofSeconds(30), s.maxBackoff());
        assertEquals(Duration.ofSeconds(120), s.maxRetryAfter());
        assertEquals(Duration.ZERO, s.minRequestInterval());
        assertTrue(s.bearerTokens().isEmpty());
        assertSame(HttpClock.system(), s.clock());
        assertEquals(s.maxRetries(), s.toBuilder().build().maxRetries());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpSettings.builder().maxRetries(-1).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpSettings.builder().maxRetries(21).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpSettings.builder().readTimeout(Duration.ofSeconds(-1)).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpSettings.builder().maxBackoff(Duration.ofMillis(100)).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpSettings.builder().userAgent("café/1").build());
        for (String notAnOrigin :
                List.of("x.org", "x.org:443", "https://x.org/path", "https://x.org/?q=1", "ftp://x.org")) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> HttpSettings.builder().bearerToken(notAnOrigin, () -> "t"),
                    notAnOrigin);
        }
        assertThrows(
                NullPointerException.class,
                () -> HttpSettings.builder().clock(null).build());
        assertEquals(
                Map.of("http://[::1]:80", "t", "https://central.example.org:443", "u", "http://localhost:8080", "v"),
                toValues(HttpSettings.builder()
                        .bearerToken("http://[::1]", () -> "t")
                        .bearerToken(" HTTPS://Central.Example.ORG ", () -> "x")
                        .bearerToken("https://central.example.org:443/", () -> "u")
                        .bearerToken("http://localhost:8080", () -> "v")
                        .build()
                        .bearerTokens()),
                "one key per origin, however it is spelt");
    }

    private static Map<String, String> toValues(Map<String, Supplier<String>> tokens) {
        Map<String, String> values = new java.util.HashMap<>();
        tokens.forEach((host, token) -> values.put(host, token.get()));
        return values;
    }

    @Test
    void requireSuccessThrowsWithStatusUrlAndExcerptWithoutSecrets() throws IOException {
        PEER.stubFor(get(urlPathEqualTo("/records/x"))
                .willReturn(status(404).withBody("No record\n  with id x" + "!".repeat(1000))));
        OkHttpClient client = clients.create(clock, b -> b);
        String url = Wire.url(PEER, "/records/x?api_key=s3cret&cursor=abc");
        Response response = client.newCall(Wire.get(url)).execute();
        HttpStatusException e = assertThrows(HttpStatusException.class, () -> HttpClients.requireSuccess(response));
        assertEquals(404, e.status());
        assertEquals("GET", e.method());
        assertEquals(Wire.url(PEER, "/records/x?api_key=REDACTED&cursor=abc"), e.url());
        assertTrue(
                e.getMessage().startsWith("HTTP 404 for GET " + e.url() + ": No record with id x!!!"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
        assertEquals(HttpClients.EXCERPT_CHARS + 1, e.bodyExcerpt().length());
        assertFalse(e.isTransient());
        assertTrue(e instanceof ChmException);
    }

    @Test
    void requireSuccessPassesSuccessThrough() throws IOException {
        PEER.stubFor(get("/ok").willReturn(ok("yes")));
        try (Response response = clients.create(clock, b -> b)
                .newCall(Wire.get(Wire.url(PEER, "/ok")))
                .execute()) {
            assertSame(response, HttpClients.requireSuccess(response));
            assertEquals("yes", response.body().string());
        }
    }

    @Test
    void truncatedBodyFailsTheReaderWithContext() throws IOException {
        PEER.stubFor(get("/dump.nt").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        try (Response response = clients.create(clock, b -> b)
                .newCall(Wire.get(Wire.url(PEER, "/dump.nt")))
                .execute()) {
            assertEquals(200, response.code());
            IOException e =
                    assertThrows(IOException.class, () -> response.body().string());
            assertTrue(
                    e.getMessage()
                            .startsWith("Reading the body of GET " + Wire.url(PEER, "/dump.nt")
                                    + " (HTTP 200) failed after "),
                    e.getMessage());
            assertTrue(e.getCause() instanceof IOException);
        }
    }

    @Test
    void garbageInsteadOfHttpFailsWithContext() {
        PEER.stubFor(get("/garbage").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        OkHttpClient client = clients.create(clock, b -> b.maxRetries(1));
        IOException e = assertThrows(IOException.class, () -> client.newCall(Wire.get(Wire.url(PEER, "/garbage")))
                .execute());
        assertTrue(e.getMessage().startsWith("GET " + Wire.url(PEER, "/garbage") + " failed"), e.getMessage());
    }

    @Test
    void logsEachAttemptAtDebugWithoutSecrets() throws IOException {
        PEER.stubFor(get(urlPathEqualTo("/changes/page")).willReturn(ok()));
        Logger logger = (Logger) LoggerFactory.getLogger(LoggingInterceptor.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            String url = Wire.url(PEER, "/changes/page?cursor=c1&access_token=s3cret");
            clients.create(clock, b -> b).newCall(Wire.get(url)).execute().close();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        assertEquals(1, appender.list.size());
        String line = appender.list.get(0).getFormattedMessage();
        assertTrue(
                line.matches("GET \\Q" + Wire.url(PEER, "/changes/page?cursor=c1&access_token=REDACTED")
                        + "\\E -> 200 \\(\\d+ ms\\)"),
                line);
    }

    @Test
    void urlsForLogsLoseCredentials() {
        assertEquals(
                "https://peer.example.org/sparql?query=SELECT%20*&key=REDACTED&Token=REDACTED&resumptionToken=r1",
                Urls.forLog(HttpUrl.get(
                        "https://user:pw@peer.example.org/sparql?query=SELECT%20*&key=k&Token=t&resumptionToken=r1")));
        assertEquals("https://peer.example.org/", Urls.forLog(HttpUrl.get("https://peer.example.org/")));
    }

    @Test
    void shutdownReleasesThePools() throws IOException {
        PEER.stubFor(get("/").willReturn(ok()));
        OkHttpClient client = HttpClients.create(HttpSettings.defaults());
        client.newCall(Wire.get(Wire.url(PEER, "/"))).execute().close();
        HttpClients.shutdown(client);
        assertTrue(client.dispatcher().executorService().isShutdown());
        assertEquals(0, client.connectionPool().connectionCount());
    }
}
