package org.chmexchange.testkit.harvest;

import static org.chmexchange.testkit.harvest.HarvestTesting.DECISION;
import static org.chmexchange.testkit.harvest.HarvestTesting.MEETING;
import static org.chmexchange.testkit.harvest.HarvestTesting.OTHER_DECISION;
import static org.chmexchange.testkit.harvest.HarvestTesting.recordsOf;
import static org.chmexchange.testkit.harvest.HarvestTesting.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.ValidationReport;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.Test;

/**
 * The contract every harvester keeps (ARCHITECTURE.md lesson 11), run for each protocol by a
 * subclass that serves records from a real or fake server. Each test harvests into a fresh
 * embedded {@link RecordStore} through {@link HarvestRun}, the registry found on the class path,
 * and the real shapes and thesaurus ({@link HarvestFixture}). The source's name must stay the same
 * whatever it serves (it names the graph and the state).
 */
public abstract class HarvesterContractTest extends HarvestFixture {

    /** Makes the source serve exactly {@code records} from now on, replacing what it served. */
    protected abstract void serve(Model records);

    /** Makes every request to the source fail with a server error (HTTP 500) from now on. */
    protected abstract void failWithServerError();

    @Test
    public void theFirstHarvestLoadsEveryRecordIntoTheSourceGraph() {
        Model sample = HarvestTesting.sample();
        serve(sample);

        HarvestOutcome outcome = harvest();

        assertOk(outcome);
        assertEquals(HarvestTesting.SAMPLE_RECORDS, recordsOf(sample).size(), "the sample data");
        assertEquals(HarvestTesting.SAMPLE_RECORDS, outcome.counts().created());
        assertEquals(0, outcome.counts().rejected());
        assertEquals(sorted(recordsOf(sample)), sorted(harvested()));
        assertEquals(HarvestTesting.SAMPLE_RECORDS, store.count(RecordQuery.ALL));
        Model decision = store.get(DECISION).orElseThrow();
        assertTrue(decision.contains(
                DECISION, DCTERMS.TITLE, Values.literal("Kunming-Montreal Global Biodiversity Framework", "en")));
        assertEquals(outcome, runner.lastOutcome(source().name()).orElseThrow());
    }

    @Test
    public void harvestingAnUnchangedSourceAgainChangesNothing() {
        serve(HarvestTesting.sample());
        assertOk(harvest());
        long sequence = store.lastSequence();

        HarvestOutcome again = harvest();

        assertOk(again);
        assertEquals(0, again.counts().created());
        assertEquals(0, again.counts().updated());
        assertEquals(0, again.counts().deleted());
        assertEquals(HarvestTesting.SAMPLE_RECORDS, harvested().size());
        assertEquals(sequence, store.lastSequence(), "no change logged");
    }

    @Test
    public void anEmptySourceGivesASuccessfulEmptyHarvest() {
        serve(new LinkedHashModel());

        HarvestOutcome outcome = harvest();

        assertOk(outcome);
        assertEquals(0, outcome.counts().created());
        assertEquals(0, store.count(RecordQuery.ALL));
    }

    @Test
    public void updatesAndDeletionsAtTheSourceArrive() {
        Model sample = HarvestTesting.sample();
        serve(sample);
        assertOk(harvest());

        serve(HarvestTesting.without(HarvestTesting.retitled(sample, DECISION, "A revised title"), MEETING));
        HarvestOutcome outcome = harvest();

        assertOk(outcome);
        assertEquals(1, outcome.counts().updated());
        assertEquals(1, outcome.counts().deleted());
        assertEquals(0, outcome.counts().created());
        assertTrue(store.get(MEETING).isEmpty());
        assertTrue(store.get(DECISION)
                .orElseThrow()
                .contains(DECISION, DCTERMS.TITLE, Values.literal("A revised title", "en")));
        assertEquals(HarvestTesting.SAMPLE_RECORDS - 1, harvested().size());
    }

    @Test
    public void aServerErrorFailsTheRunClearlyAndCommitsNothing() {
        failWithServerError();

        HarvestOutcome outcome = harvest();

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains(source().name()), outcome.error());
        assertTrue(outcome.error().contains(source().url().toString()), outcome.error());
        assertTrue(outcome.error().contains("500"), outcome.error());
        assertEquals(0, outcome.counts().pages());
        assertEquals(0, store.count(RecordQuery.ALL));
        assertEquals(HarvestState.EMPTY, runner.state(source().name()));
    }

    @Test
    public void aServerErrorAfterAGoodHarvestKeepsWhatWasHarvested() {
        Model sample = HarvestTesting.sample();
        serve(sample);
        assertOk(harvest());
        HarvestState state = runner.state(source().name());
        long sequence = store.lastSequence();

        serve(HarvestTesting.without(sample, MEETING));
        failWithServerError();
        HarvestOutcome outcome = harvest();

        assertFalse(outcome.ok());
        assertNotNull(outcome.error());
        assertEquals(sorted(recordsOf(sample)), sorted(harvested()));
        assertEquals(sequence, store.lastSequence(), "nothing changed");
        assertEquals(state, runner.state(source().name()), "the state is the one of the last good run");
    }

    @Test
    public void anInvalidRecordIsReportedAndSkippedAndTheOthersAreStored() {
        serve(HarvestTesting.withInvalidDecision(HarvestTesting.sample(), OTHER_DECISION));
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();

        HarvestOutcome outcome = harvest(recorder);

        assertOk(outcome);
        assertEquals(Set.of(OTHER_DECISION), recorder.rejected.keySet());
        ValidationReport report = recorder.rejected.get(OTHER_DECISION);
        assertFalse(report.conforms());
        assertTrue(report.toString().contains("treaty"), report::toString);
        assertEquals(1, outcome.counts().rejected());
        assertEquals(HarvestTesting.SAMPLE_RECORDS - 1, outcome.counts().created());
        assertTrue(store.get(OTHER_DECISION).isEmpty());
        assertTrue(store.get(DECISION).isPresent());
    }
}
