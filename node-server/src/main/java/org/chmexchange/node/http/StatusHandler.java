package org.chmexchange.node.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chmexchange.harvest.HarvestCounts;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.node.sync.SourceStatus;
import org.chmexchange.node.sync.Sync;
import org.chmexchange.node.sync.TargetStatus;
import org.chmexchange.publish.DeadLetter;
import org.chmexchange.publish.PublishOutcome;
import org.chmexchange.store.RecordStore;

/**
 * {@code GET /status} and {@code GET /network}: the state of every configured source and publish
 * target, and of every node of the network registry (node-server/API.md, "Status"), as JSON for
 * clients and as the portal's network page for browsers: one body, two renderings. Open, like every
 * read; {@code Cache-Control: no-store}. Thread-safety: safe from any
 * thread; each entry is a consistent snapshot, the entries are read one after the other.
 */
final class StatusHandler implements Handler {

    /** The most dead letters listed per target (all are counted in {@code deadLetters}). */
    static final int DEAD_LETTERS_SHOWN = 50;

    private final Sync sync;
    private final RecordStore store;
    private final String base;
    private final org.chmexchange.node.network.NodeRegistry registry;
    private final PortalHandler portal;

    StatusHandler(
            Sync sync,
            RecordStore store,
            String base,
            org.chmexchange.node.network.NodeRegistry registry,
            PortalHandler portal) {
        this.sync = sync;
        this.store = store;
        this.base = base;
        this.registry = registry;
        this.portal = portal;
    }

