package org.chmexchange.node.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.testkit.harvest.HarvesterContractTest;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The harvester contract of the testkit for protocol {@code peer}, against a real CHM Exchange
 * node: what the peer serves is written into its store (so its change feed carries creates,
 * updates and tombstones), and a server error is a source URL whose server (WireMock) answers 500
 * to every request.
 */
class PeerHarvesterContractTest extends HarvesterContractTest {

    private ChmNodeServer peer;
    private WireMockServer failing;
    private URI url;

    @BeforeEach
    void startPeer() {
        peer = ChmNodeServer.start(new NodeConfig(0, dir.resolve("peer"), null, false));
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
        return new HarvestSource("peer-under-test", "peer", url, Map.of("limit", "20"));
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
