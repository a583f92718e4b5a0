package org.chmexchange.node.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each source and each publish target on its schedule, and on demand ({@link #trigger}).
 *
 * <ul>
 *   <li>A schedule is the time between the <em>end</em> of a run and the start of the next ({@link
 *       java.util.concurrent.ScheduledExecutorService#scheduleWithFixedDelay}); the first run starts
 *       {@link #DEFAULT_FIRST_RUN} after {@link #start()} (or after the schedule, if shorter). An entry
 *       without a schedule runs on demand only.
 *   <li>Never two runs of the same source or target at once: a scheduled run that comes while a run
 *       of the same entry is accepted or running is skipped (logged at INFO); its next turn is one
 *       schedule after that skip. A {@link #trigger} in that state answers {@link
 *       Trigger#ALREADY_RUNNING}. Nothing is queued twice.
 *   <li>Runs of different entries may overlap: harvests and publications have a pool of daemon
 *       threads each, one per entry up to {@value #MAX_THREADS_PER_KIND}.
 *   <li>Runs never throw out of the scheduler: {@link Sync} turns failures into outcomes, and the
 *       scheduler logs each outcome in one line: WARN for a failed run (with the error), INFO for a
 *       run that did something, DEBUG for one that found nothing new. Anything else is logged here
 *       with its stack trace, and the schedule goes on.
 * </ul>
 *
 * <p>Thread-safety: {@link #trigger} is safe from any thread (HTTP handlers). Lifecycle: {@link
 * #start()} once, {@link #close()} once; close stops the schedules, drops accepted runs that have not
 * started, and waits up to the close timeout for running ones; then it cancels their HTTP calls
 * (they end with an error, their committed pages stay) and waits a little more. The {@link Sync} stays
 * open: its owner closes it after this.
 */
public final class Scheduler implements AutoCloseable {

    /** Delay of the first scheduled run after {@link #start()}: {@code PT1S}. */
    public static final Duration DEFAULT_FIRST_RUN = Duration.ofSeconds(1);

    /** How long {@link #close()} waits for running harvests by default: {@code PT30S}. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** The most threads per kind of run. */
    public static final int MAX_THREADS_PER_KIND = 4;

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final Duration AFTER_CANCEL = Duration.ofSeconds(5);

    /** What became of a run asked for with {@link #trigger}. */
    public enum Trigger {
        /** Accepted: it runs as soon as a thread is free. */
        ACCEPTED,
        /** A run of this source or target is already accepted or running; nothing was queued. */
        ALREADY_RUNNING,
        /** No source or target has this name. */
        UNKNOWN,
        /** The node is stopping. */
        STOPPING
    }

    private final Sync sync;
    private final Duration firstRun;
    private final Duration closeTimeout;
    private final ScheduledThreadPoolExecutor harvests;
    private final ScheduledThreadPoolExecutor publications;
    private boolean started;

    /**
     * A scheduler with the default first-run delay and close timeout.
     *
     * @param sync the machinery that runs; not closed by this class
     */
    public Scheduler(Sync sync) {
        this(sync, DEFAULT_FIRST_RUN, DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * @param sync the machinery that runs; not closed by this class
     * @param firstRun delay of the first scheduled run after {@link #start()} (capped by each schedule)
     * @param closeTimeout how long {@link #close()} waits for running runs before cancelling them
     */
    public Scheduler(Sync sync, Duration firstRun, Duration closeTimeout) {
        this.sync = Objects.requireNonNull(sync, "sync");
        this.firstRun = Objects.requireNonNull(firstRun, "firstRun");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        this.harvests = pool("chm-harvest", sync.plan().sources().size());
        this.publications = pool("chm-publish", sync.plan().targets().size());
    }

    private static ScheduledThreadPoolExecutor pool(String name, int entries) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ScheduledThreadPoolExecutor pool =
                new ScheduledThreadPoolExecutor(Math.max(1, Math.min(entries, MAX_THREADS_PER_KIND)), threads);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /** The machinery this scheduler runs. */
    public Sync sync() {
        return sync;
    }

    /**
     * Schedules every source and target that has a schedule.
     *
     * @throws IllegalStateException if called twice
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("The scheduler was started already");
        }
        started = true;
        for (SyncPlan.Source s : sync.plan().sources()) {
            s.schedule().ifPresent(every -> schedule(harvests, JobKind.HARVEST, s.name(), every));
        }
        for (SyncPlan.Target t : sync.plan().targets()) {
            t.schedule().ifPresent(every -> schedule(publications, JobKind.PUBLISH, t.name(), every));
        }
    }

    private void schedule(ScheduledThreadPoolExecutor pool, JobKind kind, String name, Duration every) {
        long first = Math.min(firstRun.toMillis(), every.toMillis());
        pool.scheduleWithFixedDelay(() -> scheduled(kind, name), first, every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Scheduled {} {} every {} (between the end of a run and the next)", kind.verb(), name, every);
    }

    private void scheduled(JobKind kind, String name) {
        if (!sync.claim(kind, name)) {
            LOG.info("Scheduled {} of {} skipped: a run of it is still going", kind.verb(), name);
            return;
        }
        run(kind, name);
    }

    /**
     * Asks for a run now, on a scheduler thread.
     *
     * @param kind harvest a source or publish to a target
     * @param name the source or target
     * @return whether it was accepted, and if not why
     */
    public Trigger trigger(JobKind kind, String name) {
        if (!sync.knows(kind, name)) {
            return Trigger.UNKNOWN;
        }
        ScheduledThreadPoolExecutor pool = kind == JobKind.HARVEST ? harvests : publications;
        if (pool.isShutdown()) {
            return Trigger.STOPPING;
        }
        if (!sync.claim(kind, name)) {
            return Trigger.ALREADY_RUNNING;
        }
        try {
            pool.execute(() -> run(kind, name));
        } catch (RejectedExecutionException e) {
            sync.release(kind, name);
            LOG.info("{} of {} not started: the node is stopping ({})", kind.verb(), name, e.toString());
            return Trigger.STOPPING;
        }
        LOG.info("{} of {} accepted on demand", kind.verb(), name);
        return Trigger.ACCEPTED;
    }

    private void run(JobKind kind, String name) {
        try {
            Sync.Ran ran = sync.runClaimed(kind, name);
            if (!ran.ok()) {
                LOG.warn(ran.summary());
            } else if (ran.idle()) {
                LOG.debug(ran.summary());
            } else {
                LOG.info(ran.summary());
            }
        } catch (RuntimeException e) {
            LOG.error("The {} run of {} failed outside its outcome; the schedule goes on", kind.verb(), name, e);
        }
    }

    /**
     * Stops the schedules, drops accepted runs that have not started, waits up to the close timeout for
     * running ones, then cancels their HTTP calls and waits a few seconds more. Restores the interrupt
     * flag if interrupted while waiting.
     */
    @Override
    public void close() {
        harvests.shutdown();
        publications.shutdown();
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        try {
            if (await(harvests, deadline) && await(publications, deadline)) {
                return;
            }
            LOG.warn("Runs still going {} after the node was asked to stop: cancelling their HTTP calls", closeTimeout);
            sync.cancelCalls();
            harvests.shutdownNow();
            publications.shutdownNow();
            long more = System.nanoTime() + AFTER_CANCEL.toNanos();
            if (!(await(harvests, more) && await(publications, more))) {
                LOG.error("Runs did not stop {} after their HTTP calls were cancelled; closing anyway", AFTER_CANCEL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while waiting for runs to stop: cancelling them");
            sync.cancelCalls();
            harvests.shutdownNow();
            publications.shutdownNow();
        }
    }

    private static boolean await(ScheduledThreadPoolExecutor pool, long deadline) throws InterruptedException {
        return pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
