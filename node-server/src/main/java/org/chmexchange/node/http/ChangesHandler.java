package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.ChangePage;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * The change feed (docs/EXCHANGE.md), modelled on the IIIF Change Discovery API 1.0: an Activity
 * Streams 2.0 {@code OrderedCollection} at {@code /changes} whose {@code OrderedCollectionPage}s at
 * {@code /changes/page} list {@code Create}, {@code Update} and {@code Delete} activities, oldest
 * first, keyset-paged by an opaque cursor. Full pages never change and are cacheable for a year;
 * the newest page is revalidated with its ETag.
 *
 * <p>The JSON names the node's own context ({@link JsonLdAnswer}), not the Activity Streams one at
 * w3.org: it defines every Activity Streams term the feed uses with the IRI and type the Activity
 * Streams context gives it, so a JSON-LD processor gets the same triples with no server but the
 * node, and the record types of the activities' objects ({@code Decision}, ...) expand too.
 */
final class ChangesHandler {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** The media type of the feed's JSON (Activity Streams 2.0, section 2). */
    static final String ACTIVITY_JSON = "application/activity+json";
    /** The graph of the page and its activities in the RDF form of a page. */
    static final IRI FEED_GRAPH = Values.iri("urn:chm-exchange:changes");

    /** The parameters of {@code GET /changes/page}: filters, then paging. */
    static final List<String> PAGE_PARAMETERS = List.of("type", "treaty", "country", "cursor", "limit");

    private final RecordStore store;
    private final RecordListRequest.Resolver resolver;
    private final String base;
    private final JsonLdAnswer answer;

    ChangesHandler(RecordStore store, RecordListRequest.Resolver resolver, String base) {
        this.store = store;
        this.resolver = resolver;
        this.base = base;
        this.answer = new JsonLdAnswer(base);
    }

    /** {@code GET /changes}: the collection, with its first and last pages. */
    void collection(Context ctx) {
        Negotiation.requireJson(ctx.header("Accept"));
        Map<String, Object> body = answer.body(base + "changes", "OrderedCollection");
        body.put("totalItems", store.countChanges(ChangeQuery.ALL));
        body.put("first", Map.of("id", base + "changes/page", "type", "OrderedCollectionPage"));
        long lastStart = Math.max(0, store.lastSequence() - DEFAULT_LIMIT);
        body.put(
                "last",
                Map.of(
                        "id",
                        pageUrl(Map.of(), Cursor.encode(lastStart, fingerprint(Map.of()))),
                        "type",
                        "OrderedCollectionPage"));
        ctx.header("Cache-Control", "no-cache");
        answer.send(ctx, ACTIVITY_JSON, body);
    }

