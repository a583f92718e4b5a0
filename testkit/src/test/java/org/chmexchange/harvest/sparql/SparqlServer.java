package org.chmexchange.harvest.sparql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * A real SPARQL 1.1 endpoint: Apache Jena Fuseki, embedded on a free port over an in-memory
 * dataset; and a WireMock server in front of it ({@link #proxy}) that forwards every request to
 * Fuseki unless a test adds a stub (a fault, a server error) with a higher priority.
 */
final class SparqlServer implements AutoCloseable {

    static final String NAME = "national-sparql";

    /** Priority of the stub that forwards to Fuseki; test stubs use 1 to 9 to come first. */
    static final int PROXY_PRIORITY = 10;

    final DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
    final FusekiServer fuseki;
    final WireMockServer proxy;

    SparqlServer() {
        fuseki = FusekiServer.create().port(0).add("/ds", dataset).build().start();
        proxy = new WireMockServer(WireMockConfiguration.options().dynamicPort().gzipDisabled(true));
        proxy.start();
        resetProxy();
    }

    /** The query endpoint of Fuseki. */
    URI endpoint() {
        return URI.create("http://localhost:" + fuseki.getPort() + "/ds/query");
    }

    /** The same endpoint, through the proxy. */
    URI proxied() {
        return URI.create(proxy.url("/ds/query"));
    }

    /** The source {@value #NAME} at {@code endpoint}. */
    HarvestSource source(URI endpoint, Map<String, String> options) {
        return new HarvestSource(NAME, "sparql", endpoint, options);
    }

    /** Replaces the default graph of the dataset with {@code records}. */
    void serve(Model records) {
        String nt = HarvestTesting.write(records, RDFFormat.NTRIPLES);
        Txn.executeWrite(dataset, () -> {
            dataset.clear();
            RDFParser.create().fromString(nt).lang(Lang.NTRIPLES).parse(dataset.getDefaultGraph());
        });
    }

    /** Replaces the named graph {@code graph} of the dataset with {@code records}. */
    void serveInGraph(String graph, Model records) {
        String nt = HarvestTesting.write(records, RDFFormat.NTRIPLES);
        Txn.executeWrite(dataset, () -> {
            org.apache.jena.graph.Node name = org.apache.jena.graph.NodeFactory.createURI(graph);
            dataset.removeGraph(name);
            org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            RDFParser.create().fromString(nt).lang(Lang.NTRIPLES).parse(g);
            dataset.addGraph(name, g);
        });
    }

    /** Removes the test stubs and the request journal: the proxy forwards everything again. */
    void resetProxy() {
        proxy.resetAll();
        proxy.stubFor(any(anyUrl())
                .atPriority(PROXY_PRIORITY)
                .willReturn(aResponse().proxiedFrom("http://localhost:" + fuseki.getPort())));
    }

    @Override
    public void close() {
        proxy.stop();
        fuseki.stop();
    }
}
