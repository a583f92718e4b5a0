package org.chmexchange.node.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.node.replay.CbdFixtures;
import org.chmexchange.node.replay.CbdReplay;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.testkit.harvest.HarvestFixture;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol {@code cbd} against {@link CbdReplay}, a real HTTP server answering Solr queries with
 * Lucene's classic query parser, over the bundled fixture set (INCUMBENTS.md part A shapes, fictional
 * people): paging, incremental runs, the overlap, updates, a deletion found by the sweep, a revision
 * that went back, unknown terms, a record without {@code updatedDate_dt}, a body that is not JSON, 429
 * with Retry-After (WireMock in front), a crash between pages.
 */
class CbdHarvestTest extends HarvestFixture {

    /** Records of the bundled set the harvester can map: 16 index documents, one an old revision, one a person contact. */
    private static final int MAPPABLE = 14;

    private CbdReplay replay;
    private URI url;
    private final Map<String, String> options = new HashMap<>(Map.of("rows", "4"));

    @BeforeEach
    void startReplay() {
        replay = CbdReplay.start(CbdFixtures.bundled(), "127.0.0.1", 0);
        url = replay.url();
    }

    @AfterEach
    void stopReplay() {
        replay.close();
    }

    @Override
    protected HarvestSource source() {
        return new HarvestSource("cbd", "cbd", url, options);
    }

    @Override
    protected HarvestContext context() {
        return new HarvestContext(
                HttpClients.create(HttpSettings.builder()
                        .maxRetries(2)
                        .baseBackoff(Duration.ofMillis(10))
                        .maxRetryAfter(Duration.ofSeconds(2))
                        .build()),
                1_000);
    }

    private IRI record(String type, String id) {
        return Values.iri(url + "records/" + type + "/" + id);
    }

    private long requests(String pathPrefix) {
        return replay.requests().stream()
                .filter(r -> r.pathAndQuery().startsWith(pathPrefix))
                .count();
    }

    @Test
    void theFirstRunPagesThroughTheIndexAndStoresEveryMappableRecord() {
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();
        HarvestOutcome outcome = harvest(recorder);

        assertOk(outcome);
        assertEquals(MAPPABLE, outcome.counts().created(), outcome::toString);
        assertEquals(MAPPABLE, harvested().size());
        assertEquals(0, outcome.counts().rejected(), recorder.rejected::toString);
        assertTrue(outcome.counts().pages() >= 4, "rows=4 over 15 current documents: " + outcome.counts());
        // every request carried the realm
        assertTrue(replay.requests().stream().allMatch(r -> "chm".equals(r.realm())), replay.requests()::toString);
        // the canonical filters are on every index query
        assertTrue(replay.requests().stream()
                .filter(r -> r.pathAndQuery().startsWith("/api/v2013/index/select"))
                .allMatch(r -> r.pathAndQuery().contains("NOT%20version_s%3A*%20AND%20_state_s%3Apublic")));
        // the old revision (version_s) was not read: the focal point is at its current revision 4
        Model fp = store.get(record("focal-point", "F0C4A1P0-0001-4A7B-9C01-EXAMPLE00001"))
                .orElseThrow();
        assertTrue(fp.contains(
                null, CHM.cbdRevision, Values.literal("4", org.eclipse.rdf4j.model.vocabulary.XSD.INTEGER)));
        // reported, not silently dropped: the person contact, unknown terms, a bad e-mail and link
        String notices = String.join("\n", recorder.notices);
        assertTrue(notices.contains("C0NT4CT0-0013") && notices.contains("no record type"), notices);
        assertTrue(notices.contains("CPB-FP9"), notices);
        assertTrue(notices.contains("AICHI-TARGET-01-C2"), notices);
        assertTrue(notices.contains("not a url"), notices);
        assertTrue(outcome.counts().notices() >= 5, outcome::toString);
        // the unknown category is kept with the record
        Model cartagena = store.get(record("focal-point", "F0C4A1P0-0002-4A7B-9C01-EXAMPLE00002"))
                .orElseThrow();
        assertTrue(cartagena.contains(null, CHM.cbdTerm, Values.literal("CPB-FP9")));
        // the record without updatedDate_dt is there
        assertTrue(store.get(record("national-report", "N4T10N4L-0014-4A7B-9C01-EXAMPLE00014"))
                .isPresent());
        // decision -> meeting by IRI
        Model decision = store.get(record("decision", "SCBD-DEC-CBD-COP-15-04")).orElseThrow();
        assertTrue(decision.contains(null, CHM.meeting, record("meeting", "COP-15")));
        assertTrue(store.get(record("meeting", "COP-15")).isPresent());
    }

