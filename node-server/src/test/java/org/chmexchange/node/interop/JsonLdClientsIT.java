package org.chmexchange.node.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.rdf.JsonLdContext;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordReader;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, part 1: three independent JSON-LD processors, each with its default document loader
 * and no help, read every JSON-LD answer of a real node (every sample record, the record list, the
 * change feed, every thesaurus view, the ontology, the shapes and the whole thesaurus) to the graph
 * the node means: jsonld.js (the reference
 * implementation, in safe mode, so a key that expands to nothing fails), PyLD and rdflib, installed
 * by {@code src/test/interop/install.sh} (Maven runs it before the integration tests).
 *
 * <p>The graph each client gives must be isomorphic to the node's Turtle of the same resource
 * (records and concepts) or to the graph RDF4J reads from the same JSON-LD (lists and views, which
 * have no Turtle). Typed values are compared by value: rdflib writes {@code 2026-12-02T06:43:54.149Z}
 * as {@code 2026-12-02T06:43:54.149000+00:00}.
 */
class JsonLdClientsIT {

    private static final Path CLIENTS = Path.of("target", "interop");
    private static final List<String> CLIENT_NAMES = List.of("jsonld-js", "pyld", "rdflib");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path out;

    private static ChmNodeServer node;
    private static String root;

    @BeforeAll
    static void start() {
        assertTrue(
                Files.isDirectory(CLIENTS.resolve("node_modules/jsonld")),
                "jsonld.js is not installed: run bash node-server/src/test/interop/install.sh (Maven runs it in"
                        + " pre-integration-test)");
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true));
        root = node.baseIri();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyJsonLdAnswerReadsAsTheNodeMeansItInThreeClients() throws Exception {
        List<String> urls = new ArrayList<>();
        for (String next = root + "records?limit=50"; next != null; ) {
            JsonNode page = NodeFixture.get(next, null).json();
            page.get("items").forEach(item -> urls.add(item.get("id").asText()));
            next = page.has("next") ? page.get("next").asText() : null;
        }
        int records = urls.size();
        assertEquals(
                Vocabularies.sampleData(root).filter(null, RDF.TYPE, null).subjects().stream()
                        .filter(s -> s.stringValue().startsWith(root + "records/")
                                && !s.stringValue().contains("#"))
                        .count(),
                records,
                "every sample record is listed");
        List<String> documents = List.of("ns", "ns/shapes", "thesaurus", "catalog", ".well-known/void");
        documents.forEach(d -> urls.add(root + d));
        List<String> views = List.of(
                "records?limit=3",
                "records?type=decision&limit=2",
                "changes",
                "changes/page?limit=5",
                "changes/1",
                "thesaurus/search?q=fran&lang=fr",
                "thesaurus/search?q=GBF-TARGET-03&lang=de",
                "thesaurus/schemes",
                "thesaurus/top?scheme=aichi-goals",
                "thesaurus/top?scheme=countries&lang=zh",
                "thesaurus/concept?iri=GBF-TARGET-03",
                "thesaurus/concept?iri=AICHI-GOAL-A",
                "thesaurus/concept?iri=fr",
                "thesaurus/narrower?iri=AICHI-GOAL-A&transitive=true",
                "thesaurus/broader?iri=AICHI-TARGET-01");
        views.forEach(v -> urls.add(root + v));

        run(List.of("node", CLIENTS.resolve("jsonld-js.js").toString(), out.toString()), urls);
        run(List.of("/usr/bin/python3", CLIENTS.resolve("python-clients.py").toString(), out.toString()), urls);

        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            boolean turtle = i < records + documents.size() || url.contains("thesaurus/concept");
            Model expected = turtle ? turtleOf(url) : rdf4jReadOf(url);
            assertFalse(expected.isEmpty(), url);
            for (String client : CLIENT_NAMES) {
                Model actual = byValue(Rio.parse(
                        new StringReader(Files.readString(out.resolve(i + "." + client + ".nq"))),
                        "",
                        RDFFormat.NQUADS));
                assertTrue(
                        Models.isomorphic(byValue(expected), actual),
                        client + " read " + url + " as\n" + actual + "\nnot as\n" + expected);
            }
        }
        Model feed = feedAsNQuads();
        Model page = rdf4jReadOf(root + "changes/page?limit=5");
        for (Statement st : feed) {
            assertTrue(
                    page.contains(st.getSubject(), st.getPredicate(), st.getObject()),
                    "the JSON feed page says what its N-Quads say: " + st);
        }
    }

    /** Runs a client on every URL; it exits 0 only if it read them all. */
    private static void run(List<String> command, List<String> urls) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(command);
        all.addAll(urls);
        Path log = Files.createTempFile(out, "client", ".log");
        Process p = new ProcessBuilder(all)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), command + " did not finish");
        assertEquals(0, p.exitValue(), command.get(1) + " failed:\n" + Files.readString(log));
    }

    private static Model turtleOf(String url) {
        Reply r = NodeFixture.get(url, "text/turtle");
        assertEquals(200, r.status(), url);
        return RecordReader.read(r.body().getBytes(StandardCharsets.UTF_8), RecordFormat.TURTLE, url);
    }

    private static Model rdf4jReadOf(String url) {
        Reply r = NodeFixture.get(url, "application/ld+json");
        assertEquals(200, r.status(), url);
        return RecordReader.read(
                r.body().getBytes(StandardCharsets.UTF_8),
                RecordFormat.JSONLD,
                url,
                JsonLdContext.servedAt(root + "ns/context.jsonld"));
    }

    /** The feed triples of the N-Quads form of the same page (its graph {@code urn:chm-exchange:changes}). */
    private static Model feedAsNQuads() {
        Reply r = NodeFixture.get(root + "changes/page?limit=5", "application/n-quads");
        assertEquals(200, r.status());
        Model all = RecordReader.read(r.body().getBytes(StandardCharsets.UTF_8), RecordFormat.NQUADS, root);
        Model feed = all.filter(null, null, null, Values.iri("urn:chm-exchange:changes"));
        assertFalse(feed.isEmpty());
        return feed;
    }

    /** The same statements without graph names, date-times and integers in one lexical form per value. */
    private static Model byValue(Model model) {
        Model m = new LinkedHashModel();
        for (Statement st : model) {
            m.add(st.getSubject(), st.getPredicate(), byValue(st.getObject()));
        }
        return m;
    }

    private static Value byValue(Value value) {
        if (value instanceof Literal l) {
            IRI type = l.getDatatype();
            if (type.equals(XSD.DATETIME)) {
                return Values.literal(
                        Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(l.getLabel()))
                                .toString(),
                        XSD.DATETIME);
            }
            if (type.equals(XSD.INTEGER) || type.equals(XSD.NON_NEGATIVE_INTEGER)) {
                return Values.literal(new BigInteger(l.getLabel()).toString(), type);
            }
        }
        return value;
    }
}
