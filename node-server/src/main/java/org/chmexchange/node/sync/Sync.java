package org.chmexchange.node.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.chmexchange.admission.RecordSpool;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestCounts;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.http.HttpClients;
import org.chmexchange.node.thesaurus.ThesaurusImports;
import org.chmexchange.publish.PublishOutcome;
import org.chmexchange.publish.Publisher;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.IRI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange machinery of a node: the one shared HTTP client (built from the plan's settings, with
 * a bearer token per host), one {@link HarvestRun} and one {@link Publisher} over the node's store,
 * and the bookkeeping that keeps two runs of the same source or target from overlapping.
 *
 * <pre>{@code
 * try (Sync sync = Sync.open(plan, store, validator, base)) {
 *     Optional<HarvestOutcome> outcome = sync.harvest("central", HarvestListener.NONE);
 * }
 * }</pre>
 *
 * <p>A run is first <em>claimed</em> ({@link #claim}): at most one claim per source or target is held
 * at a time, from the moment a run is accepted until it ended. {@link #harvest} and {@link #publish}
 * claim and run on the calling thread; the {@link Scheduler} claims first and runs later with {@link
 * #runClaimed}. Runs never throw for a failing source or peer: the outcome carries the error (an
 * unexpected exception is logged with its stack trace and becomes a failed outcome, kept in memory
 * for the status).
 *
 * <p>Thread-safety: safe from any thread; runs of different sources and targets may overlap (the
 * store serialises their commits). Lifecycle: whoever opens it closes it once, after the last run
 * ended; {@link #close()} shuts the HTTP client down but leaves the store and the validator open.
 */
public final class Sync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sync.class);

    private final SyncPlan plan;
    private final RecordStore store;
    private final OkHttpClient http;
    private final HarvestRun harvests;
    private final Publisher publisher;
    private final Map<String, AtomicReference<Instant>> claims = new ConcurrentHashMap<>();
    private final Map<String, HarvestCounts> progress = new ConcurrentHashMap<>();
    /** Runs that threw instead of returning an outcome: kept in memory for the status. */
    private final Map<String, HarvestOutcome> thrownHarvests = new ConcurrentHashMap<>();

    private final Map<String, PublishOutcome> thrownPublishes = new ConcurrentHashMap<>();

    private Sync(SyncPlan plan, RecordStore store, OkHttpClient http, HarvestRun harvests, Publisher publisher) {
        this.plan = plan;
        this.store = store;
        this.http = http;
        this.harvests = harvests;
        this.publisher = publisher;
        for (SyncPlan.Source s : plan.sources()) {
            claims.put(key(JobKind.HARVEST, s.name()), new AtomicReference<>());
        }
        for (SyncPlan.Target t : plan.targets()) {
            claims.put(key(JobKind.PUBLISH, t.name()), new AtomicReference<>());
        }
    }

    /**
     * Builds the shared HTTP client and the runners.
     *
     * @param plan what to harvest and publish to; not null
     * @param store the node's store; not closed by this class
     * @param validator the node's validator, for every harvested record; not closed by this class
     * @param base the node's base IRI, ending with {@code /}
     * @return the machinery; close it after the last run
     */
    public static Sync open(SyncPlan plan, RecordStore store, RecordValidator validator, String base) {
        return open(plan, store, validator, base, null);
    }

    /**
     * Builds the shared HTTP client and the runners, harvesters spooling in {@code spoolDirectory}
     * (the node: its data folder's {@code spool/}); spool files that a run killed mid-harvest left
     * there are deleted first, so call it only while holding the store that owns the folder.
     *
     * @param spoolDirectory created if missing; null for the JVM's temporary directory (not cleared)
     * @throws java.io.UncheckedIOException if old spool files cannot be deleted
     * @see #open(SyncPlan, RecordStore, RecordValidator, String)
     */
    public static Sync open(
            SyncPlan plan, RecordStore store, RecordValidator validator, String base, Path spoolDirectory) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(base, "base");
        if (spoolDirectory != null) {
            long freed = RecordSpool.deleteLeftovers(spoolDirectory);
            if (freed > 0) {
                LOG.info(
                        "Deleted {} bytes of spool files that an interrupted harvest left in {}",
                        freed,
                        spoolDirectory);
            }
        }
        OkHttpClient http = HttpClients.create(plan.http());
        HarvestContext context = new HarvestContext(http, HarvestContext.DEFAULT_MAX_REQUESTS, spoolDirectory);
        return new Sync(
                plan,
                store,
                http,
                new HarvestRun(store, validator, base, ThesaurusImports.harvesters(plan.registry(), store), context),
                new Publisher(store, http, base));
    }

    /** What this node harvests and publishes to. */
    public SyncPlan plan() {
        return plan;
    }

    /** Whether a source ({@link JobKind#HARVEST}) or target ({@link JobKind#PUBLISH}) of this name exists. */
    public boolean knows(JobKind kind, String name) {
        return claims.containsKey(key(kind, name));
    }

    /**
     * Claims the next run of a source or target.
     *
     * @return true if it was free (the caller must then run it with {@link #runClaimed} or {@link
     *     #release} it); false if a run is accepted or running
     * @throws IllegalArgumentException if there is no such source or target
     */
    public boolean claim(JobKind kind, String name) {
        return slot(kind, name).compareAndSet(null, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Gives back a claim that will not be run. */
    public void release(JobKind kind, String name) {
        slot(kind, name).set(null);
        progress.remove(key(kind, name));
    }

    /** When the current run of a source or target was accepted, or empty if none is. */
    public Optional<Instant> runningSince(JobKind kind, String name) {
        return Optional.ofNullable(slot(kind, name).get());
    }

    /**
     * Runs a claimed source or target on the calling thread and releases the claim, also when the
     * run fails.
     *
     * @return what the run did, in short
     */
    public Ran runClaimed(JobKind kind, String name) {
        return switch (kind) {
            case HARVEST -> {
                HarvestOutcome o = harvestClaimed(name, HarvestListener.NONE);
                yield new Ran(summary(o), o.ok(), o.counts().pages() == 0);
            }
            case PUBLISH -> {
                PublishOutcome o = publishClaimed(name);
                yield new Ran(summary(o), o.ok(), o.upserted() + o.deleted() == 0);
            }
        };
    }

    /**
     * What a run did, in short.
     *
     * @param summary one line, as {@link #summary(HarvestOutcome)} or {@link #summary(PublishOutcome)}
     * @param ok whether it succeeded
     * @param idle whether it found nothing to do (no page harvested, nothing published)
     */
    public record Ran(String summary, boolean ok, boolean idle) {}

    /**
     * Harvests a source once, on the calling thread.
     *
     * @param name a configured source
     * @param listener told of the run's pages and rejected records (besides the node's own bookkeeping)
     * @return the outcome, or empty if a run of this source is already accepted or running
     * @throws IllegalArgumentException if there is no such source
     */
    public Optional<HarvestOutcome> harvest(String name, HarvestListener listener) {
        if (!claim(JobKind.HARVEST, name)) {
            return Optional.empty();
        }
        return Optional.of(harvestClaimed(name, listener));
    }

    /**
     * Publishes to a target once, on the calling thread.
     *
     * @return the outcome, or empty if a run for this target is already accepted or running
     * @throws IllegalArgumentException if there is no such target
     */
    public Optional<PublishOutcome> publish(String name) {
        if (!claim(JobKind.PUBLISH, name)) {
            return Optional.empty();
        }
        return Optional.of(publishClaimed(name));
    }

    private HarvestOutcome harvestClaimed(String name, HarvestListener listener) {
        String key = key(JobKind.HARVEST, name);
        HarvestSource source = plan.source(name).orElseThrow().source();
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        progress.put(key, HarvestCounts.ZERO);
        HarvestListener tracking = new HarvestListener() {
            @Override
            public void started(HarvestSource s, org.chmexchange.harvest.HarvestState state) {
                listener.started(s, state);
            }

            @Override
            public void pageCommitted(HarvestSource s, HarvestCounts page, HarvestCounts total) {
                progress.put(key, total);
                listener.pageCommitted(s, page, total);
            }

            @Override
            public void rejected(HarvestSource s, IRI record, org.chmexchange.validation.ValidationReport report) {
                listener.rejected(s, record, report);
            }

            @Override
            public void finished(HarvestSource s, HarvestOutcome outcome) {
                listener.finished(s, outcome);
            }
        };
        HarvestOutcome outcome;
        try {
            outcome = harvests.run(source, tracking);
            thrownHarvests.remove(name);
            if (outcome.ok()) {
                store.setSetting(
                        SettingKey.harvestLastSuccess(name), outcome.ended().toString());
            }
        } catch (RuntimeException e) {
            LOG.error("Harvest of {} failed unexpectedly", name, e);
            outcome = new HarvestOutcome(
                    name,
                    started,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    progress.getOrDefault(key, HarvestCounts.ZERO),
                    "Unexpected failure: " + e);
            thrownHarvests.put(name, outcome);
        } finally {
            release(JobKind.HARVEST, name);
        }
        return outcome;
    }

    /**
     * Sends the dead letters of a target again, now, on the caller's thread ({@link
     * Publisher#retryDeadLetters}), unless a run of that target is going.
     *
     * @return the outcome, or empty if a run of it is going
     * @throws java.util.NoSuchElementException if there is no such target
     */
    public Optional<PublishOutcome> retryDeadLetters(String name) {
        org.chmexchange.publish.PublishTarget target =
                plan.target(name).orElseThrow().target();
        if (!claim(JobKind.PUBLISH, name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(publisher.retryDeadLetters(target));
        } finally {
            release(JobKind.PUBLISH, name);
        }
    }

    private PublishOutcome publishClaimed(String name) {
        org.chmexchange.publish.PublishTarget target =
                plan.target(name).orElseThrow().target();
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PublishOutcome outcome;
        try {
            outcome = publisher.run(target);
            thrownPublishes.remove(name);
        } catch (RuntimeException e) {
            LOG.error("Publishing to {} failed unexpectedly", name, e);
            long position =
                    publisher.lastOutcome(target).map(PublishOutcome::position).orElse(0L);
            outcome = new PublishOutcome(
                    name,
                    started,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    0,
                    0,
                    0,
                    position,
                    "Unexpected failure: " + e);
            thrownPublishes.put(name, outcome);
        } finally {
            release(JobKind.PUBLISH, name);
        }
        return outcome;
    }

    /** The state of every source, in configuration order. */
    public List<SourceStatus> sourceStatus() {
        return plan.sources().stream().map(this::status).toList();
    }

    /** The state of every publish target, in configuration order. */
    public List<TargetStatus> targetStatus() {
        long lastSequence = store.lastSequence();
        return plan.targets().stream().map(t -> status(t, lastSequence)).toList();
    }

    /**
     * The state of one source.
     *
     * @throws java.util.NoSuchElementException if there is no such source
     */
    public SourceStatus sourceStatus(String name) {
        return status(plan.source(name).orElseThrow());
    }

    /**
     * The state of one publish target.
     *
     * @throws java.util.NoSuchElementException if there is no such target
     */
    public TargetStatus targetStatus(String name) {
        return status(plan.target(name).orElseThrow(), store.lastSequence());
    }

    private SourceStatus status(SyncPlan.Source s) {
        String name = s.name();
        Instant since = runningSince(JobKind.HARVEST, name).orElse(null);
        HarvestOutcome last =
                latest(harvests.lastOutcome(name).orElse(null), thrownHarvests.get(name), HarvestOutcome::ended);
        Instant lastSuccess = store.setting(SettingKey.harvestLastSuccess(name))
                .map(Sync::instant)
                .orElse(null);
        return new SourceStatus(
                name,
                s.entry().protocol(),
                s.entry().url(),
                s.entry().schedule(),
                since,
                since == null ? null : progress.get(key(JobKind.HARVEST, name)),
                last,
                lastSuccess);
    }

    private TargetStatus status(SyncPlan.Target t, long lastSequence) {
        String name = t.name();
        PublishOutcome last = latest(
                publisher.lastOutcome(t.target()).orElse(null), thrownPublishes.get(name), PublishOutcome::ended);
        return new TargetStatus(
                name,
                t.entry().url(),
                t.entry().schedule(),
                runningSince(JobKind.PUBLISH, name).orElse(null),
                last,
                lastSequence,
                publisher.deadLetters(t.target()));
    }

    /** Cancels every HTTP call in flight, so that runs blocked on a peer end (with an error) soon. */
    public void cancelCalls() {
        http.dispatcher().cancelAll();
    }

    /** Shuts the shared HTTP client down. The store and the validator stay open. */
    @Override
    public void close() {
        HttpClients.shutdown(http);
    }

    /** A one-line summary of a harvest outcome, as logged and printed. */
    public static String summary(HarvestOutcome o) {
        HarvestCounts c = o.counts();
        return "Harvest of " + o.source() + (o.ok() ? " ended" : " FAILED") + " after "
                + seconds(Duration.between(o.started(), o.ended())) + ": " + c.pages() + " page(s), " + c.created()
                + " created, " + c.updated() + " updated, " + c.unchanged() + " unchanged, " + c.deleted()
                + " deleted, " + c.rejected() + " rejected"
                + (c.notices() == 0 ? "" : ", " + c.notices() + " notice(s)") + (o.ok() ? "" : "; " + o.error());
    }

    /**
     * A one-line summary of a publishing outcome, as logged and printed. The counts of a failed run
     * are of what was attempted: the peer may have refused the last batch.
     */
    public static String summary(PublishOutcome o) {
        String done = o.ok() ? " sent" : " attempted";
        return "Publishing to " + o.target() + (o.ok() ? " ended" : " FAILED") + " after "
                + seconds(Duration.between(o.started(), o.ended())) + ": " + o.upserted() + " record(s)" + done
                + ", " + o.deleted() + " deletion(s)" + done
                + (o.refused() == 0 ? "" : ", " + o.refused() + " refused by the peer and set aside")
                + ", up to change " + o.position()
                + (o.ok() ? "" : "; " + o.error());
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static <T> T latest(T saved, T thrown, java.util.function.Function<T, Instant> ended) {
        if (saved == null) {
            return thrown;
        }
        if (thrown == null) {
            return saved;
        }
        return ended.apply(thrown).isAfter(ended.apply(saved)) ? thrown : saved;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("The saved end of the last successful harvest is not a time: " + text, e);
        }
    }

    private AtomicReference<Instant> slot(JobKind kind, String name) {
        AtomicReference<Instant> slot = claims.get(key(kind, name));
        if (slot == null) {
            throw new IllegalArgumentException("No " + kind.noun() + " named '" + name + "'; configured: "
                    + (kind == JobKind.HARVEST ? plan.sourceNames() : plan.targetNames()));
        }
        return slot;
    }

    private static String key(JobKind kind, String name) {
        return kind.verb() + ":" + name;
    }
}
