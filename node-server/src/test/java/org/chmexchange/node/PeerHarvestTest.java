package org.chmexchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node harvests another node on loopback through its change feed. */
class PeerHarvestTest {

    @TempDir
    static Path dirs;

    static ChmNodeServer source;
    static RecordValidator validator;

    @BeforeAll
    static void start() {
        source = ChmNodeServer.start(new NodeConfig(0, dirs.resolve("source"), null, true));
        validator = new RecordValidator();
    }

    @AfterAll
    static void stop() {
        source.close();
        validator.close();
    }

    static HarvestSource peer(String limit) {
        return new HarvestSource("source", "peer", URI.create(source.baseIri()), Map.of("limit", limit));
    }

    static Set<String> records(RecordStore store) {
        Set<String> iris = new TreeSet<>();
        store.list(RecordQuery.ALL, null, 1000)
                .items()
                .forEach(s -> iris.add(s.iri().stringValue()));
        return iris;
    }

    @Test
    void aHarvestKilledInTheMiddleResumesWithNothingLostOrDuplicated() {
        HarvestContext context = new HarvestContext(NodeFixture.HTTP, 10_000);
        try (RecordStore store = RecordStore.openEmbedded(dirs.resolve("portal"))) {
            HarvestRun runner =
                    new HarvestRun(store, validator, "http://portal.example.org/", HarvesterRegistry.load(), context);
            // The first run "crashes" after 3 pages of 10 changes.
            HarvestListener crash = new HarvestListener() {
                int pages;

                @Override
                public void pageCommitted(
                        HarvestSource s,
                        org.chmexchange.harvest.HarvestCounts page,
                        org.chmexchange.harvest.HarvestCounts total) {
                    if (++pages == 3) {
                        throw new IllegalStateException("simulated crash");
                    }
                }
            };
            HarvestOutcome crashed = runner.run(peer("10"), crash);
            assertFalse(crashed.ok());
            assertEquals(30, store.count(RecordQuery.ALL), "three pages committed, with their cursor");

            HarvestOutcome resumed = runner.run(peer("10"), HarvestListener.NONE);
            assertTrue(resumed.ok(), resumed.error());
            assertEquals(records(source.store()), records(store), "same records as the source, none lost");
            assertEquals(
                    source.store().count(RecordQuery.ALL) - 30, resumed.counts().created(), "none created twice");

            // An update and a delete at the source arrive with the next run.
            IRI decision = Values.iri(source.baseIri() + "records/decision/cbd-decision-15-4");
            Model m = source.store().get(decision).orElseThrow();
            m.remove(decision, DCTERMS.TITLE, null);
            m.add(decision, DCTERMS.TITLE, Values.literal("Kunming-Montreal GBF (revised title)", "en"));
            source.store().put(m, RecordStore.localGraph(source.baseIri()));
            IRI meeting = Values.iri(source.baseIri() + "records/meeting/cbd-wgri-05");
            assertTrue(source.store().delete(meeting));

            HarvestOutcome next = runner.run(peer("10"), HarvestListener.NONE);
            assertTrue(next.ok(), next.error());
            assertEquals(1, next.counts().updated());
            assertEquals(1, next.counts().deleted());
            assertTrue(store.get(decision)
                    .orElseThrow()
                    .contains(decision, DCTERMS.TITLE, Values.literal("Kunming-Montreal GBF (revised title)", "en")));
            assertTrue(store.get(meeting).isEmpty());
            assertEquals(records(source.store()), records(store));

            HarvestOutcome idle = runner.run(peer("10"), HarvestListener.NONE);
            assertEquals(0, idle.counts().pages(), "nothing new: no page committed");
            assertNull(idle.error());
            assertEquals(idle, runner.lastOutcome("source").orElseThrow());
        }
    }
}
