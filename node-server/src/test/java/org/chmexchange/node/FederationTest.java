package org.chmexchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.cli.ChmNode;
import org.chmexchange.sparql.FederatedQuery;
import org.chmexchange.sparql.SparqlQueryException;
import org.chmexchange.sparql.SparqlResult;
import org.chmexchange.store.RecordStore;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.query.BindingSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A federated query over three nodes' {@code /sparql} (issue "Past one machine", part 2): every
 * decision tagged with a GBF target at each node, with the node it came from; per-node counts; a
 * node that is down fails the query, or contributes nothing when told to skip it; the same from the
 * command line, {@code chm-node query --federate}.
 */
class FederationTest {

    static final String QUERY =
            """
            PREFIX chm: <https://w3id.org/chm-exchange/ns#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?decision ?title WHERE {
              ?decision a chm:Decision ;
                dcterms:subject <%s> ;
                dcterms:title ?title .
            }
            """
                    .formatted(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03"));

    @TempDir
    static Path dirs;

    static final List<ChmNodeServer> NODES = new ArrayList<>();
    static final List<URI> BASES = new ArrayList<>();

    @BeforeAll
    static void start() {
        for (String name : List.of("colombia", "france", "kenya")) {
            ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dirs.resolve(name), null, false));
            NODES.add(node);
            BASES.add(URI.create("http://localhost:" + node.port() + "/"));
            Model m = new LinkedHashModel();
            m.addAll(decision(node.baseIri(), name + "-30x30", "Protected areas in " + name, "GBF-TARGET-03"));
            m.addAll(decision(node.baseIri(), name + "-other", "Another decision of " + name, "GBF-TARGET-07"));
            node.store().put(m, RecordStore.localGraph(node.baseIri()));
        }
        // A second target-3 decision at the third node, for the counts.
        ChmNodeServer kenya = NODES.get(2);
        kenya.store()
                .put(
                        decision(kenya.baseIri(), "kenya-wetlands", "Wetlands of kenya", "GBF-TARGET-03"),
                        RecordStore.localGraph(kenya.baseIri()));
    }

    @AfterAll
    static void stop() {
        NODES.forEach(ChmNodeServer::close);
    }

    static Model decision(String base, String id, String title, String target) {
        IRI iri = RecordType.DECISION.mint(base, id);
        Model m = new LinkedHashModel();
        m.add(iri, RDF.TYPE, CHM.Decision);
        m.add(iri, DCTERMS.IDENTIFIER, Values.literal(id));
        m.add(iri, DCTERMS.TITLE, Values.literal(title, "en"));
        m.add(iri, CHM.treaty, ChmThesaurus.treaty("cbd"));
        m.add(iri, DCTERMS.SUBJECT, ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, target));
        return m;
    }

    @Test
    void everyDecisionOfEveryNodeTaggedWithATargetWithItsNode() {
        SparqlResult.Bindings answer = FederatedQuery.select(BASES, QUERY);
        assertEquals(List.of("decision", "title", "node"), answer.names());
        Map<String, String> nodeOf = new TreeMap<>();
        for (BindingSet row : answer.rows()) {
            nodeOf.put(
                    row.getValue("title").stringValue(),
                    FederatedQuery.nodeOf(row).toString());
            assertTrue(
                    row.getValue("decision")
                            .stringValue()
                            .startsWith(FederatedQuery.nodeOf(row).toString()),
                    "each decision comes from its own node: " + row);
        }
        assertEquals(
                Map.of(
                        "Protected areas in colombia", BASES.get(0).toString(),
                        "Protected areas in france", BASES.get(1).toString(),
                        "Protected areas in kenya", BASES.get(2).toString(),
                        "Wetlands of kenya", BASES.get(2).toString()),
                nodeOf);
    }

    @Test
    void aggregatesAndLimitsApplyAtEachNode() {
        String count =
                """
                PREFIX chm: <https://w3id.org/chm-exchange/ns#>
                SELECT (COUNT(?d) AS ?decisions) WHERE { ?d a chm:Decision }
                """;
        Map<String, Integer> perNode = new TreeMap<>();
        for (BindingSet row : FederatedQuery.select(BASES, count).rows()) {
            perNode.put(
                    FederatedQuery.nodeOf(row).toString(),
                    Integer.parseInt(row.getValue("decisions").stringValue()));
        }
        assertEquals(
                Map.of(
                        BASES.get(0).toString(),
                        2,
                        BASES.get(1).toString(),
                        2,
                        BASES.get(2).toString(),
                        3),
                perNode);
        String one = QUERY.replace("}\n", "} LIMIT 1\n");
        assertEquals(3, FederatedQuery.select(BASES, one).rows().size(), "LIMIT 1 at each of three nodes");
    }

    @Test
    void aNodeThatIsDownFailsTheQueryUnlessSkipped() {
        List<URI> withDead = new ArrayList<>(BASES);
        withDead.add(URI.create("http://localhost:" + freePort() + "/"));
        SparqlQueryException failed =
                assertThrows(SparqlQueryException.class, () -> FederatedQuery.select(withDead, QUERY));
        assertEquals(SparqlQueryException.Kind.REMOTE, failed.kind());
        List<BindingSet> skipped =
                FederatedQuery.select(withDead, QUERY, true, 100, 30).rows();
        assertEquals(5, skipped.size(), "the live nodes' rows, and one for the node skipped");
        BindingSet dead = skipped.get(4);
        assertEquals(withDead.get(3), FederatedQuery.nodeOf(dead));
        assertEquals(java.util.Set.of("node"), dead.getBindingNames(), "SERVICE SILENT: one empty solution");
        SparqlQueryException notSelect =
                assertThrows(SparqlQueryException.class, () -> FederatedQuery.select(BASES, "ASK { ?s ?p ?o }"));
        assertEquals(SparqlQueryException.Kind.SYNTAX, notSelect.kind());
        assertThrows(
                SparqlQueryException.class, () -> FederatedQuery.select(BASES, "SELECT ?node WHERE { ?node ?p ?o }"));
        assertThrows(
                IllegalArgumentException.class, () -> FederatedQuery.select(List.of(URI.create("ftp://x/")), QUERY));
        SparqlQueryException from = assertThrows(
                SparqlQueryException.class,
                () -> FederatedQuery.select(BASES, "SELECT ?s FROM <urn:g> WHERE { ?s ?p ?o }"));
        assertEquals(SparqlQueryException.Kind.SYNTAX, from.kind());
    }

    @Test
    void fromTheCommandLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ChmNode());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String nodes = String.join(",", BASES.stream().map(URI::toString).toList());
        int exit = cli.execute("query", "--federate", nodes, QUERY);
        assertEquals(0, exit, err.toString());
        String[] lines = out.toString().split("\n");
        assertEquals("?decision\t?title\t?node", lines[0]);
        assertEquals(5, lines.length, out.toString());
        assertTrue(out.toString().contains("\"Wetlands of kenya\"@en\t<" + BASES.get(2) + ">"), out.toString());
        StringWriter err2 = new StringWriter();
        cli.setErr(new PrintWriter(err2));
        assertEquals(2, cli.execute("query", "--federate", nodes, "CONSTRUCT WHERE { ?s ?p ?o }"));
        assertTrue(err2.toString().contains("SELECT"), err2.toString());
    }

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
