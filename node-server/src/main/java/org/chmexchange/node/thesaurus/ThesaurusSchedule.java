package org.chmexchange.node.thesaurus;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.node.config.ThesaurusImportConfig;
import org.chmexchange.store.RecordStore;
import org.eclipse.rdf4j.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code thesaurusImport:} of a running node: {@link ThesaurusImports#importCbd} one second after
 * {@link #start()}, then each {@code schedule} after the end of the last; when an import changed the
 * stored thesaurus, {@code onChange} receives the node's new thesaurus (the shared one and the
 * imports, as SKOS), which the node then serves. A failed import is logged and changes nothing; the
 * schedule goes on.
 *
 * <p>Thread-safety: one daemon thread runs the imports. Lifecycle: {@link #start()} once, {@link
 * #close()} once (stops the schedule, waits up to 30 s for a running import, then shuts the client
 * down).
 */
public final class ThesaurusSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThesaurusSchedule.class);
    private static final Duration FIRST_RUN = Duration.ofSeconds(1);

    private final ThesaurusImportConfig config;
    private final RecordStore store;
    private final Model shared;
    private final Consumer<Model> onChange;
    private final OkHttpClient http = HttpClients.create(HttpSettings.defaults());
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "thesaurus-import");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param config what to import and when
     * @param store the node's store; not closed by this class
     * @param shared the shared thesaurus as SKOS
     * @param onChange told the merged thesaurus after an import that changed it; must not throw
     */
    public ThesaurusSchedule(ThesaurusImportConfig config, RecordStore store, Model shared, Consumer<Model> onChange) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.shared = Objects.requireNonNull(shared, "shared");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    /** Starts the schedule. */
    public void start() {
        executor.scheduleWithFixedDelay(
                this::runOnce, FIRST_RUN.toMillis(), config.schedule().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One import now, on the calling thread; returns whether it changed the thesaurus. */
    boolean runOnce() {
        try {
            ThesaurusImports.Imported imported =
                    ThesaurusImports.importCbd(store, http, HttpUrl.get(config.url()), config.domains(), shared);
            if (imported.changed()) {
                LOG.info("Thesaurus import from {}: changed ({}); serving it now", config.url(), imported.entry());
                onChange.accept(ThesaurusImports.merged(shared, store));
                return true;
            }
            LOG.debug("Thesaurus import from {}: nothing changed", config.url());
            return false;
        } catch (Exception e) { // logged, not swallowed: the schedule must go on after a failed import
            LOG.warn(
                    "Thesaurus import from {} failed; the thesaurus is as before: {}", config.url(), e.getMessage(), e);
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            HttpClients.shutdown(http);
        }
    }
}
