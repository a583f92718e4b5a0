package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chmexchange.node.sync.JobKind;
import org.chmexchange.node.sync.Scheduler;
import org.chmexchange.node.sync.SyncPlan;

/**
 * {@code POST /admin/harvest/{source}} and {@code POST /admin/publish/{target}}: with the admin
 * token, asks the scheduler for a run now. {@code 202 Accepted} with {@code Location: {base}status}
 * (the run goes on in the background; its outcome appears in {@code GET /status}); {@code 404} for a
 * name the node does not have; {@code 409} when a run of it is already accepted or running; {@code
 * 503} while the node stops. Thread-safety: safe from any thread.
 */
final class AdminHandler {

    private final AdminAuth auth;
    private final Scheduler scheduler;
    private final String base;

    AdminHandler(AdminAuth auth, Scheduler scheduler, String base) {
        this.auth = auth;
        this.scheduler = scheduler;
        this.base = base;
    }

    void trigger(Context ctx, JobKind kind) {
        auth.check(ctx);
        String name = ctx.pathParam("name");
        SyncPlan plan = scheduler.sync().plan();
        String status = base + "status";
        switch (scheduler.trigger(kind, name)) {
            case UNKNOWN -> throw ApiException.notFound("This node has no " + kind.noun() + " named '" + name
                    + "'; configured: " + (kind == JobKind.HARVEST ? plan.sourceNames() : plan.targetNames()) + ".");
            case ALREADY_RUNNING -> {
                Map<String, Object> extensions = new LinkedHashMap<>();
                extensions.put("name", name);
                scheduler
                        .sync()
                        .runningSince(kind, name)
                        .ifPresent(since -> extensions.put("runningSince", since.toString()));
                throw new ApiException(
                        409,
                        "Already running",
                        "A " + kind.verb() + " run of '" + name + "' is already accepted or running; see " + status
                                + ".",
                        extensions);
            }
            case STOPPING -> throw new ApiException(
                    503,
                    "Stopping",
                    "The node is stopping; it runs nothing new.",
                    Map.of(),
                    Map.of("Retry-After", "30"));
            case ACCEPTED -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("accepted", kind.verb());
                body.put("name", name);
                body.put("status", status);
                ctx.status(202)
                        .header("Location", status)
                        .header("Cache-Control", "no-store")
                        .contentType("application/json")
                        .result(Json.write(body));
            }
        }
    }
}
