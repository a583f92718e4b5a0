package org.chmexchange.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** User agent and bearer tokens, including what OkHttp does with a token on a redirect. */
class HeaderInterceptorsTest {

    /** Reached as {@code localhost}: the host that has a token. */
    @RegisterExtension
    static final WireMockExtension CENTRAL = Wire.server();

    /** Reached as {@code 127.0.0.1}: another host as far as URLs go. */
    @RegisterExtension
    static final WireMockExtension OTHER = Wire.server();

    private final Wire.Clients clients = new Wire.Clients();
    private final FakeClock clock = new FakeClock();

    @AfterEach
    void shutdown() {
        clients.close();
    }

    private static String central(String path) {
        return "http://localhost:" + CENTRAL.getPort() + path;
    }

    private OkHttpClient clientWithCentralToken() {
        return clients.create(
                clock, b -> b.bearerToken("http://LOCALHOST:" + CENTRAL.getPort(), () -> "central-secret"));
    }

    private static void fetch(OkHttpClient client, String url) throws IOException {
        try (Response response = client.newCall(Wire.get(url)).execute()) {
            HttpClients.requireSuccess(response);
        }
    }

    @Test
    void userAgentNamesTheProject() throws IOException {
        OTHER.stubFor(get("/").willReturn(ok()));
        fetch(clients.create(clock, b -> b), Wire.url(OTHER, "/"));
        OTHER.verify(getRequestedFor(urlEqualTo("/"))
                .withHeader("User-Agent", equalTo(HttpSettings.DEFAULT_USER_AGENT))
                .withHeader("User-Agent", matching("chm-exchange/\\S+ \\(\\+https://w3id\\.org/chm-exchange\\)")));
    }

    @Test
    void userAgentCanBeConfiguredAndACallersOwnIsKept() throws IOException {
        OTHER.stubFor(get("/").willReturn(ok()));
        OkHttpClient client = clients.create(clock, b -> b.userAgent("portal/2.0"));
        fetch(client, Wire.url(OTHER, "/"));
        OTHER.verify(getRequestedFor(urlEqualTo("/")).withHeader("User-Agent", equalTo("portal/2.0")));
        Request own = new Request.Builder()
                .url(Wire.url(OTHER, "/"))
                .header("User-Agent", "probe/1")
                .build();
        client.newCall(own).execute().close();
        OTHER.verify(getRequestedFor(urlEqualTo("/")).withHeader("User-Agent", equalTo("probe/1")));
    }

    @Test
    void tokenGoesToItsHostOnly() throws IOException {
        CENTRAL.stubFor(get("/changes").willReturn(ok()));
        OTHER.stubFor(get("/changes").willReturn(ok()));
        OkHttpClient client = clientWithCentralToken();
        fetch(client, central("/changes"));
        fetch(client, Wire.url(OTHER, "/changes"));
        CENTRAL.verify(
                getRequestedFor(urlEqualTo("/changes")).withHeader("Authorization", equalTo("Bearer central-secret")));
        OTHER.verify(getRequestedFor(urlEqualTo("/changes")).withHeader("Authorization", absent()));
    }

    @Test
    void redirectToAnotherHostDropsTheToken() throws IOException {
        CENTRAL.stubFor(get("/dump").willReturn(temporaryRedirect(Wire.url(OTHER, "/mirror/dump"))));
        OTHER.stubFor(get("/mirror/dump").willReturn(ok("data")));
        fetch(clientWithCentralToken(), central("/dump"));
        CENTRAL.verify(
                getRequestedFor(urlEqualTo("/dump")).withHeader("Authorization", equalTo("Bearer central-secret")));
        OTHER.verify(1, getRequestedFor(urlEqualTo("/mirror/dump")));
        OTHER.verify(getRequestedFor(urlEqualTo("/mirror/dump")).withHeader("Authorization", absent()));
    }

    @Test
    void redirectWithinTheHostKeepsTheToken() throws IOException {
        CENTRAL.stubFor(get("/old").willReturn(temporaryRedirect("/new")));
        CENTRAL.stubFor(get("/new").willReturn(ok()));
        fetch(clientWithCentralToken(), central("/old"));
        CENTRAL.verify(
                getRequestedFor(urlEqualTo("/new")).withHeader("Authorization", equalTo("Bearer central-secret")));
    }

    @Test
    void redirectToAHostWithItsOwnTokenSendsThatToken() throws IOException {
        CENTRAL.stubFor(get("/dump").willReturn(temporaryRedirect(Wire.url(OTHER, "/mirror/dump"))));
        OTHER.stubFor(get("/mirror/dump").willReturn(ok()));
        OkHttpClient client = clients.create(
                clock, b -> b.bearerToken("http://localhost:" + CENTRAL.getPort(), () -> "central-secret")
                        .bearerToken("http://127.0.0.1:" + OTHER.getPort(), () -> "mirror-secret"));
        fetch(client, central("/dump"));
        OTHER.verify(getRequestedFor(urlEqualTo("/mirror/dump"))
                .withHeader("Authorization", equalTo("Bearer mirror-secret")));
    }

    @Test
    void tokenSupplierIsAskedPerRequestAndMayHaveNone() throws IOException {
        CENTRAL.stubFor(get("/a").willReturn(ok()));
        AtomicInteger asked = new AtomicInteger();
        OkHttpClient client = clients.create(
                clock,
                b -> b.bearerToken("http://localhost:" + CENTRAL.getPort(), () -> {
                    asked.incrementAndGet();
                    return null;
                }));
        fetch(client, central("/a"));
        fetch(client, central("/a"));
        assertEquals(2, asked.get());
        CENTRAL.verify(2, getRequestedFor(urlEqualTo("/a")).withHeader("Authorization", absent()));
    }

    @Test
    void aRedirectToAnotherPortOfTheSameHostGetsNoToken() throws IOException {
        // OTHER listens on another port; reached as localhost it is the same host, another origin.
        String otherPortSameHost = "http://localhost:" + OTHER.getPort() + "/elsewhere";
        CENTRAL.stubFor(get("/moved").willReturn(temporaryRedirect(otherPortSameHost)));
        OTHER.stubFor(get("/elsewhere").willReturn(ok()));
        fetch(clientWithCentralToken(), central("/moved"));
        OTHER.verify(getRequestedFor(urlEqualTo("/elsewhere")).withHeader("Authorization", absent()));
        CENTRAL.verify(
                getRequestedFor(urlEqualTo("/moved")).withHeader("Authorization", equalTo("Bearer central-secret")));
    }
}
