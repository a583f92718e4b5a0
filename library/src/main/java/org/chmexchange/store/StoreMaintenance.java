package org.chmexchange.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts a store on a schedule when its {@link CompactionPolicy} says it is due: one daemon thread,
 * {@code chm-store-maintenance}, checks every {@code every} (the time between the end of a check and
 * the start of the next), the first check one {@code every} after {@link #start}. A check measures the
 * store's files (cheap: a directory listing) and compacts only when due; while it compacts, writes
 * wait (harvest pages, publishing requests) and reads go on. A failed check is logged at WARN with
 * its cause and the schedule goes on; a compaction is logged at INFO by the store.
 *
 * <pre>{@code
 * try (StoreMaintenance maintenance = StoreMaintenance.start(store, CompactionPolicy.DEFAULT, Duration.ofMinutes(10))) {
 *     ... harvest, serve ...
 * }
 * }</pre>
 *
 * <p>Thread-safety: {@link #checkNow} may be called from any thread (checks never overlap: they run
 * under this object's lock). Lifecycle: {@link #close()} stops the schedule and waits for a check
 * that is running (a compaction is not interrupted: it ends, or the process dies and the store
 * reopens whole); close it before the store.
 */
public final class StoreMaintenance implements AutoCloseable {

    /**
     * The node's default time between two checks: {@code PT1M}. A check lists the store's files and
     * costs next to nothing; a long time between checks lets a large harvest grow the folder by
     * gigabytes before the check sees it (DumpBenchmark: 606 MiB to 3,396 MiB within 2 minutes).
     */
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);

    private final RecordStore store;
    private final CompactionPolicy policy;
    private final ScheduledThreadPoolExecutor pool;

    private StoreMaintenance(RecordStore store, CompactionPolicy policy, ScheduledThreadPoolExecutor pool) {
        this.store = store;
        this.policy = policy;
        this.pool = pool;
    }

    /**
     * Starts checking {@code store} every {@code every}.
     *
     * @param store the store; not closed by this class
     * @param policy when to compact; not null
     * @param every time between two checks, positive
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public static StoreMaintenance start(RecordStore store, CompactionPolicy policy, Duration every) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(policy, "policy");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("The time between two checks must be positive: " + every);
        }
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "chm-store-maintenance");
            t.setDaemon(true);
            return t;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        StoreMaintenance maintenance = new StoreMaintenance(store, policy, pool);
        pool.scheduleWithFixedDelay(
                maintenance::scheduledCheck, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return maintenance;
    }

    /**
     * Checks now, on the caller's thread: compacts if the policy says the store is due.
     *
     * @return the compaction, or empty if none was due
     * @throws StoreException if measuring or compacting fails (the store is then as before)
     */
    public synchronized Optional<Compaction> checkNow() {
        return policy.compactIfDue(store);
    }

    private void scheduledCheck() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            LOG.warn("The store compaction check failed; the next check comes on schedule", e);
        }
    }

    /** Stops the schedule and waits for a running check to end; restores the interrupt flag if interrupted. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.info("Waiting for a store compaction to end before closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while waiting for a store compaction to end");
        }
    }
}
