package org.chmexchange.harvest.dump;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * A WireMock server publishing RDF dumps, as a data portal would: a strong ETag per content and
 * {@code 304} to a matching {@code If-None-Match}. Its own gzip is off so the ETags stay as set.
 */
final class DumpServer implements AutoCloseable {

    static final String NAME = "national-dump";
    static final String PATH = "/exports/national.ttl";

    final WireMockServer wiremock;

    DumpServer() {
        wiremock =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().gzipDisabled(true));
        wiremock.start();
    }

    /** The source {@value #NAME} at {@code path}. */
    HarvestSource source(String path, Map<String, String> options) {
        return new HarvestSource(NAME, "rdf-dump", URI.create(wiremock.url(path)), options);
    }

    /** Serves {@code records} as Turtle at {@value #PATH}; returns the ETag. */
    String serve(Model records) {
        return serveTurtle(HarvestTesting.write(records, RDFFormat.TURTLE));
    }

    /** Serves a Turtle body at {@value #PATH} with a strong ETag; returns the ETag. */
    String serveTurtle(String turtle) {
        String etag = etag(turtle.getBytes(StandardCharsets.UTF_8));
        wiremock.resetMappings();
        wiremock.stubFor(get(urlEqualTo(PATH))
                .atPriority(1)
                .withHeader("If-None-Match", equalTo(etag))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
        wiremock.stubFor(get(urlEqualTo(PATH))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/turtle; charset=utf-8")
                        .withHeader("ETag", etag)
                        .withBody(turtle)));
        return etag;
    }

    /** Every request answers 500. */
    void failWithServerError() {
        wiremock.resetMappings();
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("out of order")));
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        wiremock.stop();
    }
}
