package org.chmexchange.harvest.sparql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.chmexchange.harvest.HarvestTesting.recordsOf;
import static org.chmexchange.harvest.HarvestTesting.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.Request;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestFixture;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.harvest.HarvestTesting;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.model.RecordType;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is particular to SPARQL endpoints: paging across types, resuming, guards. Fuseki is the endpoint. */
class SparqlHarvesterTest extends HarvestFixture {

    private static SparqlServer server;

    /** Every request the harvester sent in the current test. */
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startServer() {
        server = new SparqlServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.resetProxy();
        server.serve(HarvestTesting.sample());
    }

    @Override
    protected HarvestContext context() {
        return new HarvestContext(
                HarvestTesting.HTTP
                        .newBuilder()
                        .addInterceptor(chain -> {
                            requests.add(chain.request());
                            return chain.proceed(chain.request());
                        })
                        .build(),
                1_000);
    }

    @Override
    protected HarvestSource source() {
        return server.source(server.endpoint(), Map.of("pageSize", "10"));
    }

    private HarvestSource proxied(String pageSize) {
        return server.source(server.proxied(), Map.of("pageSize", pageSize));
    }

    /** The sample records of a type, sorted by IRI. */
    private static List<IRI> sampleOf(RecordType type) {
        Model sample = HarvestTesting.sample();
        return sample.filter(null, RDF.TYPE, type.rdfClass()).subjects().stream()
                .map(IRI.class::cast)
                .sorted((a, b) -> a.stringValue().compareTo(b.stringValue()))
                .toList();
    }

    @Test
    void smallPagesCrossEveryTypeAndEndWithTheDeletionSweep() {
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();

        HarvestOutcome outcome = runner.run(server.source(server.endpoint(), Map.of("pageSize", "9")), recorder);

        assertOk(outcome);
        // 13 treaties, 18 meetings, 23 decisions, 14 documents in pages of 9, then the sweep page.
        assertEquals(2 + 2 + 3 + 2 + 1, outcome.counts().pages());
        assertEquals(List.of(9L, 4L, 9L, 9L, 9L, 9L, 5L, 9L, 5L, 0L), createdPerPage(recorder));
        assertEquals(68, outcome.counts().created());
        assertEquals(sorted(recordsOf(HarvestTesting.sample())), sorted(harvested()));
        // SELECTs: a full page asks for the next one (18 meetings: 9, 9, then an empty page), a short
        // page ends its type, and each of the 3 types without records costs one empty SELECT.
        long selects = requests.stream()
                .filter(r -> accept(r).equals(SparqlHarvester.SELECT_ACCEPT))
                .count();
        assertEquals(2 + 3 + 3 + 2 + 3, selects);
        assertEquals(9, requests.size() - selects, "one CONSTRUCT per page");
        assertTrue(requests.stream().allMatch(r -> r.method().equals("GET")), "short queries go by GET");
        assertEquals(HarvestState.EMPTY, runner.state(SparqlServer.NAME), "a finished run leaves no position");
    }

    @Test
    void longQueriesArePostedAsForms() {
        HarvestOutcome outcome = runner.run(server.source(server.endpoint(), Map.of()), HarvestListener.NONE);

        assertOk(outcome);
        assertEquals(68, outcome.counts().created());
        assertTrue(
                requests.stream().anyMatch(r -> r.method().equals("POST")),
                "the CONSTRUCT of 23 decisions is too long for a URL");
    }

