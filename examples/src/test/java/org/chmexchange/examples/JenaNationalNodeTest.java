package org.chmexchange.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.chmexchange.model.RecordType;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link JenaNationalNode} against a dump of the sample data served over HTTP (the JDK's
 * server, on a free port): the Jena-built NBSAP validates and maps, every sample record is harvested
 * into TDB2, ARQ counts the decisions per treaty as the sample data has them, and the French label
 * falls back as the thesaurus says.
 */
class JenaNationalNodeTest {

    @TempDir
    static Path folder;

    static HttpServer server;
    static Model sample;
    static JenaNationalNode.Result result;
    static String printed;

    @BeforeAll
    static void runExample() throws IOException {
        sample = Vocabularies.sampleData(JenaNationalNode.BASE);
        ByteArrayOutputStream nt = new ByteArrayOutputStream();
        Rio.write(sample, nt, RDFFormat.NTRIPLES);
        byte[] body = nt.toByteArray();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dump.nt", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/n-triples");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Outputs out = new Outputs();
        result = JenaNationalNode.run(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dump.nt"), folder, out.stream());
        printed = out.printed();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void theNbsapBuiltWithJenaValidatesAndMaps() {
        assertTrue(result.report().conforms(), result.report().toString());
        assertTrue(printed.startsWith("valid\n"), printed);
        assertEquals(
                RecordType.NATIONAL_REPORT.mint(JenaNationalNode.BASE, "sn-nbsap-2025-2030"),
                result.nbsap().iri());
    }

    @Test
    void theDumpIsHarvestedIntoTdb2AndArqCountsItsDecisions() {
        long records = new org.chmexchange.admission.RecordSplitter()
                .addAll(sample)
                .batch()
                .records()
                .size();
        assertEquals(records, result.harvested(), printed);
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        for (org.eclipse.rdf4j.model.Resource d : sample.filter(
                        null, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, org.chmexchange.vocab.CHM.Decision)
                .subjects()) {
            for (org.eclipse.rdf4j.model.Value t :
                    sample.filter(d, org.chmexchange.vocab.CHM.treaty, null).objects()) {
                expected.merge(t.stringValue(), 1, Integer::sum);
            }
        }
        assertEquals(expected, new java.util.HashMap<>(result.decisionsPerTreaty()));
        assertTrue(
                result.decisionsPerTreaty()
                        .containsKey(ChmThesaurus.treaty("cbd").stringValue()),
                printed);
    }

    @Test
    void theThesaurusGivesALabelWithItsFallback() {
        assertTrue(!result.frenchLabel().isBlank(), printed);
        assertTrue(printed.contains("GBF-TARGET-03 (fr, with fallback): " + result.frenchLabel()), printed);
    }
}
