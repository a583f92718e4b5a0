package org.chmexchange.harvest.sparql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.chmexchange.testkit.harvest.HarvestTesting.recordsOf;
import static org.chmexchange.testkit.harvest.HarvestTesting.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.model.RecordType;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** Paging across types and pages, resuming, failures in the middle of a run; Fuseki is the endpoint. */
class SparqlHarvesterTest extends SparqlFixture {

    @Test
    void smallPagesCrossEveryTypeAndEndWithTheDeletionSweep() {
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();

        HarvestOutcome outcome = runner.run(server.source(server.endpoint(), Map.of("pageSize", "9")), recorder);

        assertOk(outcome);
        // 24 treaties, 18 meetings, 23 decisions, 14 documents in pages of 9, then the sweep page.
        assertEquals(3 + 2 + 3 + 2 + 1, outcome.counts().pages());
        assertEquals(List.of(9L, 9L, 6L, 9L, 9L, 9L, 9L, 5L, 9L, 5L, 0L), createdPerPage(recorder));
        assertEquals(HarvestTesting.SAMPLE_RECORDS, outcome.counts().created());
        assertEquals(sorted(recordsOf(HarvestTesting.sample())), sorted(harvested()));
        // SELECTs: a full page asks for the next one (18 meetings: 9, 9, then an empty page), a short
        // page ends its type, and each of the 5 types without records costs one empty SELECT.
        long selects = requests.stream()
                .filter(r -> accept(r).equals(SparqlHarvester.SELECT_ACCEPT))
                .count();
        assertEquals(3 + 3 + 3 + 2 + 5, selects);
        assertEquals(10, requests.size() - selects, "one CONSTRUCT per page");
        assertTrue(requests.stream().allMatch(r -> r.method().equals("GET")), "short queries go by GET");
        assertEquals(HarvestState.EMPTY, runner.state(SparqlServer.NAME), "a finished run leaves no position");
    }

    @Test
    void withTheDefaultPageSizeLongQueriesArePostedAndNestedResourcesComeWithTheirRecord() {
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
        assertEquals(HarvestTesting.SAMPLE_RECORDS, outcome.counts().created());
        assertTrue(
                requests.stream().anyMatch(r -> r.method().equals("POST")),
                "the CONSTRUCT of 23 decisions is too long for a URL");
    }

    @Test
    void aResumedRunSkipsTheSweepAndTheNextFullRunDeletes() {
        List<IRI> treaties = sampleOf(RecordType.TREATY);
        List<IRI> meetings = sampleOf(RecordType.MEETING);
        List<IRI> decisions = sampleOf(RecordType.DECISION);
        // Pages of 10; crash after 4 pages: the 24 treaties and the first 10 meetings are committed.
        HarvestSource source = server.source(server.endpoint(), Map.of("pageSize", "10"));
        HarvestOutcome crashed = runner.run(source, HarvestTesting.crashAfter(4));
        assertFalse(crashed.ok());
        assertEquals(34, harvested().size());
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
        assertEquals(HarvestTesting.SAMPLE_RECORDS - 34 - 1, resumed.counts().created(), "none read twice");
        assertEquals(0, resumed.counts().deleted(), "a resumed run cannot know what the crashed run saw");
        assertTrue(harvested().contains(goneTreaty));
        assertFalse(harvested().contains(goneDecision));
        assertEquals(HarvestState.EMPTY, runner.state(SparqlServer.NAME));

        HarvestOutcome full = runner.run(source, HarvestListener.NONE);
        assertOk(full);
        assertEquals(0, full.counts().created());
        assertEquals(1, full.counts().deleted());
        assertFalse(harvested().contains(goneTreaty));
        assertEquals(HarvestTesting.SAMPLE_RECORDS - 2, harvested().size());
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
        assertEquals(24 + 18, harvested().size(), "the treaty and meeting pages stay committed");
        List<IRI> meetings = sampleOf(RecordType.MEETING);
        assertEquals(
                new HarvestState(
                        Map.of("type", "meeting", "last", meetings.get(17).stringValue())),
                runner.state(SparqlServer.NAME));

        server.resetProxy();
        HarvestOutcome resumed = runner.run(proxied("10"), HarvestListener.NONE);
        assertOk(resumed);
        assertEquals(HarvestTesting.SAMPLE_RECORDS - 42, resumed.counts().created());
        assertEquals(HarvestTesting.SAMPLE_RECORDS, harvested().size());
    }
}