    @Test
    void aResumedRunSkipsTheSweepAndTheNextFullRunDeletes() {
        List<IRI> treaties = sampleOf(RecordType.TREATY);
        List<IRI> meetings = sampleOf(RecordType.MEETING);
        List<IRI> decisions = sampleOf(RecordType.DECISION);
        // Pages of 10; crash after 3 pages: the 13 treaties and the first 10 meetings are committed.
        HarvestSource source = server.source(server.endpoint(), Map.of("pageSize", "10"));
        HarvestOutcome crashed = runner.run(source, HarvestTesting.crashAfter(3));
        assertFalse(crashed.ok());
        assertEquals(23, harvested().size());
        assertEquals(
                new HarvestState(
                        Map.of("type", "meeting", "last", meetings.get(9).stringValue())),
                runner.state(SparqlServer.NAME));

        // Meanwhile the endpoint deletes a treaty already harvested and a decision not yet harvested.
        IRI goneTreaty = treaties.get(0);
        IRI goneDecision = decisions.get(0);
        server.serve(HarvestTesting.without(HarvestTesting.without(HarvestTesting.sample(), goneTreaty), goneDecision));

        HarvestOutcome resumed = runner.run(source, HarvestListener.NONE);
        assertOk(resumed);
        assertEquals(68 - 23 - 1, resumed.counts().created(), "none read twice");
        assertEquals(0, resumed.counts().deleted(), "a resumed run cannot know what the crashed run saw");
        assertTrue(harvested().contains(goneTreaty));
        assertFalse(harvested().contains(goneDecision));
        assertEquals(HarvestState.EMPTY, runner.state(SparqlServer.NAME));

        HarvestOutcome full = runner.run(source, HarvestListener.NONE);
        assertOk(full);
        assertEquals(0, full.counts().created());
        assertEquals(1, full.counts().deleted());
        assertFalse(harvested().contains(goneTreaty));
        assertEquals(66, harvested().size());
    }

    @Test
    void aServerErrorInTheMiddleKeepsTheCommittedPagesAndTheNextRunResumes() {
        server.proxy.stubFor(get(urlPathEqualTo("/ds/query"))
                .atPriority(1)
                .withQueryParam("query", containing("ns#Decision>"))
                .willReturn(aResponse().withStatus(500).withBody("Decisions are out of order")));

        HarvestOutcome failed = runner.run(proxied("10"), HarvestListener.NONE);

        assertFalse(failed.ok());
        assertTrue(failed.error().contains("SELECT of chm:Decision records from the start"), failed.error());
        assertTrue(failed.error().contains("500: Decisions are out of order"), failed.error());
        assertTrue(failed.error().contains(server.proxied().toString()), failed.error());
        assertEquals(13 + 18, harvested().size(), "the treaty and meeting pages stay committed");
        List<IRI> meetings = sampleOf(RecordType.MEETING);
        assertEquals(
                new HarvestState(
                        Map.of("type", "meeting", "last", meetings.get(17).stringValue())),
                runner.state(SparqlServer.NAME));

        server.resetProxy();
        HarvestOutcome resumed = runner.run(proxied("10"), HarvestListener.NONE);
        assertOk(resumed);
        assertEquals(68 - 31, resumed.counts().created());
        assertEquals(68, harvested().size());
    }

    @Test
    void theRequestBudgetStopsARunThatResumesLater() {
        HarvestRun limited = new HarvestRun(
                store,
                validator,
                HarvestTesting.NODE_BASE,
                HarvesterRegistry.load(),
                new HarvestContext(HarvestTesting.HTTP, 3));

        HarvestOutcome stopped = limited.run(source(), HarvestListener.NONE);

        assertFalse(stopped.ok());
        assertTrue(stopped.error().contains("stopped after 3 requests"), stopped.error());
        assertEquals(1, stopped.counts().pages(), "SELECT, CONSTRUCT, SELECT, then the budget is spent");
        assertEquals(10, harvested().size());
        assertEquals(
                new HarvestState(Map.of(
                        "type",
                        "treaty",
                        "last",
                        sampleOf(RecordType.TREATY).get(9).stringValue())),
                runner.state(SparqlServer.NAME));
    }

