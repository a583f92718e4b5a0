package org.chmexchange.node.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.config.NodeSettings;
import org.chmexchange.node.config.OaiConfig;
import org.chmexchange.node.config.SparqlSettings;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.testkit.harvest.HarvesterContractTest;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The harvester contract of the testkit for protocol {@code oai-pmh} ({@code rdf} format), against the OAI-PMH provider of a real CHM Exchange
 * node, 20 records a page: what the peer serves is written into its store (so its lists carry creates,
 * updates and tombstones), and a server error is a source URL whose server (WireMock) answers 500
 * to every request.
 */
class OaiPmhHarvesterContractTest extends HarvesterContractTest {

    private ChmNodeServer peer;
    private WireMockServer failing;
    private URI url;

    @BeforeEach
    void startPeer() {
        peer = ChmNodeServer.start(new NodeConfig(
                0,
                dir.resolve("peer"),
                null,
                false,
                NodeSettings.DEFAULT_MAX_REQUEST_BYTES,
                List.of(),
                null,
                List.of(),
                List.of(),
                SparqlSettings.DEFAULTS,
                new OaiConfig(null, "chm@example.org", 20)));
        url = URI.create(peer.baseIri());
    }

    @AfterEach
    void stopPeer() {
        peer.close();
        if (failing != null) {
            failing.stop();
        }
    }

    @Override
    protected HarvestSource source() {
        return new HarvestSource("oai-under-test", "oai-pmh", url.resolve("oai"), Map.of("metadataPrefix", "rdf"));
    }

    @Override
    protected void serve(Model records) {
        RecordStore store = peer.store();
        Set<IRI> keep = new HashSet<>(RecordMapper.recordSubjects(records));
        store.list(RecordQuery.ALL, null, 10_000).items().forEach(r -> {
            if (!keep.contains(r.iri())) {
                store.delete(r.iri());
            }
        });
        store.put(records, RecordStore.localGraph(peer.baseIri()));
    }

    @Override
    protected void failWithServerError() {
        failing = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        failing.start();
        failing.stubFor(any(anyUrl()).willReturn(serverError().withBody("broken")));
        url = URI.create("http://127.0.0.1:" + failing.port() + "/");
    }
}
