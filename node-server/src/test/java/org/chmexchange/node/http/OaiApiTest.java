package org.chmexchange.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
import org.chmexchange.oai.OaiXml;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /oai} on a real node with the sample data (real MEA facts): GET, POST, HEAD, the errors of
 * HTTP and of OAI-PMH, CORS, the rdf schema; a whole list read page by page; and two nodes that end
 * with the same records, deletions included, through the {@code oai-pmh} harvester.
 */
class OaiApiTest {

    @TempDir
    static Path dirs;

    private static ChmNodeServer node;
    private static String root;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(
                0,
                dirs.resolve("node"),
                null,
                true,
                org.chmexchange.node.config.NodeSettings.DEFAULT_MAX_REQUEST_BYTES,
                List.of(),
                null,
                List.of(),
                List.of(),
                org.chmexchange.node.config.SparqlSettings.DEFAULTS,
                new org.chmexchange.node.config.OaiConfig(null, null, 20)));
        root = node.baseIri();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static OaiXml oai(Request request) {
        try (Response r = NodeFixture.HTTP.newCall(request).execute()) {
            assertEquals(200, r.code(), request.toString());
            assertEquals(
                    "text/xml;charset=utf-8",
                    r.header("Content-Type").replace(" ", "").toLowerCase());
            return new OaiXml(r.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("not an XML answer to " + request, e);
        }
    }

    static OaiXml get(String query) {
        return oai(new Request.Builder().url(root + "oai?" + query).build());
    }

    @Test
    void identifyByGetAndByPostSayTheSame() throws Exception {
        OaiXml byGet = get("verb=Identify");
        assertEquals(root + "oai", byGet.text("//oai:Identify/oai:baseURL"));
        assertEquals("webmaster@" + URI.create(root).getHost(), byGet.text("//oai:Identify/oai:adminEmail"));
        OaiXml byPost = oai(new Request.Builder()
                .url(root + "oai")
                .post(new FormBody.Builder().add("verb", "Identify").build())
                .build());
        assertEquals(byGet.text("//oai:Identify"), byPost.text("//oai:Identify"));
    }

    @Test
    void unknownArgumentsAreOaiPmhBadArgumentNotAnApiError() throws Exception {
        assertEquals("badArgument", get("verb=Identify&foo=bar").error());
        assertEquals("badVerb", get("verb=Nothing").error());
    }

    @Test
    void aPostThatIsNotAFormIs415() {
        NodeFixture.Reply r = NodeFixture.post(root + "oai", "application/json", "{\"verb\":\"Identify\"}");
        assertEquals(415, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    }

    @Test
    void headAnswersWithoutABodyAndCorsLetsScriptsRead() throws IOException {
        try (Response r = NodeFixture.HTTP
                .newCall(new Request.Builder()
                        .url(root + "oai?verb=Identify")
                        .head()
                        .build())
                .execute()) {
            assertEquals(200, r.code());
            assertEquals(0, r.body().bytes().length);
        }
        try (Response r = NodeFixture.HTTP
                .newCall(new Request.Builder()
                        .url(root + "oai")
                        .header("Origin", "https://portal.example.org")
                        .post(RequestBody.create("verb=Identify", MediaType.get("application/x-www-form-urlencoded")))
                        .build())
                .execute()) {
            assertEquals(200, r.code());
            assertEquals("*", r.header("Access-Control-Allow-Origin"), "an OAI-PMH POST is a read");
        }
    }

    @Test
    void theRdfSchemaIsServedAndIsAnXmlSchema() throws Exception {
        NodeFixture.Reply r = NodeFixture.get(root + "oai/rdf.xsd", null);
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/xml"), r.contentType());
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new javax.xml.transform.stream.StreamSource(
                        new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))));
        OaiXml formats = get("verb=ListMetadataFormats");
        assertTrue(formats.texts("//oai:schema").contains(root + "oai/rdf.xsd"));
    }

    @Test
    void aWholeListByResumptionTokenHoldsEveryRecordOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        int all = 0;
        OaiXml page = get("verb=ListIdentifiers&metadataPrefix=rdf");
        int pages = 1;
        while (true) {
            assertEquals("", page.error(), page.toString());
            ids.addAll(page.texts("//oai:header[not(@status='deleted')]/oai:identifier"));
            all += page.count("//oai:header");
            String token = page.text("//oai:resumptionToken");
            if (token.isEmpty()) {
                break;
            }
            page = get("verb=ListIdentifiers&resumptionToken="
                    + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
            pages++;
        }
        Set<String> stored = new HashSet<>();
        node.store()
                .list(RecordQuery.ALL, null, 10_000)
                .items()
                .forEach(s -> stored.add(s.iri().stringValue()));
        assertEquals(stored.size(), ids.size(), "no record twice");
        assertEquals(node.store().countLatestChanges(org.chmexchange.store.ChangeQuery.ALL), all, "tombstones too");
        assertEquals(stored, new HashSet<>(ids));
        assertTrue(pages > 1, "pages of 20: " + ids.size());
    }

    @Test
    void twoNodesEndWithTheSameRecordsDeletionsIncludedThroughTheOaiPmhHarvester() {
        try (RecordValidator validator = new RecordValidator();
                RecordStore portal = RecordStore.openEmbedded(dirs.resolve("portal"))) {
            HarvestRun run = new HarvestRun(
                    portal,
                    validator,
                    "http://portal.example.org/",
                    HarvesterRegistry.load(),
                    new HarvestContext(NodeFixture.HTTP, 1_000));
            HarvestSource source =
                    new HarvestSource("node", "oai-pmh", URI.create(root + "oai"), Map.of("metadataPrefix", "rdf"));
            HarvestOutcome first = run.run(source, HarvestListener.NONE);
            assertTrue(first.ok(), first.error());
            assertEquals(node.store().count(RecordQuery.ALL), portal.count(RecordQuery.ALL));
            for (RecordSummary s :
                    node.store().list(RecordQuery.ALL, null, 10_000).items()) {
                Model there = node.store().get(s.iri()).orElseThrow();
                Model here = portal.get(s.iri()).orElseThrow();
                there.remove(s.iri(), org.eclipse.rdf4j.model.vocabulary.DCTERMS.MODIFIED, null);
                here.remove(s.iri(), org.eclipse.rdf4j.model.vocabulary.DCTERMS.MODIFIED, null);
                here.remove(s.iri(), org.chmexchange.vocab.CHM.modifiedAtSource, null);
                assertTrue(Models.isomorphic(there, here), s.iri().stringValue());
            }

            IRI gone = node.store()
                    .list(
                            new RecordQuery(
                                    Set.of(RecordType.DECISION), Set.of(), Set.of(), Set.of(), Set.of(), null, null),
                            null,
                            1)
                    .items()
                    .get(0)
                    .iri();
            assertTrue(node.store().delete(gone));
            HarvestOutcome second = run.run(source, HarvestListener.NONE);
            assertTrue(second.ok(), second.error());
            assertEquals(1, second.counts().deleted(), second.counts().toString());
            assertFalse(portal.get(gone).isPresent());
            assertEquals(node.store().count(RecordQuery.ALL), portal.count(RecordQuery.ALL));
        }
    }
}
