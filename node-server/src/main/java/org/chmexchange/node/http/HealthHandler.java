package org.chmexchange.node.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 with {@code {"status":"UP","records":n}} when the store and its index
 * answer; 503 with {@code "status":"STARTING"} while the node loads its data, and with
 * {@code "status":"DOWN"} and the reason when the store or index fails (the cause is logged).
 */
final class HealthHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

    private final RecordStore store;

    HealthHandler(RecordStore store) {
        this.store = store;
    }

    static void starting(Context ctx) {
        ctx.status(503)
                .header("Cache-Control", "no-store")
                .header("Retry-After", "5")
                .contentType("application/json")
                .result(Json.write(Map.of("status", "STARTING")));
    }

    @Override
    public void handle(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            store.setting(SettingKey.BASE_IRI); // the repository answers
            long records = store.count(RecordQuery.ALL); // the index answers
            body.put("status", "UP");
            body.put("records", records);
            ctx.status(200);
        } catch (RuntimeException e) {
            LOG.error("Health check failed", e);
            body.put("status", "DOWN");
            body.put("reason", e.getMessage());
            ctx.status(503);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(Json.write(body));
    }
}
