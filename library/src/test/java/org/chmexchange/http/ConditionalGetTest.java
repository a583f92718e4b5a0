package org.chmexchange.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConditionalGetTest {

    private static final String ETAG = "\"v1\"";
    private static final String LAST_MODIFIED = "Sat, 21 Nov 2026 06:00:00 GMT";

    /** Without gzip: Jetty's gzip handler would append "--gzip" to the ETag. */
    @RegisterExtension
    static final WireMockExtension PEER = Wire.serverWithoutGzip();

    private final Wire.Clients clients = new Wire.Clients();

    @AfterEach
    void shutdown() {
        clients.close();
    }

    @Test
    void secondRequestIsConditionalAndSees304() throws IOException {
        PEER.stubFor(get("/dump.nt")
                .atPriority(1)
                .withHeader("If-None-Match", equalTo(ETAG))
                .willReturn(status(304).withHeader("ETag", ETAG)));
        PEER.stubFor(get("/dump.nt")
                .atPriority(2)
                .willReturn(ok("<a> <b> <c> .").withHeader("ETag", ETAG).withHeader("Last-Modified", LAST_MODIFIED)));
        OkHttpClient client = clients.create(new FakeClock(), b -> b);
        String url = Wire.url(PEER, "/dump.nt");

        Validators stored;
        try (Response first = client.newCall(
                        Validators.NONE.applyTo(new Request.Builder().url(url)).build())
                .execute()) {
            assertFalse(Validators.notModified(first));
            HttpClients.requireSuccess(first);
            assertEquals("<a> <b> <c> .", first.body().string());
            stored = Validators.NONE.updatedBy(first);
        }
        assertEquals(new Validators(ETAG, LAST_MODIFIED), stored);
        PEER.verify(getRequestedFor(urlEqualTo("/dump.nt")).withHeader("If-None-Match", absent()));

        try (Response second = client.newCall(
                        stored.applyTo(new Request.Builder().url(url)).build())
                .execute()) {
            assertTrue(Validators.notModified(second));
            assertEquals("", second.body().string());
            assertEquals(stored, stored.updatedBy(second), "a 304 keeps what it does not repeat");
            assertThrows(HttpStatusException.class, () -> HttpClients.requireSuccess(second));
        }
        PEER.verify(getRequestedFor(urlEqualTo("/dump.nt"))
                .withHeader("If-None-Match", equalTo(ETAG))
                .withHeader("If-Modified-Since", equalTo(LAST_MODIFIED)));
        PEER.verify(2, getRequestedFor(urlEqualTo("/dump.nt")));
    }

    @Test
    void onlyGetAndHeadBecomeConditional() throws IOException {
        PEER.stubFor(post("/records").willReturn(ok()));
        OkHttpClient client = clients.create(new FakeClock(), b -> b);
        Request request = new Validators(ETAG, null)
                .applyTo(new Request.Builder()
                        .url(Wire.url(PEER, "/records"))
                        .post(RequestBody.create("x", MediaType.get("text/plain"))))
                .build();
        client.newCall(request).execute().close();
        PEER.verify(postRequestedFor(urlEqualTo("/records")).withHeader("If-None-Match", absent()));
    }

    @Test
    void validatorsValues() {
        assertTrue(Validators.NONE.isEmpty());
        assertFalse(new Validators(null, LAST_MODIFIED).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Validators(" ", null));
        Validators old = new Validators("\"v1\"", LAST_MODIFIED);
        Response changed = new Response.Builder()
                .request(Wire.get("http://peer.example.org/dump"))
                .protocol(okhttp3.Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .header("ETag", "W/\"v2\"")
                .build();
        assertEquals(new Validators("W/\"v2\"", LAST_MODIFIED), old.updatedBy(changed));
    }
}
