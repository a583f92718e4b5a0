package org.chmexchange.node.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;

/**
 * {@code GET /health}: 200 with {@code {"status":"UP","records":n}} when the store and its index
 * answer; 503 with {@code "status":"DOWN"} and the reason otherwise.
 */
final class HealthHandler implements Handler {

    private final RecordStore store;

    HealthHandler(RecordStore store) {
        this.store = store;
    }

    @Override
    public void handle(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            long records = store.count(RecordQuery.ALL);
            body.put("status", "UP");
            body.put("records", records);
            ctx.status(200);
        } catch (RuntimeException e) {
            body.put("status", "DOWN");
            body.put("reason", e.getMessage());
            ctx.status(503);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(Json.write(body));
    }
}
