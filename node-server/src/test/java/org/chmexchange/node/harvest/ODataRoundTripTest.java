package org.chmexchange.node.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.model.Decision;
import org.chmexchange.model.Meeting;
import org.chmexchange.model.Record;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.store.RecordStore;
import org.chmexchange.testkit.harvest.HarvestFixture;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over InforMEA's protocol: a node serves the sample records at {@code /informea.svc}
 * (the Olingo provider, real HTTP), and the {@code odata} harvester of another store reads them: the
 * same records (IRIs, types, titles in every language, treaties, meetings, dates), then only what
 * changed, with the deletion arriving through the provider's {@code Tombstones} in an incremental
 * run.
 */
class ODataRoundTripTest extends HarvestFixture {

    private ChmNodeServer peer;

    @BeforeEach
    void startPeer() {
        peer = ChmNodeServer.start(new NodeConfig(0, dir.resolve("peer"), null, false));
        peer.store().put(HarvestTesting.sample(), RecordStore.localGraph(peer.baseIri()));
    }

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    @Override
    protected HarvestSource source() {
        return new HarvestSource(
                "peer",
                "odata",
                java.net.URI.create(peer.baseIri() + "informea.svc"),
                Map.of("base", peer.baseIri(), "treaty", "cbd"));
    }

    @Test
    void theHarvesterEndsWithTheSameRecordsThenOnlyTheChangesAndTheDeletion() {
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();
        HarvestOutcome first = harvest(recorder);
        assertOk(first);
        assertEquals(
                HarvestTesting.SAMPLE_RECORDS,
                first.counts().created(),
                () -> first + " " + recorder.notices + " " + recorder.rejected);
        // Treaties are keyed by the treaty's identifier (the spec's id), so their records are minted anew
        java.util.Set<IRI> treaties = new java.util.HashSet<>();
        java.util.Set<IRI> others = new java.util.HashSet<>();
        for (IRI iri : harvested()) {
            (iri.stringValue().startsWith(peer.baseIri() + "records/treaty/") ? treaties : others).add(iri);
        }
        assertEquals(HarvestTesting.SAMPLE_TREATIES, treaties.size());
        java.util.Set<IRI> servedOthers = new java.util.HashSet<>(HarvestTesting.recordsOf(HarvestTesting.sample()));
        servedOthers.removeIf(i -> i.stringValue().contains("/records/treaty/"));
        assertEquals(HarvestTesting.sorted(servedOthers), HarvestTesting.sorted(others), "the same IRIs");
        for (IRI iri : others) {
            Record served = RecordMapper.fromRdf(peer.store().get(iri).orElseThrow(), iri);
            Record read = RecordMapper.fromRdf(store.get(iri).orElseThrow(), iri);
            assertEquals(served.type(), read.type(), iri::toString);
            assertEquals(
                    served.common().title().isEmpty()
                            ? org.chmexchange.model.LangText.of(
                                    "en", served.common().identifier())
                            : served.common().title(),
                    read.common().title(),
                    iri + ": the title, or the identifier for a record without one");
            if (served instanceof Decision d) {
                Decision r = (Decision) read;
                assertEquals(d.common().identifier(), r.common().identifier(), "the number of " + iri);
                assertEquals(d.treaty(), r.treaty(), iri::toString);
                assertEquals(d.meeting(), r.meeting(), iri::toString);
                assertEquals(d.adopted(), r.adopted(), iri::toString);
                assertEquals(d.common().files(), r.common().files(), iri::toString);
            }
            if (served instanceof Meeting m) {
                assertEquals(m.treaty(), ((Meeting) read).treaty(), iri::toString);
                assertEquals(m.startDate(), ((Meeting) read).startDate(), iri::toString);
            }
        }

        HarvestOutcome again = harvest();
        assertOk(again);
        assertEquals(
                0,
                again.counts().created()
                        + again.counts().updated()
                        + again.counts().deleted(),
                again::toString);

        Model changed = HarvestTesting.retitled(HarvestTesting.sample(), HarvestTesting.DECISION, "Retitled decision");
        peer.store().put(changed, RecordStore.localGraph(peer.baseIri()));
        assertTrue(peer.store().delete(HarvestTesting.MEETING));
        HarvestOutcome third = harvest();
        assertOk(third);
        assertEquals(1, third.counts().updated(), third::toString);
        assertEquals(1, third.counts().deleted(), "the tombstone arrived: " + third);
        assertTrue(store.get(HarvestTesting.MEETING).isEmpty());
        assertTrue(runner.state("peer").get("since").orElseThrow().contains("Tombstones"));
        assertEquals(HarvestTesting.SAMPLE_RECORDS - 1, harvested().size());
    }
}
