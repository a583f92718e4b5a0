package org.chmexchange.node.http;

import static org.chmexchange.node.NodeFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.node.config.SparqlSettings;
import org.chmexchange.rdf.JsonLdContext;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordReader;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /sparql} on a real node with the sample data: the protocol, the formats, the limits, two vendors' clients. */
class SparqlApiTest {

    private static final String DECISIONS =
            "PREFIX chm: <https://w3id.org/chm-exchange/ns#> SELECT ?d WHERE { ?d a chm:Decision } ORDER BY ?d";

    @TempDir
    static Path dataDir;

    private static ChmNodeServer node;
    private static String endpoint;
    private static int decisions;

    @BeforeAll
    static void start() {
        NodeConfig config = new NodeConfig(0, dataDir, null, true);
        node = ChmNodeServer.start(new NodeConfig(
                config.port(),
                config.dataDir(),
                config.baseIri(),
                true,
                config.maxRequestBytes(),
                config.tokens(),
                config.admin(),
                config.sources(),
                config.publish(),
                new SparqlSettings(Duration.ofSeconds(20), 200)));
        endpoint = node.baseIri() + "sparql";
        decisions = Vocabularies.sampleData(node.baseIri())
                .filter(null, RDF.TYPE, CHM.Decision)
                .size();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static Reply post(String contentType, String body, String accept) {
        Request.Builder r = new Request.Builder()
                .url(endpoint)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get(contentType)));
        if (accept != null) {
            r.header("Accept", accept);
        }
        return NodeFixture.call(r.build());
    }

    @Test
    void getPostFormAndPostDirectGiveTheSameAnswer() {
        Reply byGet = get(endpoint + "?query=" + q(DECISIONS), null);
        Reply byForm = post(SparqlHandler.FORM, "query=" + q(DECISIONS), null);
        Reply direct = post(SparqlHandler.QUERY, DECISIONS, null);
        for (Reply r : List.of(byGet, byForm, direct)) {
            assertEquals(200, r.status(), r.body());
            assertTrue(r.contentType().startsWith("application/sparql-results+json"), r.contentType());
            assertEquals(decisions, r.json().path("results").path("bindings").size(), r.body());
        }
        assertEquals(byGet.body(), byForm.body());
        assertEquals(byGet.body(), direct.body());
    }

    @ParameterizedTest
    @CsvSource({
        "application/sparql-results+xml, application/sparql-results+xml, <sparql",
        "text/csv, text/csv, d\r",
        "text/tab-separated-values, text/tab-separated-values, ?d",
        "application/json, application/sparql-results+json, \"bindings\""
    })
    void selectResultsByContentNegotiation(String accept, String type, String start) {
        Reply r = get(endpoint + "?query=" + q(DECISIONS + " LIMIT 2"), accept);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith(type), r.contentType());
        assertTrue(r.body().contains(start.strip()), r.body());
        assertTrue(r.body().contains(node.baseIri() + "records/decision/"), r.body());
    }

    @Test
    void constructAnswersInRdfFormatsAndJsonLdNamesTheNodesContext() {
        String construct = "PREFIX chm: <https://w3id.org/chm-exchange/ns#>"
                + " CONSTRUCT { ?d a chm:Decision } WHERE { ?d a chm:Decision }";
        Reply turtle = get(endpoint + "?query=" + q(construct), null);
        assertTrue(turtle.contentType().startsWith("text/turtle"), turtle.contentType());
        Model m = RecordReader.read(turtle.body().getBytes(StandardCharsets.UTF_8), RecordFormat.TURTLE, endpoint);
        assertEquals(decisions, m.size());
        Reply ld = get(endpoint + "?query=" + q(construct), "application/ld+json");
        assertTrue(ld.json().get("@context").asText().equals(node.baseIri() + "ns/context.jsonld"), ld.body());
        Model fromLd = RecordReader.read(
                ld.body().getBytes(StandardCharsets.UTF_8),
                RecordFormat.JSONLD,
                endpoint,
                JsonLdContext.servedAt(node.baseIri() + "ns/context.jsonld"));
        assertEquals(m, fromLd);
        Reply tsv = get(endpoint + "?query=" + q(construct), "text/tab-separated-values");
        assertEquals(406, tsv.status(), "a graph has no tabular form");
    }

    @Test
    void theStoresOwnGraphsAreNeverVisible() {
        Reply graphs = get(endpoint + "?query=" + q("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), null);
        assertEquals(200, graphs.status(), graphs.body());
        Set<String> names = new HashSet<>();
        graphs.json()
                .path("results")
                .path("bindings")
                .forEach(b -> names.add(b.path("g").path("value").asText()));
        assertTrue(names.contains(node.baseIri() + "graphs/sample"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("urn:chm-exchange:")), names.toString());
        Reply changes = get(endpoint + "?query=" + q("ASK { GRAPH <urn:chm-exchange:changes> { ?s ?p ?o } }"), null);
        assertFalse(changes.json().path("boolean").asBoolean(true), changes.body());
    }

    @Test
    void errorsAreProblemDocuments() {
        Reply syntax = get(endpoint + "?query=" + q("SELECT ?x WHERE { ?x"), null);
        RecordApiTest.assertProblem(syntax, 400);
        assertTrue(syntax.json().path("detail").asText().contains("line 1"), syntax.body());
        RecordApiTest.assertProblem(get(endpoint, null), 400);
        RecordApiTest.assertProblem(get(endpoint + "?query=" + q("ASK {}") + "&query=" + q("ASK {}"), null), 400);
        RecordApiTest.assertProblem(get(endpoint + "?update=" + q("CLEAR ALL"), null), 403);
        RecordApiTest.assertProblem(post(SparqlHandler.UPDATE, "CLEAR ALL", null), 403);
        RecordApiTest.assertProblem(post(SparqlHandler.QUERY, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", null), 403);
        RecordApiTest.assertProblem(post(SparqlHandler.FORM, "update=" + q("CLEAR ALL"), null), 403);
        RecordApiTest.assertProblem(post("text/plain", "ASK {}", null), 415);
        RecordApiTest.assertProblem(post("application/sparql-query; charset=iso-8859-1", "ASK {}", null), 415);
        RecordApiTest.assertProblem(get(endpoint + "?query=" + q("ASK {}"), "text/csv"), 406);
        Reply tooMany = get(endpoint + "?query=" + q("SELECT * WHERE { ?s ?p ?o }"), null);
        RecordApiTest.assertProblem(tooMany, 400);
        assertEquals(200, tooMany.json().path("maxResults").asInt(), tooMany.body());
        Request notUtf8 = new Request.Builder()
                .url(endpoint)
                .post(RequestBody.create(
                        "ASK {}".getBytes(StandardCharsets.UTF_16), MediaType.get(SparqlHandler.QUERY)))
                .build();
        RecordApiTest.assertProblem(NodeFixture.call(notUtf8), 400);
    }

    @Test
    void rdf4jsSparqlRepositoryIsAClient() {
        SPARQLRepository repository = new SPARQLRepository(endpoint);
        repository.init();
        try (RepositoryConnection con = repository.getConnection();
                TupleQueryResult result =
                        con.prepareTupleQuery(QueryLanguage.SPARQL, DECISIONS).evaluate()) {
            int n = 0;
            for (BindingSet b : result) {
                assertTrue(b.getValue("d").stringValue().startsWith(node.baseIri() + "records/decision/"));
                n++;
            }
            assertEquals(decisions, n);
            assertTrue(con.prepareBooleanQuery("ASK { ?s ?p ?o }").evaluate());
            assertEquals(
                    decisions,
                    con
                            .prepareGraphQuery("PREFIX chm: <https://w3id.org/chm-exchange/ns#>"
                                    + " CONSTRUCT WHERE { ?d a chm:Decision }")
                            .evaluate()
                            .stream()
                            .count());
        } finally {
            repository.shutDown();
        }
    }

    @Test
    void jenasQueryExecutionHttpIsAClient() {
        try (QueryExecutionHTTP exec =
                QueryExecutionHTTP.service(endpoint).query(DECISIONS).build()) {
            ResultSet results = exec.execSelect();
            int n = 0;
            while (results.hasNext()) {
                QuerySolution s = results.next();
                assertTrue(s.getResource("d").getURI().startsWith(node.baseIri() + "records/decision/"));
                n++;
            }
            assertEquals(decisions, n);
        }
        try (QueryExecutionHTTP exec =
                QueryExecutionHTTP.service(endpoint).query("ASK { ?s ?p ?o }").build()) {
            assertTrue(exec.execAsk());
        }
    }
}