    @Test
    void aRecordIsFoundByEachOfItsCbdIdentifiers() {
        assertOk(harvest());
        IRI decision = record("decision", "SCBD-DEC-CBD-COP-15-04");
        for (String id : List.of(
                "SCBD-DEC-CBD-COP-15-04",
                "CBD/COP/DEC/15/4",
                "900007",
                "chm-dec-scbd-900007-1",
                "https://chm.cbd.int/database/record?documentID=900007")) {
            assertEquals(
                    List.of(decision),
                    store.list(RecordQuery.ALL.withIdentifiers(Set.of(id)), null, 10).items().stream()
                            .map(r -> r.iri())
                            .toList(),
                    id);
        }
        assertEquals(0, store.count(RecordQuery.ALL.withIdentifiers(Set.of("cbd/cop/dec/15/4"))), "case-sensitive");
    }

    @Test
    void anUnchangedIndexIsReadAgainOnlyInTheOverlapAndNoBodyIsFetchedTwice() {
        assertOk(harvest());
        long sequence = store.lastSequence();
        long bodies = requests("/api/v2013/documents/");

        HarvestOutcome again = harvest();

        assertOk(again);
        assertEquals(
                0,
                again.counts().created()
                        + again.counts().updated()
                        + again.counts().deleted(),
                again::toString);
        assertEquals(sequence, store.lastSequence(), "no change logged");
        assertEquals(bodies, requests("/api/v2013/documents/"), "the overlap's documents are known by their revision");
        String last = replay.requests().stream()
                .filter(r -> r.pathAndQuery().startsWith("/api/v2013/index/select"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .pathAndQuery();
        assertTrue(last.contains("updatedDate_dt"), "an incremental window: " + last);
    }

    @Test
    void aNewRevisionIsAppliedAndAnOlderOneNever() throws Exception {
        assertOk(harvest());
        String id = "N4T10N4L-0004-4A7B-9C01-EXAMPLE00004";
        IRI iri = record("national-report", id);
        ObjectNode doc =
                (ObjectNode) replay.fixtures().indexDoc(id).orElseThrow().deepCopy();
        ObjectNode body = (ObjectNode) replay.fixtures().body(id).orElseThrow().deepCopy();
        doc.put("_revision_i", 5).put("updatedDate_dt", "2024-06-01T00:00:00.000Z");
        body.putObject("title").put("en", "Sixth national report of Fiji, revised (example)");
        replay.fixtures().put(doc, body);

        HarvestOutcome updated = harvest();
        assertOk(updated);
        assertEquals(1, updated.counts().updated(), updated::toString);
        assertTrue(store.get(iri)
                .orElseThrow()
                .contains(
                        iri, DCTERMS.TITLE, Values.literal("Sixth national report of Fiji, revised (example)", "en")));

        // the index serves revision 2 again, with a newer date (a stale replica): the held revision 5 stays.
        // Within the overlap the harvester knows the revision it applied and does not fetch the body:
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();
        replay.fixtures().put(stale(doc, "2024-06-01T00:10:00.000Z"), staleBody(body));
        HarvestOutcome inOverlap = harvest(recorder);
        assertOk(inOverlap);
        assertEquals(0, inOverlap.counts().updated(), inOverlap::toString);
        assertTrue(String.join("\n", recorder.notices).contains("older than revision 5"), recorder.notices::toString);
        // Past the overlap (another record changed a day later), the store's revision gate refuses it:
        String other = "N4T10N4L-0005-4A7B-9C01-EXAMPLE00005";
        ObjectNode otherDoc =
                (ObjectNode) replay.fixtures().indexDoc(other).orElseThrow().deepCopy();
        otherDoc.put("_revision_i", 2).put("updatedDate_dt", "2024-08-01T00:00:00.000Z");
        replay.fixtures().put(otherDoc, replay.fixtures().body(other).orElseThrow());
        assertOk(harvest());
        replay.fixtures().put(stale(doc, "2024-09-01T00:00:00.000Z"), staleBody(body));
        HarvestOutcome back = harvest();
        assertOk(back);
        assertEquals(1, back.counts().rejected(), back::toString);
        assertEquals(0, back.counts().updated(), back::toString);
        assertTrue(store.get(iri)
                .orElseThrow()
                .contains(
                        iri, DCTERMS.TITLE, Values.literal("Sixth national report of Fiji, revised (example)", "en")));
    }

    private static ObjectNode stale(ObjectNode doc, String updated) {
        return doc.deepCopy().put("_revision_i", 2).put("updatedDate_dt", updated);
    }

    private static ObjectNode staleBody(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.putObject("title").put("en", "An older text");
        return copy;
    }

    @Test
    void theSweepFindsDeletionsAndRecordsWithoutADate() {
        assertOk(harvest());
        replay.fixtures().remove("N4T10N4L-0005-4A7B-9C01-EXAMPLE00005");
        ObjectNode undated = (ObjectNode) replay.fixtures()
                .indexDoc("N4T10N4L-0014-4A7B-9C01-EXAMPLE00014")
                .orElseThrow()
                .deepCopy();
        undated.put("id", "5f2b1c0e4a1b2c3d000000aa")
                .put("identifier_s", "N4T10N4L-0015-4A7B-9C01-EXAMPLE00015")
                .put("_documentId_i", 900015);
        ObjectNode body = (ObjectNode) replay.fixtures()
                .body("N4T10N4L-0014-4A7B-9C01-EXAMPLE00014")
                .orElseThrow()
                .deepCopy();
        ((ObjectNode) body.get("header")).put("identifier", "N4T10N4L-0015-4A7B-9C01-EXAMPLE00015");
        replay.fixtures().put(undated, body);

        HarvestOutcome notYet = harvest();
        assertOk(notYet);
        assertEquals(0, notYet.counts().deleted(), "the sweep runs once a day by default");

        options.put("sweepEvery", "PT0S");
        HarvestOutcome swept = harvest();
        assertOk(swept);
        assertEquals(1, swept.counts().deleted(), swept::toString);
        assertEquals(1, swept.counts().created(), "the undated record: " + swept);
        assertTrue(store.get(record("national-report", "N4T10N4L-0005-4A7B-9C01-EXAMPLE00005"))
                .isEmpty());
        assertTrue(store.get(record("national-report", "N4T10N4L-0015-4A7B-9C01-EXAMPLE00015"))
                .isPresent());
        assertEquals(MAPPABLE, harvested().size());
    }

    @Test
    void aDateInTheFutureAtTheSourceDoesNotHideTheChangesAfterIt() {
        String future = "N4T10N4L-0003-4A7B-9C01-EXAMPLE00003";
        replay.fixtures()
                .put(
                        ((ObjectNode) replay.fixtures()
                                        .indexDoc(future)
                                        .orElseThrow()
                                        .deepCopy())
                                .put("updatedDate_dt", "2099-01-01T00:00:00.000Z"),
                        null);
        assertOk(harvest());
        String id = "N4T10N4L-0004-4A7B-9C01-EXAMPLE00004";
        ObjectNode doc =
                (ObjectNode) replay.fixtures().indexDoc(id).orElseThrow().deepCopy();
        ObjectNode body = (ObjectNode) replay.fixtures().body(id).orElseThrow().deepCopy();
        doc.put("_revision_i", 9).put("updatedDate_dt", java.time.Instant.now().toString());
        body.putObject("title").put("en", "Changed after a future date");
        replay.fixtures().put(doc, body);

        HarvestOutcome outcome = harvest();

        assertOk(outcome);
        assertEquals(1, outcome.counts().updated(), outcome::toString);
    }

    @Test
    void aSweepThatFindsNothingDeletesNothing() {
        options.put("sweepEvery", "PT0S");
        assertOk(harvest());
        options.put("realm", "abs"); // a wrong realm: the index answers no document
        HarvestOutcome outcome = harvest();

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("wrong realm"), outcome.error());
        assertEquals(MAPPABLE, harvested().size());
    }

    @Test
    void aBodyThatIsNotJsonIsReportedAndReadAgainNextRun() {
        String id = "N4T10N4L-0006-4A7B-9C01-EXAMPLE00006";
        JsonNode good = replay.fixtures().body(id).orElseThrow();
        JsonNode doc = replay.fixtures().indexDoc(id).orElseThrow();
        replay.fixtures().put(doc, TextNode.valueOf("<html><body>Service Unavailable</body></html>"));
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();

        HarvestOutcome first = harvest(recorder);

        assertOk(first);
        assertEquals(MAPPABLE - 1, first.counts().created());
        assertTrue(
                String.join("\n", recorder.notices).contains("did not answer a JSON object"),
                recorder.notices::toString);
        assertEquals(id, runner.state("cbd").get("retry").orElse(""));

        replay.fixtures().put(doc, good);
        HarvestOutcome second = harvest();
        assertOk(second);
        assertEquals(1, second.counts().created(), second::toString);
        assertTrue(store.get(record("national-report", id)).isPresent());
        assertTrue(runner.state("cbd").get("retry").isEmpty());
    }

    @Test
    void aRunStoppedBetweenPagesGoesOnFromItsLastPage() {
        HarvestOutcome crashed = harvest(HarvestTesting.crashAfter(2));
        assertFalse(crashed.ok());
        int after = harvested().size();
        assertTrue(after > 0 && after < MAPPABLE, "part of the index: " + after);

        HarvestOutcome resumed = harvest();
        assertOk(resumed);
        assertEquals(MAPPABLE, harvested().size());
        assertEquals(MAPPABLE - after, resumed.counts().created(), resumed::toString);
    }

    @Test
    void tooManyRequestsIsWaitedForAsRetryAfterSays() {
        WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        try {
            String target = replay.url().toString();
            proxy.stubFor(any(anyUrl())
                    .inScenario("limit")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                    .willSetStateTo("open"));
            proxy.stubFor(any(anyUrl())
                    .inScenario("limit")
                    .whenScenarioStateIs("open")
                    .willReturn(aResponse().proxiedFrom(target.substring(0, target.length() - 1))));
            url = URI.create("http://127.0.0.1:" + proxy.port() + "/");
            options.put("base", replay.url().toString());

            HarvestOutcome outcome = harvest();

            assertOk(outcome);
            assertEquals(MAPPABLE, outcome.counts().created());
            assertEquals(
                    1,
                    proxy.getAllServeEvents().stream()
                            .filter(e -> e.getResponse().getStatus() == 429)
                            .count());
        } finally {
            proxy.stop();
        }
    }

    @Test
    void anIndexAnswerThatIsNotSolrFailsTheRunClearlyAndCommitsNothing() {
        WireMockServer broken = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        broken.start();
        try {
            broken.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
            url = URI.create("http://127.0.0.1:" + broken.port() + "/");

            HarvestOutcome outcome = harvest();

            assertFalse(outcome.ok());
            assertTrue(outcome.error().contains("is not a Solr response"), outcome.error());
            assertTrue(outcome.error().contains("not JSON"), outcome.error());
            assertEquals(0, store.count(RecordQuery.ALL));
        } finally {
            broken.stop();
        }
    }

    @Test
    void unknownOrInvalidOptionsAreRefusedByName() {
        options.put("schema", "decision");
        HarvestOutcome outcome = harvest();
        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("unknown option 'schema'"), outcome.error());
        options.remove("schema");
        options.put("schemas", "decision,nationalTarget");
        outcome = harvest();
        assertTrue(outcome.error().contains("nationalTarget"), outcome.error());
        options.put("schemas", "decision");
        options.put("overlap", "an hour");
        outcome = harvest();
        assertTrue(outcome.error().contains("ISO 8601 duration"), outcome.error());
    }

    @Test
    void theSchemasAndGovernmentOptionsNarrowTheHarvest() {
        options.put("schemas", "nationalReport,nationalReport6,nbsap");
        options.put("government", "CA,fj");
        assertOk(harvest());
        assertEquals(
                Set.of(
                        record("national-report", "N4T10N4L-0004-4A7B-9C01-EXAMPLE00004"),
                        record("national-report", "N4T10N4L-0006-4A7B-9C01-EXAMPLE00006")),
                harvested());
    }
}
