package org.chmexchange.harvest.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.query.parser.sparql.SPARQLParser;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.repository.sail.SailRepositoryConnection;
import org.eclipse.rdf4j.sail.memory.MemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of protocol {@code sparql} that need no server: query text, escaping, requests, options. */
class SparqlRulesTest {

    private static final HttpUrl ENDPOINT = HttpUrl.get("http://sparql.example.org/chm/query?timeout=30");

    /** Strings a hostile endpoint could return as keys; each must come back unchanged from a literal. */
    private static final List<String> HOSTILE = List.of(
            "http://national.example.org/records/treaty/cbd",
            "x\" ) } DELETE WHERE { ?s ?p ?o } #",
            "back\\slash and \\u0022 and \\\"",
            "line\nbreak\rand\ttab\bbell\fform",
            "nul\u0000 and \u001f and \u007f",
            "ünïcödé 生物多样性 \uD83C\uDF3F",
            "'single' \"double\" '''triple'''");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "plain|\"plain\"",
                "say \"hi\"|\"say \\\"hi\\\"\"",
                "a\\b|\"a\\\\b\"",
                "tab\there|\"tab\\there\"",
            })
    void stringLiteralsEscapeWhatTheGrammarForbids(String value, String literal) {
        assertEquals(literal, SparqlQueries.stringLiteral(value.replace("\\t", "\t")));
    }

    @Test
    void controlCharactersAreWrittenAsCodePoints() {
        assertEquals(
                "\"a\\nb\\rc\\u0000d\\u001Fe\\u007F\"", SparqlQueries.stringLiteral("a\nb\rc\u0000d\u001fe\u007f"));
    }

    @Test
    void everyHostileKeyRoundTripsThroughJena() {
        for (String value : HOSTILE) {
            Query query =
                    QueryFactory.create("SELECT ?x WHERE { BIND(" + SparqlQueries.stringLiteral(value) + " AS ?x) }");
            try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.createTxnMem())
                    .query(query)
                    .build()) {
                assertEquals(value, exec.execSelect().next().getLiteral("x").getLexicalForm(), value);
            }
        }
    }

    @Test
    void everyHostileKeyRoundTripsThroughRdf4j() {
        SailRepository repository = new SailRepository(new MemoryStore());
        try (SailRepositoryConnection con = repository.getConnection()) {
            for (String value : HOSTILE) {
                String q = "SELECT ?x WHERE { BIND(" + SparqlQueries.stringLiteral(value) + " AS ?x) }";
                try (TupleQueryResult result =
                        con.prepareTupleQuery(QueryLanguage.SPARQL, q).evaluate()) {
                    BindingSet row = result.next();
                    assertEquals(value, row.getValue("x").stringValue(), value);
                }
            }
        } finally {
            repository.shutDown();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://national.example.org/records/treaty/cbd",
                "https://w3id.org/chm-exchange/ns#Treaty",
                "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66",
                "http://example.org/ünïcödé/生物",
                "http://example.org/a%20b?q=1&r=2#frag",
            })
    void absoluteIrisWithoutForbiddenCharactersCanBeWritten(String iri) {
        assertTrue(SparqlQueries.isWritableIri(iri));
        assertEquals("<" + iri + ">", SparqlQueries.iriRef(iri));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "records/treaty/cbd",
                "http://example.org/a b",
                "http://example.org/a>b",
                "http://example.org/a<b",
                "http://example.org/a\"b",
                "http://example.org/a{b}",
                "http://example.org/a|b",
                "http://example.org/a^b",
                "http://example.org/a`b",
                "http://example.org/a\\b",
                "http://example.org/a\nb",
                "http://example.org/> } DROP ALL #",
            })
    void relativeIrisAndForbiddenCharactersAreRefused(String iri) {
        assertFalse(SparqlQueries.isWritableIri(iri));
        assertThrows(IllegalArgumentException.class, () -> SparqlQueries.iriRef(iri));
    }

    @Test
    void theKeysetQueryIsExactlyThis() {
        assertEquals(
                "SELECT DISTINCT ?s WHERE { ?s a <https://w3id.org/chm-exchange/ns#Decision> . FILTER(isIRI(?s))"
                        + " } ORDER BY STR(?s) LIMIT 500",
                SparqlQueries.selectPage(CHM.Decision, null, 500));
        String next = SparqlQueries.selectPage(CHM.Decision, "http://x.example.org/\"quoted\"", 2);
        assertEquals(
                "SELECT DISTINCT ?s WHERE { ?s a <https://w3id.org/chm-exchange/ns#Decision> . FILTER(isIRI(?s)"
                        + " && STR(?s) > \"http://x.example.org/\\\"quoted\\\"\") } ORDER BY STR(?s) LIMIT 2",
                next);
        assertParses(next);
        assertThrows(IllegalArgumentException.class, () -> SparqlQueries.selectPage(CHM.Decision, null, 0));
    }

    @Test
    void theConstructNamesTheRecordsAndFetchesTheirNestedResources() {
        List<IRI> records = List.of(
                Values.iri("http://national.example.org/records/document/a"),
                Values.iri("http://national.example.org/records/document/b"));
        String construct = SparqlQueries.construct(records);
        assertTrue(construct.contains("VALUES ?r { <http://national.example.org/records/document/a>"
                + " <http://national.example.org/records/document/b> }"));
        assertTrue(construct.contains("STRSTARTS(STR(?f), CONCAT(STR(?r), \"#\"))"));
        assertParses(construct);
        assertThrows(IllegalArgumentException.class, () -> SparqlQueries.construct(List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> SparqlQueries.construct(List.of(Values.iri("http://example.org/a> <b"))));
    }

    private static void assertParses(String query) {
        QueryFactory.create(query);
        new SPARQLParser().parseQuery(query, null);
    }

    @Test
    void aShortQueryIsAGetWithTheProtocolParameters() throws IOException {
        SparqlRequest request =
                new SparqlRequest(ENDPOINT, "SELECT * WHERE { ?s ?p ?o }", "application/x", "http://g.example.org/1");
        Request http = request.toRequest();
        assertEquals("GET", http.method());
        assertEquals("application/x", http.header("Accept"));
        assertEquals("SELECT * WHERE { ?s ?p ?o }", http.url().queryParameter("query"));
        assertEquals("http://g.example.org/1", http.url().queryParameter("default-graph-uri"));
        assertEquals("30", http.url().queryParameter("timeout"), "the endpoint's own parameters are kept");
        assertEquals("GET " + ENDPOINT, request.describe());
    }

    @Test
    void aLongQueryIsAFormPost() throws IOException {
        String query = "SELECT * WHERE { ?s ?p \"" + "x".repeat(SparqlRequest.MAX_GET_URL) + "\" }";
        SparqlRequest request = new SparqlRequest(ENDPOINT, query, "application/x", null);
        Request http = request.toRequest();
        assertEquals("POST", http.method());
        assertEquals(ENDPOINT, http.url());
        FormBody form = (FormBody) http.body();
        assertEquals(1, form.size());
        assertEquals("query", form.name(0));
        assertEquals(query, form.value(0));
        Buffer body = new Buffer();
        form.writeTo(body);
        assertTrue(body.readUtf8().startsWith("query=SELECT"));
        assertNull(http.url().queryParameter("query"));
    }

    @Test
    void aRequestChecksItsValues() {
        assertThrows(IllegalArgumentException.class, () -> new SparqlRequest(ENDPOINT, " ", "a/b", null));
        assertThrows(IllegalArgumentException.class, () -> new SparqlRequest(ENDPOINT, "ASK {}", "", null));
        assertThrows(IllegalArgumentException.class, () -> new SparqlRequest(ENDPOINT, "ASK {}", "a/b", "not an iri"));
    }

    @Test
    void invalidOptionsAreRefusedWhenTheHarvesterIsCreated() {
        SparqlHarvesterFactory factory = new SparqlHarvesterFactory();
        HarvestContext context = new HarvestContext(HarvestTesting.HTTP, 10);
        for (Map<String, String> options : List.of(
                Map.of("pagesize", "10"),
                Map.of("pageSize", "0"),
                Map.of("pageSize", "10001"),
                Map.of("pageSize", "many"),
                Map.of("graph", "graphs/published"))) {
            HarvestSource source = new HarvestSource(
                    "national-sparql", "sparql", URI.create("http://sparql.example.org/query"), options);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> factory.create(source, context), options::toString);
            assertTrue(e.getMessage().contains("national-sparql"), e.getMessage());
        }
    }

    @Test
    void keysMayFollowEitherTheUtf16OrTheCodePointOrder() {
        assertTrue(SparqlHarvester.compareCodePoints("a", "b") < 0);
        assertTrue(SparqlHarvester.compareCodePoints("ab", "a") > 0);
        assertEquals(0, SparqlHarvester.compareCodePoints("\uD83C\uDF3F", "\uD83C\uDF3F"));
        // U+FB01 sorts before U+1F33F by code point, after it in UTF-16 (a surrogate pair starts with 0xD83C).
        assertTrue(SparqlHarvester.compareCodePoints("\uFB01", "\uD83C\uDF3F") < 0);
        assertTrue("\uFB01".compareTo("\uD83C\uDF3F") > 0);
    }
}