    @Test
    void anEndpointThatIgnoresTheKeysetFilterIsStoppedInsteadOfLooping() {
        List<IRI> treaties = sampleOf(RecordType.TREATY).subList(0, 2);
        server.proxy.stubFor(any(anyUrl())
                .atPriority(1)
                .withHeader("Accept", equalTo(SparqlHarvester.SELECT_ACCEPT))
                .willReturn(json(
                        results(treaties.get(0).stringValue(), treaties.get(1).stringValue()))));

        HarvestOutcome outcome = runner.run(proxied("2"), HarvestListener.NONE);

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("broke keyset paging of chm:Treaty records"), outcome.error());
        assertEquals(1, outcome.counts().pages(), "the first page was fine");
        assertEquals(Set.copyOf(treaties), harvested());
    }

    @Test
    void aRecordWhoseIriCannotBeQueriedIsSkipped() {
        IRI treaty = sampleOf(RecordType.TREATY).get(0);
        String bad = HarvestTesting.SOURCE_BASE + "records/treaty/not an iri>";
        server.proxy.stubFor(any(anyUrl())
                .atPriority(1)
                .withHeader("Accept", equalTo(SparqlHarvester.SELECT_ACCEPT))
                .withQueryParam("query", containing("ns#Treaty>"))
                .withQueryParam("query", notContaining("STR(?s) >"))
                .willReturn(json(results(treaty.stringValue(), bad))));
        server.proxy.stubFor(any(anyUrl())
                .atPriority(2)
                .withHeader("Accept", equalTo(SparqlHarvester.SELECT_ACCEPT))
                .willReturn(json(results())));

        HarvestOutcome outcome = runner.run(proxied("2"), HarvestListener.NONE);

        assertOk(outcome);
        assertEquals(Set.of(treaty), harvested());
        String constructs = server.proxy.getAllServeEvents().stream()
                .map(e -> e.getRequest().getUrl())
                .filter(u -> u.contains("CONSTRUCT"))
                .collect(Collectors.joining());
        assertFalse(constructs.isEmpty());
        assertFalse(constructs.contains("not%20an%20iri"), constructs);
    }

    @Test
    void theGraphOptionReadsOneNamedGraph() {
        String graph = "http://national.example.org/graphs/published";
        Model decisions = new LinkedHashModel();
        HarvestTesting.sample()
                .filter(null, RDF.TYPE, CHM.Decision)
                .subjects()
                .forEach(
                        (Resource d) -> decisions.addAll(HarvestTesting.sample().filter(d, null, null)));
        server.serve(new LinkedHashModel());
        server.serveInGraph(graph, decisions);

        HarvestOutcome outcome = runner.run(
                server.source(server.endpoint(), Map.of("graph", graph, "pageSize", "5")), HarvestListener.NONE);

        assertOk(outcome);
        assertEquals(23, outcome.counts().created());
        assertTrue(requests.stream().allMatch(r -> graph.equals(r.url().queryParameter("default-graph-uri"))));
    }

    @Test
    void aSavedStateThatNamesNoKnownTypeFailsClearly() {
        store.setSetting("harvest:" + SparqlServer.NAME + ":state", "{\"type\":\"memo\",\"last\":\"x\"}");

        HarvestOutcome outcome = harvest();

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("unknown record type 'memo'"), outcome.error());
        assertTrue(requests.isEmpty());
    }

    @Test
    void nestedResourcesComeWithTheirRecord() {
        IRI document = sampleOf(RecordType.DOCUMENT).get(0);
        IRI file = Values.iri(document.stringValue() + "#file-1");
        Model sample = HarvestTesting.sample();
        sample.add(document, CHM.file, file);
        sample.add(file, RDF.TYPE, CHM.File);
        sample.add(
                file,
                org.eclipse.rdf4j.model.vocabulary.DCAT.DOWNLOAD_URL,
                Values.iri("https://files.example.org/doc-1.pdf"));
        server.serve(sample);

        HarvestOutcome outcome = runner.run(server.source(server.endpoint(), Map.of()), HarvestListener.NONE);

        assertOk(outcome);
        assertEquals(0, outcome.counts().dropped());
        assertTrue(store.get(document).orElseThrow().contains(file, null, null), "the file came with its document");
    }

    private static List<Long> createdPerPage(HarvestTesting.Recorder recorder) {
        return recorder.pages.stream().map(c -> c.created()).toList();
    }

    private static String accept(Request request) {
        String accept = request.header("Accept");
        return accept == null ? "" : accept;
    }

    private static String results(String... iris) {
        StringBuilder json = new StringBuilder("{\"head\":{\"vars\":[\"s\"]},\"results\":{\"bindings\":[");
        for (int i = 0; i < iris.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"s\":{\"type\":\"uri\",\"value\":\"")
                    .append(iris[i])
                    .append("\"}}");
        }
        return json.append("]}}").toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withHeader("Content-Type", "application/sparql-results+json")
                .withBody(body);
    }
}
