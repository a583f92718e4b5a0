package org.chmexchange.node.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.chmexchange.node.sync.SourceStatus;
import org.chmexchange.node.sync.Sync;
import org.chmexchange.node.sync.TargetStatus;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;

/**
 * The node's metrics for operators who run a monitoring stack: Micrometer meters, served at {@code
 * GET /metrics} in the Prometheus text exposition format (version 0.0.4).
 *
 * <ul>
 *   <li>{@code chm_http_requests_seconds} (timer): every request the API answered, tagged with
 *       {@code method}, {@code route} (the route template, {@code /records/{type}/{id}}) and {@code
 *       status};
 *   <li>{@code chm_store_records}, {@code chm_store_last_sequence} (gauges);
 *   <li>per source ({@code source} tag): {@code chm_harvest_last_success_age_seconds}, {@code
 *       chm_harvest_last_run_records} (created, updated, deleted, rejected in the last run: {@code
 *       outcome} tag), {@code chm_harvest_last_run_failed} (1 when the last run failed);
 *   <li>per publish target ({@code target} tag): {@code chm_publish_dead_letters};
 *   <li>the JVM's memory, GC, threads, processor and uptime (Micrometer's binders).
 * </ul>
 *
 * <p>Lifecycle: one per server; meters of sources and targets are registered at the first scrape
 * after they appear. Thread-safety: thread-safe.
 */
public final class NodeMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile Supplier<Sync> sync = () -> null;

    /** A registry with the JVM's meters. */
    public NodeMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Records one answered request. */
    void request(String method, String route, int status, long nanos) {
        Timer.builder("chm.http.requests")
                .description("Requests the node's API answered")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Adds the store's and the scheduler's meters, once the node's services are known. */
    void bind(RecordStore store, Sync sync) {
        Gauge.builder("chm.store.records", store, s -> s.count(RecordQuery.ALL))
                .description("Records in the store")
                .register(registry);
        Gauge.builder("chm.store.last.sequence", store, RecordStore::lastSequence)
                .description("The newest change-log sequence number")
                .register(registry);
        this.sync = () -> sync;
    }

    /** The meters in the Prometheus text format. */
    public String scrape() {
        Sync s = sync.get();
        if (s != null) {
            for (SourceStatus source : s.sourceStatus()) {
                registerSource(s, source.name());
            }
            for (TargetStatus target : s.targetStatus()) {
                Gauge.builder("chm.publish.dead.letters", s, x -> target(x, target.name())
                                .map(t -> (double) t.deadLetters().size())
                                .orElse(Double.NaN))
                        .tag("target", target.name())
                        .register(registry);
            }
        }
        return registry.scrape();
    }

    private void registerSource(Sync s, String name) {
        Gauge.builder("chm.harvest.last.success.age", s, x -> source(x, name)
                        .filter(st -> st.lastSuccess() != null)
                        .map(st -> (double) (Instant.now().toEpochMilli()
                                        - st.lastSuccess().toEpochMilli())
                                / 1000)
                        .orElse(Double.NaN))
                .baseUnit("seconds")
                .tag("source", name)
                .register(registry);
        Gauge.builder("chm.harvest.last.run.failed", s, x -> source(x, name)
                        .filter(st -> st.lastRun() != null)
                        .map(st -> st.lastRun().error() == null ? 0.0 : 1.0)
                        .orElse(Double.NaN))
                .tag("source", name)
                .register(registry);
        String[] outcomes = {"created", "updated", "deleted", "rejected"};
        for (String outcome : outcomes) {
            Gauge.builder("chm.harvest.last.run.records", s, x -> source(x, name)
                            .filter(st -> st.lastRun() != null)
                            .map(st -> (double) count(st, outcome))
                            .orElse(Double.NaN))
                    .tag("source", name)
                    .tag("outcome", outcome)
                    .register(registry);
        }
    }

    private static long count(SourceStatus st, String outcome) {
        var c = st.lastRun().counts();
        return switch (outcome) {
            case "created" -> c.created();
            case "updated" -> c.updated();
            case "deleted" -> c.deleted();
            default -> c.rejected();
        };
    }

    private static Optional<SourceStatus> source(Sync s, String name) {
        return s.sourceStatus().stream().filter(x -> x.name().equals(name)).findFirst();
    }

    private static Optional<TargetStatus> target(Sync s, String name) {
        return s.targetStatus().stream().filter(x -> x.name().equals(name)).findFirst();
    }
}
