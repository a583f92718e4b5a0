package org.chmexchange.harvest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chmexchange.admission.Admission;
import org.chmexchange.admission.Batch;
import org.chmexchange.admission.Gates;
import org.chmexchange.admission.RecordSplitter;
import org.chmexchange.admission.Rejection;
import org.chmexchange.admission.SnapshotSweep;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.chmexchange.store.WriteRequest;
import org.chmexchange.store.WriteResult;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs harvests into a {@link RecordStore}: loads a source's state, drives its {@link Harvester},
 * and passes every page through the admission pipeline ({@link RecordSplitter}, then the gates
 * record IRIs, ownership and validation) before it commits the admitted records, deletions (and the
 * {@link SnapshotSweep}: on a snapshot page, the source's records that no page of the run carried),
 * the new state and PROV-O provenance in one transaction into the source's named
 * graph {@code {base}graphs/sources/{name}}. Rejected records are reported (invalid ones to the
 * listener, with their validation report) and skipped; they do not stop the run.
 *
 * <pre>{@code
 * HarvestRun runner = new HarvestRun(store, validator, base, HarvesterRegistry.load(), context);
 * HarvestOutcome outcome = runner.run(source, HarvestListener.NONE);
 * }</pre>
 *
 * <p>Thread-safety: one run per source at a time (the caller schedules); runs of different sources
 * may overlap, the store serialises their commits.
 */
public final class HarvestRun {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestRun.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final RecordStore store;
    private final RecordValidator validator;
    private final String base;
    private final HarvesterRegistry registry;
    private final HarvestContext context;

    /**
     * @param store where records go; not closed by this class
     * @param validator validates every harvested record; not closed by this class
     * @param base the node's base IRI (graph and activity IRIs are minted under it)
     * @param registry the protocols
     * @param context the shared HTTP client and limits
     */
    public HarvestRun(
            RecordStore store,
            RecordValidator validator,
            String base,
            HarvesterRegistry registry,
            HarvestContext context) {
        this.store = Objects.requireNonNull(store, "store");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.base = Objects.requireNonNull(base, "base");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The named graph of a source's records. */
    public IRI graphOf(String sourceName) {
        return Values.iri(base + "graphs/sources/" + sourceName);
    }

    /**
     * Harvests {@code source} once. Never throws for a failing source: the outcome carries the error
     * (and the listener is told); pages committed before the failure stay committed.
     */
    public HarvestOutcome run(HarvestSource source, HarvestListener listener) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HarvestState state = state(source.name());
        listener.started(source, state);
        PageWriter writer = new PageWriter(source, started, listener);
        RuntimeException failure = null;
        try {
            HarvesterFactory factory = registry.factory(source.protocol())
                    .orElseThrow(() -> new HarvestException("Source " + source.name() + ": no harvester for protocol '"
                            + source.protocol() + "'; known: " + registry.protocols()));
            factory.create(source, context).harvest(state, writer);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            writer.finish();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        String error = null;
        if (failure != null) {
            error = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            LOG.warn("Harvest of {} failed after {} pages: {}", source.name(), writer.total.pages(), error, failure);
        }
        HarvestOutcome outcome = new HarvestOutcome(
                source.name(), started, Instant.now().truncatedTo(ChronoUnit.MILLIS), writer.total, error);
        Map<SettingKey, String> status = Map.of(SettingKey.harvestStatus(source.name()), toJson(outcome));
        if (writer.total.pages() > 0) {
            try {
                // The run's final counts and end time, now that every page is in, with its status: one commit.
                store.write(new WriteRequest(
                        writer.graph, new LinkedHashModel(), Set.of(), true, status, writer.provenance(writer.total)));
            } catch (RuntimeException e) {
                LOG.warn("Source {}: cannot record the provenance of the run: {}", source.name(), e.getMessage(), e);
                store.setSetting(SettingKey.harvestStatus(source.name()), toJson(outcome));
            }
        } else {
            store.setSetting(SettingKey.harvestStatus(source.name()), toJson(outcome));
        }
        listener.finished(source, outcome);
        return outcome;
    }

    /** The saved state of a source, {@link HarvestState#EMPTY} if it was never harvested. */
    public HarvestState state(String sourceName) {
        return store.setting(SettingKey.harvestState(sourceName))
                .map(json -> new HarvestState(fromJson(json)))
                .orElse(HarvestState.EMPTY);
    }

    /** The outcome of the last finished run of a source, if any. */
    public Optional<HarvestOutcome> lastOutcome(String sourceName) {
        return store.setting(SettingKey.harvestStatus(sourceName)).map(HarvestRun::outcomeFromJson);
    }

    /** The sink of one run. */
    private final class PageWriter implements HarvestSink {
        private final HarvestSource source;
        private final Instant started;
        private final HarvestListener listener;
        private final IRI graph;
        private final IRI activity;
        private final Admission admission;
        private final SnapshotSweep sweep = new SnapshotSweep();
        private final ExecutorService committer;
        private Future<?> pending;
        /** Notices since the last page handed over; harvesting thread only. */
        private long notices;
        /** Written by the committing thread only; read by the run after {@link #finish()}. */
        private volatile HarvestCounts total = HarvestCounts.ZERO;

        PageWriter(HarvestSource source, Instant started, HarvestListener listener) {
            this.source = source;
            this.started = started;
            this.listener = listener;
            this.graph = graphOf(source.name());
            this.activity = Values.iri(base + "harvests/" + source.name() + "/" + started.toEpochMilli());
            this.committer = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "harvest-commit-" + source.name());
                thread.setDaemon(true);
                return thread;
            });
            this.admission = Admission.of(
                    Gates.recordIris(),
                    Gates.terms(),
                    Gates.ownership(store, graph),
                    Gates.revisions(store, graph),
                    Gates.modifiedAtSource(),
                    Gates.validation(validator, store, graph));
        }

        @Override
        public void notice(IRI record, String message) {
            LOG.info("Source {}: {}{}", source.name(), record == null ? "" : "<" + record + "> ", message);
            notices++;
            listener.noticed(source, record, message);
        }

        @Override
        public void page(HarvestPage page) {
            Batch batch =
                    admission.admit(new RecordSplitter().addAll(page.records()).batch());
            for (Rejection r : batch.rejections()) {
                if (r.gate().equals(Gates.VALIDATION)) {
                    LOG.info("Source {}: record <{}> rejected: {}", source.name(), r.iri(), r.report());
                    listener.rejected(source, r.iri(), r.report());
                } else if (r.gate().equals(Gates.OWNERSHIP)) {
                    LOG.warn(
                            "Source {}: record <{}> is {} of this node (its own records, a publisher or another"
                                    + " source); left as it is",
                            source.name(),
                            r.iri(),
                            r.reason());
                } else {
                    LOG.warn("Source {}: {} is skipped: {}", source.name(), r.subject(), r.reason());
                }
            }
            sweep.saw(batch);
            Set<IRI> deletes = new HashSet<>(page.deletes());
            if (page.snapshot()) {
                // Rejected records keep their last valid version; so do those of the run's earlier pages.
                deletes.addAll(sweep.gone(store, graph, page.present()::contains));
            }
            Map<SettingKey, String> settings = Map.of(
                    SettingKey.harvestState(source.name()), toJson(page.state().values()));
            // The commit of this page overlaps the reading of the next one (the second core); the
            // pages still commit one after the other, in order, each in one transaction.
            awaitCommit();
            long pageNotices = notices;
            notices = 0;
            pending = committer.submit(() -> commit(batch, deletes, settings, pageNotices));
        }

        /** Waits for the commit of the page before, and passes on its failure. */
        void awaitCommit() {
            Future<?> last = pending;
            if (last == null) {
                return;
            }
            try {
                last.get();
                pending = null;
            } catch (InterruptedException e) {
                // The commit goes on; pending stays, so finish() still waits for it.
                Thread.currentThread().interrupt();
                throw new HarvestException("Source " + source.name() + ": interrupted while a page was committed", e);
            } catch (ExecutionException e) {
                pending = null;
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new HarvestException("Source " + source.name() + ": committing a page failed: " + cause, cause);
            }
        }

        /** Waits for the last commit, then stops the committing thread; a failure of that commit is passed on. */
        void finish() {
            try {
                awaitCommit();
            } finally {
                committer.shutdown(); // lets a commit still running finish
            }
            if (notices > 0) { // reported after the last page
                total = total.plus(new HarvestCounts(0, 0, 0, 0, 0, 0, 0, notices));
                notices = 0;
            }
        }

        private void commit(Batch batch, Set<IRI> deletes, Map<SettingKey, String> settings, long pageNotices) {
            HarvestCounts sofar = total; // counts of the pages before; the run's end writes the final ones
            WriteResult result = store.write(
                    new WriteRequest(graph, batch.statements(), deletes, true, settings, provenance(sofar)));
            for (IRI conflict : result.conflicts()) {
                LOG.warn(
                        "Source {}: record <{}> was taken by another graph of this node meanwhile; left as it is",
                        source.name(),
                        conflict);
            }
            HarvestCounts counts = new HarvestCounts(
                    1,
                    result.created().size(),
                    result.updated().size(),
                    result.unchanged().size(),
                    result.deleted().size(),
                    batch.rejections().size() + result.conflicts().size(),
                    batch.dropped(),
                    pageNotices);
            total = total.plus(counts);
            listener.pageCommitted(source, counts, total);
        }

        private Model provenance(HarvestCounts sofar) {
            Model m = new LinkedHashModel();
            IRI url = Values.iri(source.url().toString());
            m.add(graph, RDF.TYPE, PROV.ENTITY);
            m.add(graph, PROV.WAS_GENERATED_BY, activity);
            m.add(graph, PROV.WAS_DERIVED_FROM, url);
            m.add(activity, RDF.TYPE, PROV.ACTIVITY);
            m.add(activity, PROV.USED, url);
            m.add(activity, PROV.STARTED_AT_TIME, Values.literal(started.toString(), XSD.DATETIME));
            m.add(
                    activity,
                    PROV.ENDED_AT_TIME,
                    Values.literal(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), XSD.DATETIME));
            m.add(activity, PROV.WAS_ASSOCIATED_WITH, Values.iri("urn:chm-exchange:harvester:" + source.protocol()));
            m.add(activity, CHM.recordsCreated, Values.literal(sofar.created()));
            m.add(activity, CHM.recordsUpdated, Values.literal(sofar.updated()));
            m.add(activity, CHM.recordsDeleted, Values.literal(sofar.deleted()));
            m.add(activity, CHM.recordsRejected, Values.literal(sofar.rejected()));
            return m;
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write harvest state as JSON", e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new HarvestException("The saved harvest state is not valid JSON: " + json, e);
        }
    }

    private static HarvestOutcome outcomeFromJson(String json) {
        try {
            return JSON.readValue(json, HarvestOutcome.class);
        } catch (JsonProcessingException e) {
            throw new HarvestException("The saved harvest status is not valid JSON: " + json, e);
        }
    }
}
