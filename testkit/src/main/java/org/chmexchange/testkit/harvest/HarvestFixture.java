package org.chmexchange.testkit.harvest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every harvester test needs: a fresh embedded {@link RecordStore} in a temporary folder per
 * test, a {@link HarvestRun} over it with the registry found on the class path, and the real
 * validator (shapes and thesaurus of the vocabularies), built once for the whole test run.
 */
@ExtendWith(HarvestFixture.ValidatorExtension.class)
public abstract class HarvestFixture {

    /** The validator of every harvester test class, closed when the test run ends. */
    protected static RecordValidator validator;

    @TempDir
    protected Path dir;

    protected RecordStore store;
    protected HarvestRun runner;

    /** Sets {@link #validator} before the class's tests. */
    public static final class ValidatorExtension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            HarvestTesting.quietHarvestLogs();
            validator = SharedValidator.of(context);
        }
    }

    @BeforeEach
    void openStore() {
        store = RecordStore.openEmbedded(dir.resolve("store"));
        runner = new HarvestRun(store, validator, HarvestTesting.NODE_BASE, HarvesterRegistry.load(), context());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** The source under test. */
    protected abstract HarvestSource source();

    /** The context of the runs; by default the test client and a budget of 1 000 requests. */
    protected HarvestContext context() {
        return new HarvestContext(HarvestTesting.HTTP, 1_000);
    }

    /** Harvests {@link #source()} once. */
    protected HarvestOutcome harvest() {
        return harvest(HarvestListener.NONE);
    }

    /** Harvests {@link #source()} once, telling {@code listener}. */
    protected HarvestOutcome harvest(HarvestListener listener) {
        return runner.run(source(), listener);
    }

    /** The records of the source's graph in the store. */
    protected Set<IRI> harvested() {
        return store.recordsIn(runner.graphOf(source().name()));
    }

    protected static void assertOk(HarvestOutcome outcome) {
        assertTrue(outcome.ok(), () -> "The run failed: " + outcome.error());
    }
}
