package org.chmexchange.node.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chmexchange.store.RecordPage;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.vocab.Vocabularies;

/**
 * {@code GET /records}: filtered, full-text, keyset-paged list of record summaries as JSON (also
 * valid JSON-LD with our context). The next page is in the {@code next} member and in a
 * {@code Link: <...>; rel="next"} header (RFC 8288).
 */
final class RecordListHandler implements Handler {

    private final RecordStore store;
    private final RecordListRequest.Resolver resolver;
    private final String self;

    /** @param base the node's base IRI: links are built from it, never from request headers */
    RecordListHandler(RecordStore store, RecordListRequest.Resolver resolver, String base) {
        this.store = store;
        this.resolver = resolver;
        this.self = base + "records";
    }

    @Override
    public void handle(Context ctx) {
        Negotiation.requireJson(ctx.header("Accept"));
        RecordListRequest request = RecordListRequest.parse(ctx.queryParamMap(), resolver);
        RecordPage page = store.list(request.query(), request.after(), request.limit());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@context", Vocabularies.CONTEXT_IRI);
        body.put("id", self + queryString(ctx.queryParamMap(), null));
        body.put("totalItems", page.totalItems());
        List<Map<String, Object>> items = new ArrayList<>();
        for (RecordSummary s : page.items()) {
            items.add(item(s));
        }
        body.put("items", items);
        page.lastKey().ifPresent(last -> {
            String next = self + queryString(ctx.queryParamMap(), Cursor.encode(last, request.fingerprint()));
            body.put("next", next);
            ctx.header("Link", "<" + next + ">; rel=\"next\"");
        });
        ctx.header("Vary", "Accept");
        ctx.contentType("application/json").result(Json.write(body));
    }

    static Map<String, Object> item(RecordSummary s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", s.iri().stringValue());
        item.put("type", s.type().rdfClass().getLocalName());
        item.put("identifier", s.identifier());
        item.put("title", s.title());
        if (s.modified() != null) {
            item.put("modified", s.modified().toString());
        }
        return item;
    }

    private static String queryString(Map<String, List<String>> params, String cursor) {
        StringBuilder qs = new StringBuilder();
        params.forEach((name, values) -> {
            if (!name.equals("cursor")) {
                for (String v : values) {
                    append(qs, name, v);
                }
            }
        });
        if (cursor != null) {
            append(qs, "cursor", cursor);
        }
        return qs.toString();
    }

    private static void append(StringBuilder qs, String name, String value) {
        qs.append(qs.length() == 0 ? '?' : '&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
