package org.chmexchange.node.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import okhttp3.Request;
import okhttp3.Response;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10, part 4: a third, independent parser, Raptor's {@code rapper} (Debian raptor2-utils,
 * installed by {@code src/test/interop/install.sh}), reads the dumps, the VoID description and the
 * DCAT catalogue of a real node without an error and counts as many statements as RDF4J's Rio
 * (DumpApiTest has Rio and Jena RIOT on the same documents).
 */
class RapperIT {

    @TempDir
    static Path dir;

    private static ChmNodeServer node;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(0, dir.resolve("node"), null, true));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "dumps/records.nq.gz, , nquads",
        "dumps/records.ttl.gz, , turtle",
        ".well-known/void, text/turtle, turtle",
        ".well-known/void, application/rdf+xml, rdfxml",
        "catalog, text/turtle, turtle",
        "catalog, application/n-triples, ntriples",
        "ns, application/rdf+xml, rdfxml",
        "thesaurus, text/turtle, turtle"
    })
    void rapperReadsWhatRioReads(String path, String accept, String syntax) throws Exception {
        Request.Builder request = new Request.Builder().url(node.baseIri() + path);
        if (accept != null) {
            request.header("Accept", accept);
        }
        byte[] body;
        try (Response response = NodeFixture.HTTP.newCall(request.build()).execute()) {
            assertEquals(200, response.code(), path);
            body = response.body().bytes();
        }
        if (path.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        Path file = dir.resolve(path.replaceAll("[^a-z0-9.]", "_") + "." + syntax);
        Files.write(file, body);
        RDFFormat format =
                switch (syntax) {
                    case "nquads" -> RDFFormat.NQUADS;
                    case "rdfxml" -> RDFFormat.RDFXML;
                    case "ntriples" -> RDFFormat.NTRIPLES;
                    default -> RDFFormat.TURTLE;
                };
        Model rio;
        try (InputStream in = Files.newInputStream(file)) {
            rio = Rio.parse(in, node.baseIri(), format);
        }
        assertTrue(rio.size() > 0, path);
        Process p = new ProcessBuilder(
                        List.of("rapper", "-q", "-i", syntax, "-o", "nquads", file.toString(), node.baseIri()))
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), "rapper failed on " + path + ": " + errors);
        assertTrue(errors.isBlank(), "rapper warned on " + path + ": " + errors);
        long lines = new String(out, StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .count();
        assertEquals(rio.size(), lines, "rapper and Rio count the same statements in " + path);
    }
}
