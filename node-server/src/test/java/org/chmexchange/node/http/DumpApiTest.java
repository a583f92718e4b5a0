package org.chmexchange.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VOID;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The dumps, their validators, the VoID description and the DCAT catalogue on a real node. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DumpApiTest {

    @TempDir
    static Path dirs;

    private static ChmNodeServer node;
    private static String root;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(0, dirs.resolve("node"), null, true));
        root = node.baseIri();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    record Raw(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    static Raw fetch(String path, String method, Map<String, String> headers) {
        Request.Builder r = new Request.Builder().url(root + path).method(method, null);
        headers.forEach(r::header);
        try (Response response = NodeFixture.HTTP.newCall(r.build()).execute()) {
            Map<String, String> h = new java.util.HashMap<>();
            response.headers().names().forEach(n -> h.put(n.toLowerCase(java.util.Locale.ROOT), response.header(n)));
            return new Raw(response.code(), h, response.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream gunzip(byte[] body) {
        try {
            return new GZIPInputStream(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void theNQuadsDumpHoldsEveryPublicRecordWithItsGraphInTwoParsers() {
        Raw dump = fetch("dumps/records.nq.gz", "GET", Map.of());
        assertEquals(200, dump.status());
        assertEquals("application/gzip", dump.header("Content-Type"));
        assertEquals(DumpHandler.etag(node.store().lastSequence()), dump.header("ETag"));
        assertNotNull(dump.header("Last-Modified"));
        Model rio;
        try (InputStream in = gunzip(dump.body())) {
            rio = Rio.parse(in, root, RDFFormat.NQUADS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatasetGraph jena = DatasetGraphFactory.create();
        RDFParser.source(gunzip(dump.body())).lang(Lang.NQUADS).parse(jena);
        assertEquals(rio.size(), jena.stream().count(), "Rio and Jena RIOT read the same quads");
        for (Resource graph : rio.contexts()) {
            assertTrue(RecordStore.isRecordGraph(graph), "only record graphs: " + graph);
            Model dumped = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
            rio.filter(null, null, null, graph)
                    .forEach(st -> dumped.add(st.getSubject(), st.getPredicate(), st.getObject()));
            assertTrue(Models.isomorphic(node.store().graph((IRI) graph), dumped), graph.toString());
        }
        Set<String> records = new TreeSet<>();
        for (RecordType type : RecordType.values()) {
            rio.filter(null, RDF.TYPE, type.rdfClass()).subjects().forEach(s -> records.add(s.stringValue()));
        }
        Set<String> stored = new TreeSet<>();
        node.store()
                .list(RecordQuery.ALL, null, 1000)
                .items()
                .forEach(s -> stored.add(s.iri().stringValue()));
        assertEquals(stored, records);
    }

    @Test
    @Order(2)
    void theTurtleDumpHasTheSameTriples() throws IOException {
        Raw nq = fetch("dumps/records.nq.gz", "GET", Map.of());
        Raw ttl = fetch("dumps/records.ttl.gz", "GET", Map.of());
        assertEquals(200, ttl.status());
        Model quads = Rio.parse(gunzip(nq.body()), root, RDFFormat.NQUADS);
        Model triples = Rio.parse(gunzip(ttl.body()), root, RDFFormat.TURTLE);
        Model flat = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
        quads.forEach(st -> flat.add(st.getSubject(), st.getPredicate(), st.getObject()));
        assertTrue(Models.isomorphic(flat, triples));
        DatasetGraph jena = DatasetGraphFactory.create();
        RDFParser.source(gunzip(ttl.body())).lang(Lang.TURTLE).parse(jena);
        assertEquals(triples.size(), jena.getDefaultGraph().size());
    }

    @Test
    @Order(3)
    void conditionalGetsAnswer304UntilTheNextWrite() {
        Raw first = fetch("dumps/records.nq.gz", "GET", Map.of());
        String etag = first.header("ETag");
        assertEquals(
                304,
                fetch("dumps/records.nq.gz", "GET", Map.of("If-None-Match", etag))
                        .status());
        assertEquals(
                304,
                fetch("dumps/records.nq.gz", "GET", Map.of("If-None-Match", "W/" + etag))
                        .status());
        assertEquals(
                304,
                fetch("dumps/records.nq.gz", "GET", Map.of("If-Modified-Since", first.header("Last-Modified")))
                        .status());
        Raw head = fetch("dumps/records.nq.gz", "HEAD", Map.of());
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
        assertEquals(etag, head.header("ETag"));

        IRI meeting = Values.iri(root + "records/meeting/cbd-wgri-05");
        assertTrue(node.store().delete(meeting));
        Raw after = fetch("dumps/records.nq.gz", "GET", Map.of("If-None-Match", etag));
        assertEquals(200, after.status());
        assertNotEquals(etag, after.header("ETag"));
        try (InputStream in = gunzip(after.body())) {
            assertFalse(Rio.parse(in, root, RDFFormat.NQUADS).contains(meeting, null, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(4)
    void ourRdfDumpHarvesterReadsTheDumpAndThenOnlyAsksIfItChanged() {
        try (RecordValidator validator = new RecordValidator();
                RecordStore portal = RecordStore.openEmbedded(dirs.resolve("portal"))) {
            HarvestRun run = new HarvestRun(
                    portal,
                    validator,
                    "http://portal.example.org/",
                    HarvesterRegistry.load(),
                    new HarvestContext(NodeFixture.HTTP, 100));
            HarvestSource source =
                    new HarvestSource("node", "rdf-dump", URI.create(root + "dumps/records.nq.gz"), Map.of());
            HarvestOutcome first = run.run(source, HarvestListener.NONE);
            assertTrue(first.ok(), first.error());
            assertEquals(node.store().count(RecordQuery.ALL), portal.count(RecordQuery.ALL));
            HarvestOutcome again = run.run(source, HarvestListener.NONE);
            assertTrue(again.ok(), again.error());
            assertEquals(0, again.counts().pages(), "304: nothing read");
        }
    }

    @Test
    @Order(5)
    void theVoidDescriptionCountsWhatTheDumpHolds() throws IOException {
        NodeFixture.Reply r = NodeFixture.get(root + ".well-known/void", "text/turtle");
        assertEquals(200, r.status(), r.body());
        Model voidModel = Rio.parse(new java.io.StringReader(r.body()), root, RDFFormat.TURTLE);
        IRI dataset = Values.iri(root + ".well-known/void#records");
        assertTrue(voidModel.contains(dataset, RDF.TYPE, VOID.DATASET));
        Model dump =
                Rio.parse(gunzip(fetch("dumps/records.nq.gz", "GET", Map.of()).body()), root, RDFFormat.NQUADS);
        assertEquals(BigInteger.valueOf(dump.size()), number(voidModel, dataset, VOID.TRIPLES));
        assertEquals(
                BigInteger.valueOf(node.store().count(RecordQuery.ALL)), number(voidModel, dataset, VOID.ENTITIES));
        for (Statement partition : voidModel.filter(dataset, VOID.CLASS_PARTITION, null)) {
            Resource p = (Resource) partition.getObject();
            IRI type =
                    (IRI) Models.object(voidModel.filter(p, VOID.CLASS, null)).orElseThrow();
            assertEquals(
                    BigInteger.valueOf(
                            dump.filter(null, RDF.TYPE, type).subjects().size()),
                    number(voidModel, p, VOID.ENTITIES),
                    type.toString());
        }
        IRI cbd = Values.iri(root + ".well-known/void#cbd");
        assertTrue(voidModel.contains(cbd, VOID.LINK_PREDICATE, CHM.cbdIdentifier));
        assertEquals(
                BigInteger.valueOf(dump.filter(null, CHM.cbdIdentifier, null).size()),
                number(voidModel, cbd, VOID.TRIPLES));
        assertTrue(voidModel.contains(dataset, VOID.DATA_DUMP, Values.iri(root + "dumps/records.nq.gz")));
        assertTrue(voidModel.contains(dataset, VOID.SPARQL_ENDPOINT, Values.iri(root + "sparql")));
    }

    @Test
    @Order(6)
    void theCatalogueListsADatasetPerRecordTypeWithItsDistributionsAndServices() throws IOException {
        NodeFixture.Reply r = NodeFixture.get(root + "catalog", "text/turtle");
        assertEquals(200, r.status(), r.body());
        Model catalog = Rio.parse(new java.io.StringReader(r.body()), root, RDFFormat.TURTLE);
        IRI self = Values.iri(root + "catalog");
        assertEquals(
                RecordType.values().length,
                catalog.filter(self, DCAT.HAS_DATASET, null).size());
        IRI decisions = Values.iri(root + "catalog#decision");
        assertTrue(catalog.contains(decisions, DCTERMS.TYPE, CHM.Decision));
        assertTrue(catalog.filter(null, DCAT.DOWNLOAD_URL, Values.iri(root + "dumps/records.nq.gz"))
                        .size()
                > 0);
        assertTrue(catalog.contains(null, DCAT.ENDPOINT_URL, Values.iri(root + "sparql")));
        assertTrue(catalog.contains(null, DCAT.ENDPOINT_URL, Values.iri(root + "changes")));
        assertTrue(catalog.contains(null, DCAT.ENDPOINT_URL, Values.iri(root + "oai")));
        assertTrue(catalog.contains(
                Values.iri(root + "catalog#decision-oai-pmh"),
                DCAT.ACCESS_URL,
                Values.iri(root + "oai?verb=ListRecords&metadataPrefix=rdf&set=type:decision")));
        NodeFixture.Reply ld = NodeFixture.get(root + "catalog", "application/ld+json");
        assertEquals(root + "ns/context.jsonld", ld.json().get("@context").asText(), ld.body());
    }

    private static BigInteger number(Model m, Resource subject, IRI predicate) {
        return ((Literal) Models.object(m.filter(subject, predicate, null)).orElseThrow()).integerValue();
    }
}
