package org.chmexchange.harvest.sparql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.util.Map;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.testkit.harvest.HarvesterContractTest;
import org.eclipse.rdf4j.model.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The harvester contract for protocol {@code sparql}, against Fuseki (a real SPARQL 1.1 endpoint),
 * 20 records a page so every run crosses pages and types; server errors come from WireMock in front of it.
 */
class SparqlHarvesterContractTest extends HarvesterContractTest {

    private static SparqlServer server;

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
    }

    @Override
    protected HarvestSource source() {
        return server.source(server.proxied(), Map.of("pageSize", "20"));
    }

    @Override
    protected void serve(Model records) {
        server.serve(records);
    }

    @Override
    protected void failWithServerError() {
        server.proxy.stubFor(any(anyUrl())
                .atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("out of order")));
    }
}
