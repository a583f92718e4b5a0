package org.chmexchange.harvest.peer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A faulty peer (WireMock) for each fault of issue 3: each is retried or ends the run with a clear
 * error, and nothing is half-committed: the store holds whole pages and the saved cursor matches.
 */
class PeerHarvesterFaultTest {

    static final String NQ = "application/n-quads";
    static RecordValidator validator;
    static WireMockServer peer;
    static OkHttpClient http;

    @TempDir
    Path dir;

    RecordStore store;
    HarvestRun run;

    @BeforeAll
    static void startPeer() {
        validator = new RecordValidator();
        peer = new WireMockServer(wireMockConfig().dynamicPort());
        peer.start();
        http = HttpClients.create(HttpSettings.builder()
                .maxRetries(2)
                .baseBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(50))
                .readTimeout(Duration.ofMillis(400))
                .build());
    }

    @AfterAll
    static void stopPeer() {
        peer.stop();
        HttpClients.shutdown(http);
        validator.close();
    }

    @BeforeEach
    void openStore() {
        peer.resetAll();
        store = RecordStore.openEmbedded(dir);
        run = new HarvestRun(
                store, validator, "http://portal.example.org/", HarvesterRegistry.load(), new HarvestContext(http, 50));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    String root() {
        return "http://localhost:" + peer.port() + "/";
    }

    /** A change-feed page with one created decision per id, and its next link. */
    String page(String self, String next, String... ids) {
        StringBuilder nq = new StringBuilder();
        String g = " <urn:chm-exchange:changes> .\n";
        nq.append("<")
                .append(self)
                .append(
                        "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/ns/activitystreams#OrderedCollectionPage>")
                .append(g);
        nq.append("<")
                .append(self)
                .append("> <https://www.w3.org/ns/activitystreams#next> <")
                .append(next)
                .append(">")
                .append(g);
        int seq = 0;
        for (String id : ids) {
            seq++;
            String rec = root() + "records/decision/" + id;
            String act = root() + "changes/" + id.replaceAll("\\D", "") + seq;
            nq.append("<")
                    .append(act)
                    .append(
                            "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/ns/activitystreams#Create>")
                    .append(g);
            nq.append("<")
                    .append(act)
                    .append("> <https://www.w3.org/ns/activitystreams#object> <")
                    .append(rec)
                    .append(">")
                    .append(g);
            nq.append("<")
                    .append(rec)
                    .append(
                            "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/chm-exchange/ns#Decision> .\n");
            nq.append("<")
                    .append(rec)
                    .append("> <http://purl.org/dc/terms/identifier> \"")
                    .append(id)
                    .append("\" .\n");
            nq.append("<")
                    .append(rec)
                    .append("> <http://purl.org/dc/terms/title> \"Decision ")
                    .append(id)
                    .append("\"@en .\n");
            nq.append("<")
                    .append(rec)
                    .append(
                            "> <https://w3id.org/chm-exchange/ns#treaty> <https://w3id.org/chm-exchange/thesaurus/treaties/cbd> .\n");
            nq.append("<")
                    .append(rec)
                    .append(
                            "> <https://w3id.org/chm-exchange/ns#decisionType> <https://w3id.org/chm-exchange/thesaurus/decision-types/decision> .\n");
        }
        return nq.toString();
    }

    void stubPage(String cursor, String body) {
        peer.stubFor(get(urlPathEqualTo("/changes/page"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.equalTo(cursor))
                .willReturn(aResponse().withHeader("Content-Type", NQ).withBody(body)));
    }

    /** The first page (no cursor) has d1, d2 and points to cursor c2; c2 has d3 and points to c3, which is empty. */
    void stubHealthyFeed() {
        peer.stubFor(get(urlPathEqualTo("/changes/page"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(aResponse()
                        .withHeader("Content-Type", NQ)
                        .withBody(page(root() + "changes/page", root() + "changes/page?cursor=c2", "d1", "d2"))));
        stubPage("c2", page(root() + "changes/page?cursor=c2", root() + "changes/page?cursor=c3", "d3"));
        stubPage("c3", page(root() + "changes/page?cursor=c3", root() + "changes/page?cursor=c3"));
    }

    HarvestOutcome harvest() {
        return run.run(new HarvestSource("peer", "peer", URI.create(root()), Map.of()), HarvestListener.NONE);
    }

    @Test
    void aHealthyFeed() {
        stubHealthyFeed();
        HarvestOutcome outcome = harvest();
        assertTrue(outcome.ok(), outcome.error());
        assertEquals(3, store.count(RecordQuery.ALL));
    }

    @Test
    void a500IsRetried() {
        stubHealthyFeed();
        peer.stubFor(get(urlPathEqualTo("/changes/page"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.equalTo("c2"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("recovered"));
        peer.stubFor(get(urlPathEqualTo("/changes/page"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.equalTo("c2"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse()
                        .withHeader("Content-Type", NQ)
                        .withBody(page(root() + "changes/page?cursor=c2", root() + "changes/page?cursor=c3", "d3"))));
        HarvestOutcome outcome = harvest();
        assertTrue(outcome.ok(), outcome.error());
        assertEquals(3, store.count(RecordQuery.ALL));
    }

    @Test
    void a429WithRetryAfterIsHonoured() {
        stubHealthyFeed();
        peer.stubFor(get(urlPathEqualTo("/changes/page"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.equalTo("c2"))
                .inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("free"));
        peer.stubFor(get(urlPathEqualTo("/changes/page"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.equalTo("c2"))
                .inScenario("busy")
                .whenScenarioStateIs("free")
                .willReturn(aResponse()
                        .withHeader("Content-Type", NQ)
                        .withBody(page(root() + "changes/page?cursor=c2", root() + "changes/page?cursor=c3", "d3"))));
        long started = System.nanoTime();
        HarvestOutcome outcome = harvest();
        assertTrue(outcome.ok(), outcome.error());
        assertTrue(System.nanoTime() - started >= 900_000_000L, "waited for Retry-After");
        assertEquals(3, store.count(RecordQuery.ALL));
    }

    void failingSecondPage(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response, String expected) {
        stubHealthyFeed();
        peer.stubFor(get(urlPathEqualTo("/changes/page"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.equalTo("c2"))
                .willReturn(response));
        HarvestOutcome outcome = harvest();
        assertFalse(outcome.ok());
        assertTrue(outcome.error().toLowerCase().contains(expected), outcome.error());
        assertEquals(2, store.count(RecordQuery.ALL), "the first page is committed, the broken one not at all");
        assertEquals(1, outcome.counts().pages());
        assertEquals(
                root() + "changes/page?cursor=c2",
                run.state("peer").get("next").orElseThrow(),
                "the cursor points at the page that failed");

        // The peer recovers: the next run resumes at the broken page.
        peer.resetAll();
        stubHealthyFeed();
        HarvestOutcome resumed = harvest();
        assertTrue(resumed.ok(), resumed.error());
        assertEquals(3, store.count(RecordQuery.ALL));
        peer.verify(
                0,
                getRequestedFor(urlPathEqualTo("/changes/page"))
                        .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent()));
    }

    @Test
    void aConnectionResetFailsCleanlyAfterRetries() {
        failingSecondPage(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "failed");
    }

    @Test
    void aBrokenChunkedBodyFailsCleanly() {
        failingSecondPage(aResponse().withHeader("Content-Type", NQ).withFault(Fault.RANDOM_DATA_THEN_CLOSE), "");
    }

    @Test
    void malformedRdfFailsCleanly() {
        failingSecondPage(aResponse().withHeader("Content-Type", NQ).withBody("<a> <b> \"unterminated .\n"), "n-quads");
    }

    @Test
    void aPageThatTimesOutFailsCleanly() {
        failingSecondPage(
                aResponse()
                        .withHeader("Content-Type", NQ)
                        .withFixedDelay(1500)
                        .withBody(page(root() + "changes/page?cursor=c2", root() + "changes/page?cursor=c3", "d3")),
                "timeout");
    }

    @Test
    void aNextLinkToAnotherOriginIsNotFollowed() {
        stubHealthyFeed();
        stubPage(
                "c2",
                page(root() + "changes/page?cursor=c2", "http://elsewhere.example.org/changes/page?cursor=x", "d3"));
        HarvestOutcome outcome = harvest();
        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("another origin"), outcome.error());
        assertEquals(2, store.count(RecordQuery.ALL), "the page with the foreign link is not committed");
    }

    @Test
    void aRepeatedCursorStopsTheRun() {
        stubHealthyFeed();
        // The second page points back at itself although it had items: a loop.
        stubPage("c2", page(root() + "changes/page?cursor=c2", root() + "changes/page?cursor=c2", "d3"));
        HarvestOutcome outcome = harvest();
        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("Repeated cursor"), outcome.error());
        assertEquals(3, store.count(RecordQuery.ALL), "pages before the loop are kept");
    }
}
