package org.chmexchange.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chmexchange.store.RecordStore;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPARQL over the embedded store: the four query forms, datasets, what stays hidden, the limits. */
class SparqlQueriesTest {

    private static final String BASE = "http://localhost:8080/";
    private static final String PREFIX = "PREFIX chm: <https://w3id.org/chm-exchange/ns#>\n";

    @TempDir
    static Path dir;

    private static RecordStore store;
    private static SparqlQueries sparql;
    private static Model sample;

    @BeforeAll
    static void open() {
        store = RecordStore.openEmbedded(dir);
        sample = Vocabularies.sampleData(BASE);
        store.put(sample, RecordStore.localGraph(BASE));
        sparql = new SparqlQueries(store, SparqlQueries.DEFAULT_TIMEOUT, 500);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static SparqlResult run(String query) {
        return sparql.evaluate(query, BASE + "sparql", List.of(), List.of());
    }

    @Test
    void selectSeesEveryDecisionInTheDefaultGraph() {
        SparqlResult.Bindings r = (SparqlResult.Bindings) run(PREFIX + "SELECT ?d WHERE { ?d a chm:Decision }");
        assertEquals(List.of("d"), r.names());
        assertEquals(
                sample.filter(null, RDF.TYPE, CHM.Decision).size(), r.rows().size());
        assertTrue(r.rows().size() > 0);
    }

    @Test
    void askConstructAndDescribe() {
        assertTrue(((SparqlResult.Bool) run(PREFIX + "ASK { ?d a chm:Decision }")).value());
        assertFalse(((SparqlResult.Bool) run(PREFIX + "ASK { ?d a chm:NoSuchClass }")).value());
        Model built = ((SparqlResult.Graph) run(PREFIX + "CONSTRUCT { ?d a chm:Decision } WHERE { ?d a chm:Decision }"))
                .statements();
        assertEquals(
                sample.filter(null, RDF.TYPE, CHM.Decision), new org.eclipse.rdf4j.model.impl.LinkedHashModel(built));
        IRI decision = (IRI) sample.filter(null, RDF.TYPE, CHM.Decision)
                .subjects()
                .iterator()
                .next();
        Model described = ((SparqlResult.Graph) run("DESCRIBE <" + decision + ">")).statements();
        Model stored = store.get(decision).orElseThrow();
        assertEquals(
                stored.filter(decision, null, null).size(),
                described.filter(decision, null, null).size());
    }

    @Test
    void namedGraphsAreTheRecordGraphsNeverTheStoresOwn() {
        SparqlResult.Bindings graphs =
                (SparqlResult.Bindings) run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
        Set<String> names =
                graphs.rows().stream().map(b -> b.getValue("g").stringValue()).collect(Collectors.toSet());
        assertTrue(names.contains(BASE + "graphs/local"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("urn:chm-exchange:")), names.toString());
        assertFalse(((SparqlResult.Bool) run("ASK { GRAPH <urn:chm-exchange:changes> { ?s ?p ?o } }")).value());
        assertFalse(((SparqlResult.Bool) run("ASK { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"urn:chm-exchange:\")) }"))
                .value());
        assertFalse(((SparqlResult.Bool) sparql.evaluate(
                        "ASK { ?s ?p ?o }", BASE, List.of(Values.iri("urn:chm-exchange:system")), List.of()))
                .value());
    }

    @Test
    void aProtocolDatasetReplacesTheQuerysOwn() {
        IRI local = RecordStore.localGraph(BASE);
        String query = PREFIX + "ASK FROM <http://example.org/nothing> { ?d a chm:Decision }";
        assertFalse(((SparqlResult.Bool) run(query)).value());
        assertTrue(((SparqlResult.Bool) sparql.evaluate(query, BASE, List.of(local), List.of())).value());
        assertTrue(((SparqlResult.Bool) sparql.evaluate(
                        PREFIX + "ASK { GRAPH ?g { ?d a chm:Decision } }", BASE, List.of(), List.of(local)))
                .value());
    }

    @Test
    void tooManyResultsAreRefusedNotCut() {
        SparqlQueryException e = assertThrows(SparqlQueryException.class, () -> run("SELECT * WHERE { ?s ?p ?o }"));
        assertEquals(SparqlQueryException.Kind.TOO_MANY_RESULTS, e.kind());
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        assertEquals(
                10,
                ((SparqlResult.Bindings) run("SELECT * WHERE { ?s ?p ?o } LIMIT 10"))
                        .rows()
                        .size());
    }

    @Test
    void aQueryPastTheTimeLimitStops() {
        SparqlQueries quick = new SparqlQueries(store, Duration.ofMillis(50), Integer.MAX_VALUE);
        SparqlQueryException e = assertThrows(
                SparqlQueryException.class,
                () -> quick.evaluate(
                        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                        BASE,
                        List.of(),
                        List.of()));
        assertEquals(SparqlQueryException.Kind.TIMEOUT, e.kind());
    }

    @Test
    void updatesAndSyntaxErrorsAreRefusedWithTheParsersWords() {
        SparqlQueryException update =
                assertThrows(SparqlQueryException.class, () -> run("INSERT DATA { <urn:a> <urn:b> <urn:c> }"));
        assertEquals(SparqlQueryException.Kind.UPDATE, update.kind());
        SparqlQueryException service = assertThrows(
                SparqlQueryException.class,
                () -> run("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"));
        assertEquals(SparqlQueryException.Kind.SERVICE, service.kind());
        SparqlQueryException syntax = assertThrows(SparqlQueryException.class, () -> run("SELECT ?x WHERE { ?x "));
        assertEquals(SparqlQueryException.Kind.SYNTAX, syntax.kind());
        assertTrue(syntax.getMessage().contains("line 1"), syntax.getMessage());
    }

    @Test
    void answersAreWrittenInTheFourResultFormats() {
        SparqlResult r = run(PREFIX + "SELECT ?d WHERE { ?d a chm:Decision } ORDER BY ?d LIMIT 2");
        for (SparqlResultFormat f : SparqlResultFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.write(r, out);
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains(BASE + "records/decision/"), f + ": " + text);
        }
        ByteArrayOutputStream ask = new ByteArrayOutputStream();
        SparqlResultFormat.JSON.write(run("ASK {}"), ask);
        assertTrue(ask.toString(StandardCharsets.UTF_8).contains("\"boolean\" : true"), ask.toString());
        assertThrows(IllegalArgumentException.class, () -> SparqlResultFormat.CSV.write(run("ASK {}"), ask));
    }

    @Test
    void negotiation() {
        assertEquals(
                SparqlResultFormat.JSON,
                SparqlResultFormat.negotiate(null, false).orElseThrow());
        assertEquals(
                SparqlResultFormat.JSON,
                SparqlResultFormat.negotiate("*/*", true).orElseThrow());
        assertEquals(
                SparqlResultFormat.XML,
                SparqlResultFormat.negotiate("application/sparql-results+xml", false)
                        .orElseThrow());
        assertEquals(
                SparqlResultFormat.TSV,
                SparqlResultFormat.negotiate("text/tab-separated-values, text/csv;q=0.5", false)
                        .orElseThrow());
        assertTrue(SparqlResultFormat.negotiate("text/csv", true).isEmpty(), "no CSV form for ASK");
    }
}
