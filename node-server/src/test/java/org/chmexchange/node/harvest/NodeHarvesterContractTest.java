package org.chmexchange.node.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
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
 * The harvester contract of the testkit for a protocol a CHM Exchange node serves, against a real
 * node: what the node serves is written into its store (so its change feed and its OAI-PMH lists
 * carry creates, updates and tombstones), and a server error is a source URL whose server
 * (WireMock) answers 500 to every request. A subclass names the node's configuration and the source.
 */
abstract class NodeHarvesterContractTest extends HarvesterContractTest {

    private ChmNodeServer peer;
    private WireMockServer failing;
    private URI url;

    @BeforeEach
    void startPeer() {
        peer = ChmNodeServer.start(config(dir.resolve("peer")));
        url = URI.create(peer.baseIri());
    }

    @AfterEach
    void stopPeer() {
        peer.close();
        if (failing != null) {
            failing.stop();
        }
    }

    /** The node's configuration, with its data in {@code data}. */
    protected NodeConfig config(Path data) {
        return new NodeConfig(0, data, null, false);
    }

    /** The source of the node whose base URL is {@code base} (or of the failing server). */
    protected abstract HarvestSource source(URI base);

    @Override
    protected final HarvestSource source() {
        return source(url);
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
