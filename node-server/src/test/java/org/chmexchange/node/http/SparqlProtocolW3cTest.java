package org.chmexchange.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordReader;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.RDFCollections;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W3C SPARQL 1.1 Protocol test suite (w3c/rdf-tests, {@code sparql/sparql11/protocol}; copied
 * with its licence notice under {@code src/test/resources/w3c/sparql11-protocol/}) against the node's
 * {@code /sparql}, read from its manifest: each test's requests (method, path, headers, body in its
 * stated encoding) are sent as written, {@code /sparql/} mapped to the node's endpoint, after its
 * {@code ut:graphData} is loaded into the store as the named graphs the manifest names; the status
 * class, the format and the boolean answer are checked as the manifest says.
 *
 * <p>Every query test and every {@code bad_query} test must pass as written. The update tests
 * ({@code update_*}, {@code bad_update_*}) are run too, but this endpoint has no update operation
 * (issue 10: read-only), so the update request of each must get a 4xx problem document instead of
 * what an update service answers (the requests after it check the update's effects, and are not sent).
 */
class SparqlProtocolW3cTest {

    private static final String FOLDER = "/w3c/sparql11-protocol/";
    private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final String HT = "http://www.w3.org/2011/http#";
    private static final String CNT = "http://www.w3.org/2011/content#";
    private static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    private static final String HTS = "http://www.w3.org/2011/http-statusCodes#";
    private static final String BASE = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/";

    @TempDir
    static Path dataDir;

    private static ChmNodeServer node;
    private static Model manifest;

    @BeforeAll
    static void start() throws IOException {
        manifest = parse("manifest.ttl", RDFFormat.TURTLE);
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, false));
        for (Resource data : manifest.filter(null, Values.iri(UT, "graphData"), null).objects().stream()
                .map(Resource.class::cast)
                .toList()) {
            IRI file = (IRI) one(data, Values.iri(UT, "graph"));
            IRI graph = Values.iri(one(data, RDFS.LABEL).stringValue());
            String name = file.stringValue().substring(file.stringValue().lastIndexOf('/') + 1);
            node.store().replaceGraphIfChanged(graph, parse(name, RDFFormat.NTRIPLES));
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static Stream<String> tests() {
        Resource list = (Resource) one(
                Models.subject(manifest.filter(null, RDF.TYPE, Values.iri(MF, "Manifest")))
                        .orElseThrow(),
                Values.iri(MF, "entries"));
        List<String> names = new ArrayList<>();
        for (Value test : RDFCollections.asValues(manifest, list, new ArrayList<>())) {
            names.add(test.stringValue().substring(test.stringValue().indexOf('#') + 1));
        }
        assertEquals(34, names.size(), "the suite's 34 tests");
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tests")
    void protocolTest(String name) {
        IRI test = Values.iri(BASE + "manifest#" + name);
        boolean update = name.startsWith("update_") || name.startsWith("bad_update");
        Resource action = (Resource) one(test, Values.iri(MF, "action"));
        Resource requests = (Resource) one(action, Values.iri(HT, "requests"));
        for (Value request : RDFCollections.asValues(manifest, requests, new ArrayList<>())) {
            Resource r = (Resource) request;
            Reply reply = send(r);
            Resource response = (Resource) one(r, Values.iri(HT, "resp"));
            if (update) {
                // The update is refused; the requests after it check its effects, which there are none of.
                assertEquals(4, reply.status() / 100, name + " (read-only endpoint): " + reply.body());
                RecordApiTest.assertProblem(reply, reply.status());
                return;
            }
            List<String> classes = manifest.filter(response, Values.iri(MF, "expectedStatus"), null).objects().stream()
                    .map(v -> v.stringValue().substring(HTS.length()))
                    .toList();
            assertTrue(
                    classes.contains("StatusCode" + reply.status() / 100 + "xx"),
                    name + ": status " + reply.status() + ", expected " + classes + ": " + reply.body());
            optional(response, Values.iri(MF, "expectedFormat"))
                    .ifPresent(format -> checkFormat(name, format.stringValue(), reply));
            optional(response, Values.iri(MF, "expectedBoolean"))
                    .ifPresent(expected ->
                            assertEquals(((Literal) expected).booleanValue(), bool(reply), name + ": " + reply.body()));
        }
    }

    private static Reply send(Resource request) {
        String method = one(request, Values.iri(HT, "methodName")).stringValue();
        String path = one(request, Values.iri(HT, "absolutePath")).stringValue();
        assertTrue(path.startsWith("/sparql/"), path);
        String url = node.baseIri() + "sparql" + path.substring("/sparql/".length());
        Headers.Builder headers = new Headers.Builder();
        String contentType = null;
        Optional<Value> list = optional(request, Values.iri(HT, "headers"));
        if (list.isPresent()) {
            for (Value h : RDFCollections.asValues(manifest, (Resource) list.get(), new ArrayList<>())) {
                String field = one((Resource) h, Values.iri(HT, "fieldName")).stringValue();
                String value = one((Resource) h, Values.iri(HT, "fieldValue")).stringValue();
                if (field.equalsIgnoreCase("content-type")) {
                    contentType = value;
                } else {
                    headers.add(field, value);
                }
            }
        }
        RequestBody body = null;
        Optional<Value> content = optional(request, Values.iri(HT, "body"));
        if (content.isPresent()) {
            Resource c = (Resource) content.get();
            String chars = one(c, Values.iri(CNT, "chars")).stringValue();
            Charset charset =
                    Charset.forName(one(c, Values.iri(CNT, "characterEncoding")).stringValue());
            body = RequestBody.create(
                    chars.getBytes(charset), contentType == null ? null : okhttp3.MediaType.get(contentType));
        } else if (!method.equals("GET")) {
            body = RequestBody.create(new byte[0], null);
        }
        return NodeFixture.call(new Request.Builder()
                .url(url)
                .headers(headers.build())
                .method(method, body)
                .build());
    }

    private static void checkFormat(String name, String format, Reply reply) {
        String type = reply.contentType();
        assertNotNull(type, name);
        switch (format) {
            case "boolean" -> assertTrue(
                    type.startsWith("application/sparql-results+json")
                            || type.startsWith("application/sparql-results+xml"),
                    name + ": " + type);
            case "tabular" -> assertTrue(
                    type.startsWith("application/sparql-results+")
                            || type.startsWith("text/csv")
                            || type.startsWith("text/tab-separated-values"),
                    name + ": " + type);
            case "RDF" -> {
                RecordFormat rdf = RecordFormat.negotiate(type.split(";")[0])
                        .orElseThrow(() -> new AssertionError(name + ": not RDF: " + type));
                RecordReader.read(reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), rdf, node.baseIri());
            }
            default -> throw new AssertionError(name + ": unknown expected format " + format);
        }
    }

    private static boolean bool(Reply reply) {
        JsonNode json = reply.json();
        assertTrue(json.has("boolean"), reply.body());
        return json.get("boolean").asBoolean();
    }

    private static Value one(Resource subject, IRI predicate) {
        return optional(subject, predicate)
                .orElseThrow(() -> new AssertionError("The manifest has no " + predicate + " for " + subject));
    }

    private static Optional<Value> optional(Resource subject, IRI predicate) {
        return Models.object(manifest.filter(subject, predicate, null));
    }

    private static Model parse(String file, RDFFormat format) throws IOException {
        try (InputStream in = SparqlProtocolW3cTest.class.getResourceAsStream(FOLDER + file)) {
            assertNotNull(in, FOLDER + file);
            return Rio.parse(in, BASE + file, format);
        }
    }
}
