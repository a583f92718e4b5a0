package org.chmexchange.node.http;

import static org.chmexchange.node.NodeFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.store.RecordStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change feed on a node with the sample data; the tests run in order on one node. */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ChangesApiTest {

    @TempDir
    static Path dataDir;

    static ChmNodeServer node;
    static String root;
    static long sampleRecords;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true));
        root = "http://localhost:" + node.port() + "/";
        sampleRecords = node.store().count(org.chmexchange.store.RecordQuery.ALL);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** Follows next links until an empty page; returns the activities and the final next URL. */
    static List<JsonNode> crawl(String url, List<String> lastNext) {
        List<JsonNode> items = new ArrayList<>();
        while (true) {
            Reply r = get(url, null);
            assertEquals(200, r.status(), r.body());
            JsonNode page = r.json();
            assertEquals("OrderedCollectionPage", page.get("type").asText());
            page.get("orderedItems").forEach(items::add);
            String next = page.get("next").asText();
            if (page.get("orderedItems").isEmpty()) {
                lastNext.add(next);
                return items;
            }
            url = next;
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theCollectionAndEveryCreateOfTheSampleData() {
        JsonNode collection = get(root + "changes", null).json();
        assertEquals("OrderedCollection", collection.get("type").asText());
        assertEquals(sampleRecords, collection.get("totalItems").asLong());
        List<String> next = new ArrayList<>();
        List<JsonNode> items = crawl(collection.get("first").get("id").asText() + "?limit=10", next);
        assertEquals(sampleRecords, items.size());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(root + "changes/" + (i + 1), items.get(i).get("id").asText());
            assertEquals("Create", items.get(i).get("type").asText());
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void fullPagesAreImmutableAndTheNewestRevalidates() {
        Reply full = get(root + "changes/page?limit=5", null);
        assertTrue(full.header("Cache-Control").contains("immutable"));
        Reply newest = get(root + "changes/page?limit=1000", null);
        assertEquals("no-cache", newest.header("Cache-Control"));
        Reply notModified = NodeFixture.call(new okhttp3.Request.Builder()
                .url(root + "changes/page?limit=1000")
                .header("If-None-Match", newest.header("ETag"))
                .build());
        assertEquals(304, notModified.status());
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void anUpdateAndADeleteArriveAfterTheResumptionPoint() {
        List<String> resume = new ArrayList<>();
        crawl(root + "changes/page?treaty=cbd&limit=7", resume);
        IRI decision = Values.iri(node.baseIri() + "records/decision/cbd-decision-15-4");
        Model m = node.store().get(decision).orElseThrow();
        m.remove(decision, DCTERMS.TITLE, null);
        m.add(decision, DCTERMS.TITLE, Values.literal("Cadre mondial de la biodiversité de Kunming-Montréal", "fr"));
        node.store().put(m, RecordStore.localGraph(node.baseIri()));
        IRI document = Values.iri(node.baseIri() + "records/document/unep-cbd-cop-13-inf-21");
        assertTrue(node.store().delete(document));
        node.store()
                .put(
                        node.store()
                                .get(Values.iri(node.baseIri() + "records/treaty/cms"))
                                .orElseThrow(),
                        RecordStore.localGraph(node.baseIri())); // unchanged: no activity

        List<String> again = new ArrayList<>();
        List<JsonNode> news = crawl(resume.get(0), again);
        assertEquals(2, news.size(), news.toString());
        assertEquals("Update", news.get(0).get("type").asText());
        assertEquals(decision.stringValue(), news.get(0).get("object").get("id").asText());
        assertEquals("Delete", news.get(1).get("type").asText());
        assertEquals("Document", news.get(1).get("object").get("type").asText());

        Reply gone = get(root + "records/document/unep-cbd-cop-13-inf-21", "text/turtle");
        RecordApiTest.assertProblem(gone, 410);
        Reply one = get(news.get(1).get("id").asText(), null);
        assertEquals(200, one.status());
        assertEquals("Delete", one.json().get("type").asText());
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void filtersAndBadParameters() {
        List<String> next = new ArrayList<>();
        for (JsonNode a : crawl(root + "changes/page?type=meeting&limit=4", next)) {
            assertTrue(a.get("object").get("type").asText().equals("Meeting"));
        }
        String cursor = next.get(0).substring(next.get(0).indexOf("cursor=") + 7);
        RecordApiTest.assertProblem(get(root + "changes/page?type=decision&cursor=" + cursor, null), 400);
        RecordApiTest.assertProblem(get(root + "changes/page?limit=0", null), 400);
        RecordApiTest.assertProblem(get(root + "changes/page?sort=x", null), 400);
        RecordApiTest.assertProblem(get(root + "changes/99999", null), 404);
    }

    @Test
    void aHostHeaderNeverNamesAnythingInTheFeed() {
        Reply reply = NodeFixture.call(new okhttp3.Request.Builder()
                .url(root + "changes/page?limit=1")
                .header("Host", "evil.example")
                .header("Accept", "application/n-quads")
                .build());
        assertEquals(200, reply.status(), reply.body());
        assertTrue(!reply.body().contains("evil.example"), reply.body());
        assertTrue(reply.body().contains("<" + root + "changes/page?limit=1>"), reply.body());
    }
}