    /** {@code GET /changes/page}: one page of activities after the cursor. */
    void page(Context ctx) {
        if (rdfFormat(ctx.header("Accept")) == null) {
            Negotiation.requireJson(ctx.header("Accept"));
        }
        Map<String, List<String>> params = ctx.queryParamMap();
        Set<RecordType> types = new LinkedHashSet<>();
        for (String t : RecordListRequest.values(params, "type")) {
            types.add(RecordListRequest.recordType(t));
        }
        Set<IRI> treaties = RecordListRequest.resolveAll(params, "treaty", resolver::treaty);
        Set<IRI> countries = RecordListRequest.resolveAll(params, "country", resolver::country);
        String fingerprint = fingerprint(params);
        String cursor = RecordListRequest.single(params, "cursor");
        long after = cursor == null ? 0 : Cursor.decodeLong(cursor, fingerprint);
        int limit = Params.limit(RecordListRequest.single(params, "limit"), DEFAULT_LIMIT, MAX_LIMIT);

        ChangePage page = store.changes(new ChangeQuery(types, treaties, countries), after, limit);
        List<Map<String, Object>> items = new ArrayList<>();
        for (ChangeEntry e : page.items()) {
            items.add(activity(e));
        }
        Map<String, Object> body = answer.body(pageUrl(params, cursor), "OrderedCollectionPage");
        body.put("partOf", base + "changes");
        body.put("orderedItems", items);
        body.put("next", pageUrl(params, Cursor.encode(page.position(), fingerprint)));
        RecordFormat rdf = rdfFormat(ctx.header("Accept"));
        if (rdf != null) {
            writeRdf(
                    ctx,
                    page,
                    pageUrl(params, cursor),
                    pageUrl(params, Cursor.encode(page.position(), fingerprint)),
                    rdf);
            return;
        }
        String json = Json.write(body);
        String etag = "\"" + sha256(json) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept");
        ctx.header("Cache-Control", items.size() == limit ? "public, max-age=31536000, immutable" : "no-cache");
        if (Validators.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        answer.send(ctx, ACTIVITY_JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code GET /changes/{seq}}: one activity. */
    void activity(Context ctx) {
        Negotiation.requireJson(ctx.header("Accept"));
        long seq;
        try {
            seq = Long.parseLong(ctx.pathParam("seq"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("'" + ctx.pathParam("seq") + "' is not a change number.");
        }
        ChangePage page = seq < 1 ? null : store.changes(ChangeQuery.ALL, seq - 1, 1);
        if (page == null || page.items().isEmpty() || page.items().get(0).sequence() != seq) {
            throw ApiException.notFound("This node has no change " + ctx.pathParam("seq") + ".");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@context", answer.context().url());
        body.putAll(activity(page.items().get(0)));
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        answer.send(ctx, ACTIVITY_JSON, body);
    }

    /**
     * N-Quads or TriG when the client asks for one of them by name: the page and its activities in
     * the graph {@code urn:chm-exchange:changes}, and the current statements of every record
     * created or updated in the page in the default graph, so a harvester needs one request per page.
     */
    private static RecordFormat rdfFormat(String accept) {
        if (accept == null) {
            return null;
        }
        for (RecordFormat f : List.of(RecordFormat.NQUADS, RecordFormat.TRIG)) {
            if (RecordFormat.acceptQuality(accept, f.mediaType()) > 0 && accept.contains(f.mediaType())) {
                return f;
            }
        }
        return null;
    }

    /**
     * The page as RDF. Its IRI is the page's canonical URL under the node's base (the JSON {@code id}),
     * never the request's URL: a {@code Host} header must not name things in the node's output.
     */
    private void writeRdf(Context ctx, ChangePage page, String self, String next, RecordFormat format) {
        Model m = new LinkedHashModel();
        IRI pageIri = Values.iri(self);
        m.add(pageIri, RDF.TYPE, Values.iri(Std.AS, "OrderedCollectionPage"), FEED_GRAPH);
        m.add(pageIri, Values.iri(Std.AS, "next"), Values.iri(next), FEED_GRAPH);
        Set<IRI> embedded = new java.util.LinkedHashSet<>();
        for (ChangeEntry e : page.items()) {
            IRI a = Values.iri(base + "changes/" + e.sequence());
            m.add(a, RDF.TYPE, e.kind().activityType(), FEED_GRAPH);
            m.add(a, Std.AS_OBJECT, e.record(), FEED_GRAPH);
            m.add(a, Std.AS_END_TIME, Values.literal(e.time().toString(), XSD.DATETIME), FEED_GRAPH);
            if (e.kind() != ChangeKind.DELETE) {
                embedded.add(e.record());
            }
        }
        store.getAll(embedded).values().forEach(m::addAll); // one read for the page, not one per record
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Streamed as is (no sorting or pretty-printing): harvesters read it, people do not.
        org.eclipse.rdf4j.rio.Rio.write(m, out, format.rdfFormat());
        // Never immutable: the embedded records are their current versions, which later writes change.
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept");
        ctx.contentType(format.mediaType() + "; charset=utf-8").result(out.toByteArray());
    }

    private Map<String, Object> activity(ChangeEntry e) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", base + "changes/" + e.sequence());
        a.put("type", e.kind().activityName());
        a.put(
                "object",
                Map.of(
                        "id",
                        e.record().stringValue(),
                        "type",
                        e.type().rdfClass().getLocalName()));
        a.put("endTime", e.time().toString());
        return a;
    }

    private String pageUrl(Map<String, List<String>> params, String cursor) {
        StringBuilder url = new StringBuilder(base).append("changes/page");
        char sep = '?';
        for (Map.Entry<String, List<String>> p : new java.util.TreeMap<>(params).entrySet()) {
            if (p.getKey().equals("cursor")) {
                continue;
            }
            for (String v : p.getValue()) {
                url.append(sep)
                        .append(p.getKey())
                        .append('=')
                        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        if (cursor != null) {
            url.append(sep).append("cursor=").append(cursor);
        }
        return url.toString();
    }

    private static String fingerprint(Map<String, List<String>> params) {
        return RecordListRequest.fingerprint(params);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
