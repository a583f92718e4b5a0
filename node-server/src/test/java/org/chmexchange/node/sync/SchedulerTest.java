package org.chmexchange.node.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.chmexchange.harvest.HarvestException;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestProtocol;
import org.chmexchange.harvest.HarvesterFactory;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.node.config.SourceEntry;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.memory.MemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler with a harvester that blocks until the test lets it go: no HTTP, no node. */
class SchedulerTest {

    static RecordValidator validator;

    @TempDir
    Path dir;

    @BeforeAll
    static void validator() {
        validator = new RecordValidator();
    }

    @AfterAll
    static void close() {
        validator.close();
    }

    /** A protocol whose runs count themselves and wait for {@link #release}. */
    static final class Blocking implements HarvesterFactory {
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public HarvestProtocol protocol() {
            return new HarvestProtocol("blocking", "waits for the test");
        }

        @Override
        public org.chmexchange.harvest.Harvester create(
                org.chmexchange.harvest.HarvestSource source, org.chmexchange.harvest.HarvestContext context) {
            return (state, sink) -> {
                runs.incrementAndGet();
                try {
                    if (!release.await(20, TimeUnit.SECONDS)) {
                        throw new HarvestException("the test never released the harvest");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new HarvestException("interrupted while waiting", e);
                }
            };
        }
    }

    Sync sync(Blocking protocol, Duration schedule) {
        SourceEntry entry = new SourceEntry("slow", "blocking", "http://slow.example.org/", schedule, null, Map.of());
        SyncPlan plan = SyncPlan.of(List.of(entry), List.of(), Map.of(), HarvesterRegistry.of(List.of(protocol)));
        SailRepository repository = new SailRepository(new MemoryStore());
        repository.init();
        RecordStore store = RecordStore.open(repository, dir.resolve("index"));
        stores.add(store);
        return Sync.open(plan, store, validator, "http://node.example.org/");
    }

    final List<RecordStore> stores = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeStores() {
        stores.forEach(RecordStore::close);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aRunNeverOverlapsItselfAndTheScheduleGoesOnAfterIt() throws InterruptedException {
        Blocking protocol = new Blocking();
        try (Sync sync = sync(protocol, Duration.ofMillis(100));
                Scheduler scheduler = new Scheduler(sync, Duration.ofMillis(10), Duration.ofSeconds(5))) {
            scheduler.start();
            await("the first scheduled run started", () -> protocol.runs.get() == 1);
            assertTrue(sync.sourceStatus("slow").running());
            Thread.sleep(500); // five turns of the schedule
            assertEquals(1, protocol.runs.get(), "scheduled runs are skipped while one is running");
            assertEquals(Scheduler.Trigger.ALREADY_RUNNING, scheduler.trigger(JobKind.HARVEST, "slow"));
            assertEquals(Scheduler.Trigger.UNKNOWN, scheduler.trigger(JobKind.HARVEST, "other"));
            assertEquals(Scheduler.Trigger.UNKNOWN, scheduler.trigger(JobKind.PUBLISH, "slow"));

            protocol.release.countDown();
            await("the schedule ran it again", () -> protocol.runs.get() >= 3);
            HarvestOutcome last = sync.sourceStatus("slow").lastRun();
            assertNotNull(last);
            assertTrue(last.ok(), last.error());
            assertNotNull(sync.sourceStatus("slow").lastSuccess());
        }
    }

    @Test
    void closeWaitsForARunningHarvestThenCancelsIt() throws InterruptedException {
        Blocking protocol = new Blocking();
        try (Sync sync = sync(protocol, null)) {
            Scheduler scheduler = new Scheduler(sync, Duration.ofMillis(10), Duration.ofMillis(300));
            scheduler.start();
            assertEquals(Scheduler.Trigger.ACCEPTED, scheduler.trigger(JobKind.HARVEST, "slow"));
            await("the triggered run started", () -> protocol.runs.get() == 1);
            long start = System.nanoTime();
            scheduler.close();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 250 && millis < 5_000, "waited for the bound, then cancelled: " + millis + " ms");
            HarvestOutcome outcome = sync.sourceStatus("slow").lastRun();
            assertFalse(outcome.ok(), "the cancelled run ended with an error");
            assertFalse(sync.sourceStatus("slow").running());
            assertEquals(Scheduler.Trigger.STOPPING, scheduler.trigger(JobKind.HARVEST, "slow"));
        }
    }
}
