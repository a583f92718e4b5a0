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

/**
 * {@code GET /records}: filtered, full-text, keyset-paged list of record summaries as JSON-LD, an
 * Activity Streams {@code OrderedCollectionPage} whose {@code items} are the records (id, type,
 * identifier, title, modified) and which names the node's context ({@link JsonLdAnswer}). The next
 * page is in the {@code next} member and in a {@code Link: <...>; rel="next"} header (RFC 8288).
 */
final class RecordListHandler implements Handler {

    private final RecordStore store;
    private final RecordListRequest.Resolver resolver;
    private final String self;
    private final JsonLdAnswer answer;
    private final PortalHandler portal;

    /** @param base the node's base IRI: links are built from it, never from request headers */
    RecordListHandler(RecordStore store, RecordListRequest.Resolver resolver, String base, PortalHandler portal) {
        this.portal = portal;
        this.store = store;
        this.resolver = resolver;
        this.self = base + "records";
        this.answer = new JsonLdAnswer(base);
    }

    @Override
    public void handle(Context ctx) {
        boolean html = PortalHandler.wantsHtml(ctx);
        if (!html) {
            PortalHandler.requireData(ctx);
        }
        RecordListRequest request = RecordListRequest.parse(ctx.queryParamMap(), resolver);
        if (html) {
            portal.search(ctx, request);
            return;
        }
        RecordPage page = store.list(request.query(), request.after(), request.limit());
        Map<String, Object> body = answer.body(self + queryString(ctx.queryParamMap(), null), "OrderedCollectionPage");
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
        answer.send(ctx, "application/json", body);
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

    /**
     * {@code ?name=value&...} of {@code params} (percent-encoded, in their order) without {@code
     * cursor}, then {@code cursor} if not null; {@code ""} when there is nothing.
     */
    static String queryString(Map<String, List<String>> params, String cursor) {
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
