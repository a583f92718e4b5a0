package org.chmexchange.harvest.sparql;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.SettingKey;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** The guards of the sparql harvester and its options, with Fuseki and fakes of broken endpoints. */
class SparqlGuardsTest extends SparqlFixture {

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
    void aSavedStateThatNamesNoKnownTypeFailsClearly() {
        store.setSetting(SettingKey.harvestState(SparqlServer.NAME), "{\"type\":\"memo\",\"last\":\"x\"}");

        HarvestOutcome outcome = harvest();

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("unknown record type 'memo'"), outcome.error());
        assertTrue(requests.isEmpty());
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
                server.source(server.endpoint(), Map.of("graph", graph, "pageSize", "25")), HarvestListener.NONE);

        assertOk(outcome);
        assertEquals(23, outcome.counts().created());
        assertTrue(requests.stream().anyMatch(r -> r.method().equals("POST")));
        assertTrue(requests.stream().allMatch(r -> graph.equals(parameter(r, "default-graph-uri"))));
    }
}
