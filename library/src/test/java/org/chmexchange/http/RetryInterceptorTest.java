package org.chmexchange.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryInterceptorTest {

    @RegisterExtension
    static final WireMockExtension PEER = Wire.server();

    private final Wire.Clients clients = new Wire.Clients();
    private final FakeClock clock = new FakeClock();

    @AfterEach
    void shutdown() {
        clients.close();
    }

    private OkHttpClient client(int maxRetries) {
        return clients.create(clock, b -> b.maxRetries(maxRetries));
    }

    /** Stubs {@code path} to answer {@code first} once, then 200 "fine". */
    private static void failOnceThenOk(
            String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        PEER.stubFor(get(path)
                .inScenario(path)
                .whenScenarioStateIs(STARTED)
                .willReturn(first)
                .willSetStateTo("ok"));
        PEER.stubFor(get(path).inScenario(path).whenScenarioStateIs("ok").willReturn(ok("fine")));
    }

    @Test
    void serverErrorThenSuccessIsRetried() throws IOException {
        failOnceThenOk("/flaky", status(500).withBody("boom"));
        try (Response response =
                client(4).newCall(Wire.get(Wire.url(PEER, "/flaky"))).execute()) {
            assertEquals(200, response.code());
            assertEquals("fine", response.body().string());
        }
        PEER.verify(2, getRequestedFor(urlEqualTo("/flaky")));
        assertEquals(1, clock.sleeps().size());
        Duration wait = clock.sleeps().get(0);
        assertTrue(
                wait.compareTo(Duration.ofMillis(250)) >= 0 && wait.compareTo(Duration.ofMillis(500)) <= 0,
                wait::toString);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterSeconds() throws IOException {
        failOnceThenOk("/busy", status(429).withHeader("Retry-After", "1"));
        try (Response response =
                client(4).newCall(Wire.get(Wire.url(PEER, "/busy"))).execute()) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofSeconds(1)), clock.sleeps());
    }

    @Test
    void unavailableWaitsUntilRetryAfterDate() throws IOException {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                FakeClock.START.plusSeconds(7).atOffset(ZoneOffset.UTC));
        failOnceThenOk("/maintenance", status(503).withHeader("Retry-After", date));
        try (Response response =
                client(4).newCall(Wire.get(Wire.url(PEER, "/maintenance"))).execute()) {
            assertEquals(200, response.code());
        }
        assertEquals(List.of(Duration.ofSeconds(7)), clock.sleeps());
    }

    @Test
    void retryAfterBeyondTheCapIsNotWaitedFor() throws IOException {
        PEER.stubFor(get("/away").willReturn(status(503).withHeader("Retry-After", "3600")));
        OkHttpClient client = clients.create(clock, b -> b.maxRetryAfter(Duration.ofSeconds(120)));
        try (Response response =
                client.newCall(Wire.get(Wire.url(PEER, "/away"))).execute()) {
            assertEquals(503, response.code());
        }
        PEER.verify(1, getRequestedFor(urlEqualTo("/away")));
        assertTrue(clock.sleeps().isEmpty());
    }

    @Test
    void exhaustedRetriesReturnTheLastResponse() throws IOException {
        PEER.stubFor(get("/down").willReturn(status(502).withBody("bad gateway")));
        try (Response response =
                client(4).newCall(Wire.get(Wire.url(PEER, "/down"))).execute()) {
            assertEquals(502, response.code());
            HttpStatusException e = assertThrows(HttpStatusException.class, () -> HttpClients.requireSuccess(response));
            assertEquals("HTTP 502 for GET " + Wire.url(PEER, "/down") + ": bad gateway", e.getMessage());
            assertTrue(e.isTransient());
        }
        PEER.verify(5, getRequestedFor(urlEqualTo("/down")));
        List<Duration> sleeps = clock.sleeps();
        assertEquals(4, sleeps.size());
        for (int i = 0; i < 4; i++) {
            Duration nominal = Duration.ofMillis(500L << i);
            Duration wait = sleeps.get(i);
            assertTrue(
                    wait.compareTo(nominal.dividedBy(2)) >= 0 && wait.compareTo(nominal) <= 0,
                    "retry " + (i + 1) + " waited " + wait);
        }
    }

    @Test
    void connectionResetIsRetried() throws IOException {
        failOnceThenOk("/reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        try (Response response =
                client(4).newCall(Wire.get(Wire.url(PEER, "/reset"))).execute()) {
            assertEquals("fine", response.body().string());
        }
        assertEquals(1, clock.sleeps().size());
    }

    @Test
    void connectionResetEveryTimeFailsWithContext() {
        PEER.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        IOException e = assertThrows(
                IOException.class,
                () -> client(2).newCall(Wire.get(Wire.url(PEER, "/reset"))).execute());
        assertTrue(
                e.getMessage().startsWith("GET " + Wire.url(PEER, "/reset") + " failed after 3 attempts: "),
                e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals(2, clock.sleeps().size());
        assertEquals(1, e.getCause().getSuppressed().length, "earlier failures are attached");
    }

    @Test
    void slowResponseTimesOutIsRetriedThenFails() {
        PEER.stubFor(get("/slow").willReturn(ok("late").withFixedDelay(600)));
        OkHttpClient client = clients.create(clock, b -> b.maxRetries(1).readTimeout(Duration.ofMillis(250)));
        IOException e = assertThrows(IOException.class, () -> client.newCall(Wire.get(Wire.url(PEER, "/slow")))
                .execute());
        assertInstanceOf(SocketTimeoutException.class, e, "a timeout stays a timeout");
        assertTrue(
                e.getMessage().startsWith("GET " + Wire.url(PEER, "/slow") + " failed after 2 attempts: "),
                e.getMessage());
        // OkHttp reports either the socket's "Read timed out" or Okio's "timeout", depending on where the read waits
        assertTrue(e.getMessage().matches(".*: SocketTimeoutException: (Read timed out|timeout)"), e.getMessage());
        PEER.verify(2, getRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void postIsNotRetried() throws IOException {
        PEER.stubFor(post("/records").willReturn(status(503)));
        Request request = new Request.Builder()
                .url(Wire.url(PEER, "/records"))
                .post(RequestBody.create("<a> <b> <c> .", MediaType.get("text/turtle")))
                .build();
        try (Response response = client(4).newCall(request).execute()) {
            assertEquals(503, response.code());
        }
        PEER.verify(1, postRequestedFor(urlEqualTo("/records")));
        assertTrue(clock.sleeps().isEmpty());
    }

    @Test
    void postFailingOnTheWireSaysItWasNotRetried() {
        PEER.stubFor(post("/records").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Request request = new Request.Builder()
                .url(Wire.url(PEER, "/records"))
                .post(RequestBody.create("<a> <b> <c> .", MediaType.get("text/turtle")))
                .build();
        IOException e =
                assertThrows(IOException.class, () -> client(4).newCall(request).execute());
        assertTrue(e.getMessage().contains("(not retried: not idempotent)"), e.getMessage());
        assertTrue(clock.sleeps().isEmpty());
    }

    @Test
    void postTaggedIdempotentIsRetriedWithItsBody() throws IOException {
        PEER.stubFor(post("/records")
                .inScenario("p")
                .whenScenarioStateIs(STARTED)
                .willReturn(status(500))
                .willSetStateTo("ok"));
        PEER.stubFor(post("/records").inScenario("p").whenScenarioStateIs("ok").willReturn(ok()));
        Request request = Idempotent.mark(new Request.Builder()
                        .url(Wire.url(PEER, "/records"))
                        .post(RequestBody.create("<a> <b> <c> .", MediaType.get("text/turtle"))))
                .build();
        try (Response response = client(4).newCall(request).execute()) {
            assertEquals(200, response.code());
        }
        PEER.verify(2, postRequestedFor(urlEqualTo("/records")).withRequestBody(equalTo("<a> <b> <c> .")));
    }

    @Test
    void putIsRetried() throws IOException {
        PEER.stubFor(put("/records/x")
                .inScenario("u")
                .whenScenarioStateIs(STARTED)
                .willReturn(status(504))
                .willSetStateTo("ok"));
        PEER.stubFor(put("/records/x").inScenario("u").whenScenarioStateIs("ok").willReturn(status(201)));
        Request request = new Request.Builder()
                .url(Wire.url(PEER, "/records/x"))
                .put(RequestBody.create("<a> <b> <c> .", MediaType.get("text/turtle")))
                .build();
        try (Response response = client(4).newCall(request).execute()) {
            assertEquals(201, response.code());
        }
        PEER.verify(2, putRequestedFor(urlEqualTo("/records/x")));
    }

    @Test
    void clientErrorsAreNotRetried() throws IOException {
        PEER.stubFor(get("/missing").willReturn(status(404)));
        try (Response response =
                client(4).newCall(Wire.get(Wire.url(PEER, "/missing"))).execute()) {
            assertEquals(404, response.code());
        }
        PEER.verify(1, getRequestedFor(urlEqualTo("/missing")));
    }

    @Test
    void noRetriesWhenDisabled() throws IOException {
        PEER.stubFor(get("/down").willReturn(status(503)));
        try (Response response =
                client(0).newCall(Wire.get(Wire.url(PEER, "/down"))).execute()) {
            assertEquals(503, response.code());
        }
        PEER.verify(1, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryInterceptor retry = new RetryInterceptor(HttpSettings.builder()
                .baseBackoff(Duration.ofMillis(500))
                .maxBackoff(Duration.ofSeconds(30))
                .build());
        assertEquals(Duration.ofMillis(500), retry.nominalBackoff(1));
        assertEquals(Duration.ofSeconds(1), retry.nominalBackoff(2));
        assertEquals(Duration.ofSeconds(16), retry.nominalBackoff(6));
        assertEquals(Duration.ofSeconds(30), retry.nominalBackoff(7));
        assertEquals(Duration.ofSeconds(30), retry.nominalBackoff(100));
        for (int i = 0; i < 100; i++) {
            Duration d = retry.backoff(3);
            assertTrue(d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(Duration.ofSeconds(2)) <= 0, d::toString);
        }
    }

    @Test
    void retryAfterForms() {
        assertEquals(Duration.ofSeconds(1), retryAfter("1").orElseThrow());
        assertEquals(Duration.ZERO, retryAfter("0").orElseThrow());
        assertEquals(
                Duration.ofSeconds(90),
                retryAfter("Sat, 21 Nov 2026 07:01:30 GMT").orElseThrow());
        assertEquals(
                Duration.ofSeconds(90),
                retryAfter("Saturday, 21-Nov-26 07:01:30 GMT").orElseThrow());
        assertEquals(Duration.ZERO, retryAfter("Sat, 21 Nov 2026 06:00:00 GMT").orElseThrow(), "past date");
        assertTrue(retryAfter("99999999999999999999999").orElseThrow().toSeconds() > 120);
        assertFalse(retryAfter("soon").isPresent());
        assertFalse(retryAfter("-5").isPresent());
    }

    private static java.util.Optional<Duration> retryAfter(String value) {
        Response response = new Response.Builder()
                .request(Wire.get("http://peer.example.org/"))
                .protocol(okhttp3.Protocol.HTTP_1_1)
                .code(503)
                .message("Service Unavailable")
                .header("Retry-After", value)
                .build();
        return RetryInterceptor.retryAfter(response, FakeClock.START);
    }
}