    @Override
    public void handle(Context ctx) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body = body(now);
        if (PortalHandler.wantsHtml(ctx)) {
            ctx.header("Cache-Control", "no-store");
            portal.network(ctx, body, registry);
            return;
        }
        ctx.header("Vary", "Accept, Accept-Language");
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(Json.write(body));
    }

    /** The status at {@code now}: this node, its sources and targets, the network's nodes. */
    Map<String, Object> body(Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", base);
        body.put("time", now.toString());
        body.put("lastSequence", store.lastSequence());
        List<Object> sources = new ArrayList<>();
        for (SourceStatus s : sync.sourceStatus()) {
            sources.add(source(s, now));
        }
        body.put("sources", sources);
        List<Object> targets = new ArrayList<>();
        for (TargetStatus t : sync.targetStatus()) {
            targets.add(target(t));
        }
        body.put("publish", targets);
        List<Object> nodes = new ArrayList<>();
        for (org.chmexchange.node.network.NodeHealth n : registry.nodes()) {
            nodes.add(node(n, now));
        }
        body.put("network", nodes);
        return body;
    }

    /** A node of the registry, with the harvest source that reads it, if one does. */
    private Map<String, Object> node(org.chmexchange.node.network.NodeHealth n, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("origin", n.origin());
        m.put("url", n.url());
        m.put("state", n.state());
        m.put("lastPoll", n.lastPoll() == null ? null : n.lastPoll().toString());
        m.put("lastSuccess", n.lastSuccess() == null ? null : n.lastSuccess().toString());
        m.put("latencyMillis", n.latencyMillis() < 0 ? null : n.latencyMillis());
        m.put("error", n.error());
        var d = n.description();
        m.put("nodeName", d == null ? null : d.path("name").asText(null));
        m.put("version", d == null ? null : d.path("version").asText(null));
        m.put("records", n.records() < 0 ? null : n.records());
        m.put("recordsByType", d == null ? Map.of() : d.path("recordsByType"));
        m.put("lastModified", d == null ? null : d.path("lastModified").asText(null));
        m.put("dataAge", n.lag(now).map(Duration::toSeconds).orElse(null));
        SourceStatus exchange = n.url() == null
                ? null
                : sync.sourceStatus().stream() // the source of the node whose base is the longest prefix
                        .filter(s -> s.url().startsWith(n.url()))
                        .filter(s -> registry.nodes().stream()
                                .map(org.chmexchange.node.network.NodeHealth::url)
                                .filter(u -> u != null && s.url().startsWith(u))
                                .allMatch(u -> u.length() <= n.url().length()))
                        .findFirst()
                        .orElse(null);
        if (exchange != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("source", exchange.name());
            e.put(
                    "lastSuccess",
                    exchange.lastSuccess() == null
                            ? null
                            : exchange.lastSuccess().toString());
            e.put("lag", exchange.lag(now).map(Duration::toSeconds).orElse(null));
            e.put(
                    "error",
                    exchange.lastRun() == null ? null : exchange.lastRun().error());
            m.put("exchange", e);
        } else {
            m.put("exchange", null);
        }
        return m;
    }

    /** Records handled per second of a run, 0 for a run of no measurable length. */
    static double perSecond(long records, Instant started, Instant ended) {
        double seconds = Duration.between(started, ended).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : Math.round(records / seconds * 10) / 10.0;
    }

    private static Map<String, Object> source(SourceStatus s, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("protocol", s.protocol());
        m.put("url", s.url());
        m.put("schedule", s.schedule() == null ? null : s.schedule().toString());
        m.put("running", s.running());
        if (s.running()) {
            m.put("runningSince", s.runningSince().toString());
            if (s.progress() != null) {
                m.put("progress", counts(new LinkedHashMap<>(), s.progress()));
            }
        }
        HarvestOutcome last = s.lastRun();
        if (last == null) {
            m.put("lastRun", null);
        } else {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("started", last.started().toString());
            run.put("ended", last.ended().toString());
            run.put("ok", last.ok());
            run.put("error", last.error());
            counts(run, last.counts());
            HarvestCounts c = last.counts();
            run.put(
                    "recordsPerSecond",
                    perSecond(
                            c.created() + c.updated() + c.unchanged() + c.deleted() + c.rejected(),
                            last.started(),
                            last.ended()));
            m.put("lastRun", run);
        }
        m.put("lag", s.lag(now).map(Duration::toSeconds).orElse(null));
        return m;
    }

    private static Map<String, Object> counts(Map<String, Object> m, HarvestCounts c) {
        m.put("created", c.created());
        m.put("updated", c.updated());
        m.put("unchanged", c.unchanged());
        m.put("deleted", c.deleted());
        m.put("rejected", c.rejected());
        m.put("notices", c.notices());
        m.put("pages", c.pages());
        return m;
    }

    private static Map<String, Object> target(TargetStatus t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("url", t.url());
        m.put("schedule", t.schedule() == null ? null : t.schedule().toString());
        m.put("running", t.running());
        if (t.running()) {
            m.put("runningSince", t.runningSince().toString());
        }
        PublishOutcome last = t.lastRun();
        if (last == null) {
            m.put("lastRun", null);
        } else {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("started", last.started().toString());
            run.put("ended", last.ended().toString());
            run.put("ok", last.ok());
            run.put("error", last.error());
            run.put("upserted", last.upserted());
            run.put("deleted", last.deleted());
            run.put("refused", last.refused());
            run.put("position", last.position());
            run.put(
                    "recordsPerSecond",
                    perSecond(last.upserted() + last.deleted() + last.refused(), last.started(), last.ended()));
            m.put("lastRun", run);
        }
        m.put("pendingChanges", t.pendingChanges());
        m.put("deadLetters", t.deadLetters().size());
        m.put(
                "deadLetterRecords",
                t.deadLetters().stream()
                        .limit(DEAD_LETTERS_SHOWN)
                        .map(StatusHandler::deadLetter)
                        .toList());
        return m;
    }

    private static Map<String, Object> deadLetter(DeadLetter d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record", d.record());
        m.put("action", d.action());
        m.put("sequence", d.sequence());
        m.put("status", d.status());
        m.put("time", d.time().toString());
        m.put("problem", d.problem());
        return m;
    }
}
