package org.chmexchange.harvest.cbd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.chmexchange.cbd.CbdMapper;
import org.chmexchange.cbd.CbdMappingException;
import org.chmexchange.cbd.CbdRecord;
import org.chmexchange.cbd.CbdSchema;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestException;
import org.chmexchange.harvest.HarvestPage;
import org.chmexchange.harvest.HarvestSink;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.http.Bodies;
import org.chmexchange.http.PagingException;
import org.chmexchange.http.PagingGuard;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * One source's CBD harvest (docs/CBD.md, "Harvesting"): first the retry list (bodies that could not
 * be read last time), then the window of index documents changed since the last run, page by page in
 * {@code updatedDate_dt asc, id asc} order with a keyset on both (each page asks for what comes after
 * the last document of the page before, so a record changed while the run pages moves to the end and
 * nothing is skipped), each page committed with its position; and, when {@code sweepEvery} has passed,
 * the identifier sweep that finds deletions.
 */
final class CbdHarvester implements Harvester {

    /** State: {@code updatedDate_dt} of the last document committed (ISO instant). */
    static final String SINCE = "since";
    /** State: JSON {identifier: [revision, updated epoch ms]} of documents inside the overlap. */
    static final String SEEN = "seen";
    /** State: identifiers whose body could not be read, comma-separated, read again next run. */
    static final String RETRY = "retry";
    /** State: when the last complete sweep started (ISO instant). */
    static final String SWEPT = "swept";
    /** State: the query the positions belong to; another query starts over. */
    static final String ORIGIN = "origin";

    /** The most identifiers kept on the retry list. */
    static final int MAX_RETRY = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, long[]>> SEEN_TYPE = new TypeReference<>() {};
    private static final String ORDER = "updatedDate_dt asc, id asc";
    private static final String SWEEP_FIELDS = "id,identifier_s,schema_s,symbol_s,_revision_i,updatedDate_dt";

    private final HarvestSource source;
    private final HarvestContext context;
    private final OkHttpClient http;
    private final HttpUrl api;
    private final CbdHarvesterFactory.Options options;
    private final CbdMapper mapper;

    CbdHarvester(
            HarvestSource source,
            HarvestContext context,
            OkHttpClient http,
            CbdHarvesterFactory.Options options,
            CbdMapper mapper) {
        this.source = source;
        this.context = context;
        this.http = http;
        this.api = HttpUrl.get(source.url().toString());
        this.options = options;
        this.mapper = mapper;
    }

    @Override
    public void harvest(HarvestState saved, HarvestSink sink) {
        String filter = options.filter();
        String origin = api + " " + filter;
        HarvestState state =
                origin.equals(saved.get(ORIGIN).orElse(null)) ? saved : HarvestState.EMPTY.with(ORIGIN, origin);
        Run run = new Run(sink, new PagingGuard(context.maxRequests()), state);
        run.retry(filter);
        run.window(filter);
        Instant swept = state.get(SWEPT).map(Instant::parse).orElse(null);
        Instant now = Instant.now();
        if (swept == null || !swept.plus(options.sweepEvery()).isAfter(now)) {
            run.sweep(filter, now);
        }
    }

    /** One run's position and budget. */
    private final class Run {
        final HarvestSink sink;
        final PagingGuard guard;
        HarvestState state;
        final Map<String, long[]> seen;
        final Set<String> retry;

        Run(HarvestSink sink, PagingGuard guard, HarvestState state) {
            this.sink = sink;
            this.guard = guard;
            this.state = state;
            this.seen = readSeen(state.get(SEEN).orElse("{}"));
            this.retry = new LinkedHashSet<>();
            for (String id : state.get(RETRY).orElse("").split(",")) {
                if (!id.isBlank()) {
                    retry.add(id);
                }
            }
        }

        /** Reads again the documents whose body failed last time. */
        void retry(String filter) {
            if (retry.isEmpty()) {
                return;
            }
            List<String> ids = List.copyOf(retry);
            retry.clear();
            for (int i = 0; i < ids.size(); i += options.rows()) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + options.rows()));
                IndexResult page = select(
                        new IndexSelect(
                                filter + " AND " + Solr.anyOf("identifier_s", chunk), null, ORDER, 0, options.rows()),
                        null);
                Model records = new LinkedHashModel();
                for (JsonNode doc : page.docs()) {
                    admit(doc, records, true);
                }
                state = state.with(RETRY, retry.isEmpty() ? null : String.join(",", retry));
                sink.page(new HarvestPage(records, Set.of(), false, state.with(SEEN, writeSeen())));
            }
        }

        /** The documents changed since the last run, from {@code since - overlap}. */
        void window(String filter) {
            Instant since = state.get(SINCE).map(Instant::parse).orElse(null);
            Instant now = Instant.now();
            if (since != null && since.isAfter(now)) {
                since = now; // a date in the future at the source must not hide the changes after it
            }
            Instant lastDate = null;
            String lastId = null;
            while (true) {
                String q;
                String cursor = null;
                if (lastDate == null) {
                    q = since == null
                            ? filter
                            : filter + " AND updatedDate_dt:[" + Solr.date(since.minus(options.overlap())) + " TO *]";
                } else {
                    String d = Solr.date(lastDate);
                    cursor = lastDate + " " + lastId;
                    q = filter + " AND (updatedDate_dt:{" + d + " TO *] OR (updatedDate_dt:[" + d + " TO " + d
                            + "] AND id:{" + Solr.escape(lastId) + " TO *]))";
                }
                IndexResult page = select(new IndexSelect(q, null, ORDER, 0, options.rows()), cursor);
                Model records = new LinkedHashModel();
                for (JsonNode doc : page.docs()) {
                    admit(doc, records, false);
                }
                JsonNode last = page.docs().isEmpty()
                        ? null
                        : page.docs().get(page.docs().size() - 1);
                String next = null;
                if (last != null) {
                    Instant date = instant(last);
                    String id = text(last, "id");
                    if (date == null || id == null) {
                        // a document without a date sorts last and cannot be a keyset position: the
                        // window ends here; the sweep reads documents without updatedDate_dt
                        next = null;
                    } else {
                        lastDate = date;
                        lastId = id;
                        next = date + " " + id;
                        state = state.with(SINCE, date.toString());
                    }
                }
                pruneSeen();
                state = state.with(SEEN, writeSeen()).with(RETRY, retry.isEmpty() ? null : String.join(",", retry));
                boolean more = next != null && page.docs().size() == options.rows();
                try {
                    guard.afterPage(page.url(), page.docs().size(), more ? next : null);
                } catch (PagingException e) {
                    throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
                }
                sink.page(new HarvestPage(records, Set.of(), false, state));
                if (!more) {
                    return;
                }
            }
        }

        /**
         * The identifier sweep: every identifier the index lists (ids only, in {@code id} order),
         * ending in a snapshot page naming them all, so that the records it no longer lists are
         * deleted. Documents without {@code updatedDate_dt}, which no window finds, are read in full
         * here. A sweep that finds no document at all is refused.
         */
        void sweep(String filter, Instant startedAt) {
            Set<IRI> present = new LinkedHashSet<>();
            String lastId = null;
            long total = 0;
            while (true) {
                String q = lastId == null ? filter : filter + " AND id:{" + Solr.escape(lastId) + " TO *]";
                IndexResult page = select(new IndexSelect(q, SWEEP_FIELDS, "id asc", 0, options.rows()), lastId);
                List<String> undated = new ArrayList<>();
                for (JsonNode doc : page.docs()) {
                    total++;
                    CbdSchema schema = CbdSchema.named(String.valueOf(text(doc, "schema_s")))
                            .orElse(null);
                    if (schema == null) {
                        continue;
                    }
                    try {
                        present.add(mapper.recordIri(schema, doc));
                    } catch (CbdMappingException e) {
                        sink.notice(null, e.getMessage());
                        continue;
                    }
                    if (text(doc, "updatedDate_dt") == null && text(doc, "identifier_s") != null) {
                        undated.add(text(doc, "identifier_s"));
                    }
                }
                Model records = new LinkedHashModel();
                if (!undated.isEmpty()) {
                    IndexResult full = select(
                            new IndexSelect(
                                    filter + " AND " + Solr.anyOf("identifier_s", undated),
                                    null,
                                    "id asc",
                                    0,
                                    undated.size()),
                            null);
                    for (JsonNode doc : full.docs()) {
                        admit(doc, records, false);
                    }
                }
                JsonNode last = page.docs().isEmpty()
                        ? null
                        : page.docs().get(page.docs().size() - 1);
                boolean more =
                        last != null && text(last, "id") != null && page.docs().size() == options.rows();
                try {
                    guard.afterPage(page.url(), page.docs().size(), more ? text(last, "id") : null);
                } catch (PagingException e) {
                    throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
                }
                if (more) {
                    lastId = text(last, "id");
                    if (!records.isEmpty()) {
                        sink.page(new HarvestPage(records, Set.of(), false, state));
                    }
                    continue;
                }
                if (total == 0) {
                    throw new HarvestException("Source " + source.name() + ": the identifier sweep found no document"
                            + " for " + filter + "; an empty index is more likely a wrong realm or filter than a"
                            + " clearing-house without records, so nothing is deleted");
                }
                state = state.with(SWEPT, startedAt.toString())
                        .with(RETRY, retry.isEmpty() ? null : String.join(",", retry));
                sink.page(new HarvestPage(records, Set.of(), true, state, present));
                return;
            }
        }

        /** Maps one index document (with its body) into {@code records}, or reports why not. */
        void admit(JsonNode doc, Model records, boolean retrying) {
            String identifier = text(doc, "identifier_s");
            CbdSchema schema =
                    CbdSchema.named(String.valueOf(text(doc, "schema_s"))).orElse(null);
            if (schema == null || identifier == null) {
                sink.notice(
                        null,
                        "Index document " + text(doc, "id") + " has "
                                + (identifier == null ? "no identifier_s" : "schema_s " + text(doc, "schema_s"))
                                + "; skipped");
                return;
            }
            Long revision = longValue(doc, "_revision_i");
            long[] before = seen.get(identifier);
            if (!retrying && before != null && revision != null) {
                if (revision == before[0]) {
                    return; // read again in the overlap: applied already
                }
                if (revision < before[0]) {
                    sink.notice(
                            null,
                            "The index lists " + identifier + " at revision " + revision + ", older than revision "
                                    + before[0] + " applied; left as it is");
                    return;
                }
            }
            JsonNode body = null;
            if (schema.hasBody()) {
                body = body(identifier);
                if (body == null) {
                    return;
                }
            }
            // read: a revision is mapped the same way each time, so it is not read again in the overlap
            Instant updated = instant(doc);
            seen.put(
                    identifier,
                    new long[] {revision == null ? -1 : revision, updated == null ? 0 : updated.toEpochMilli()});
            CbdRecord record;
            try {
                record = mapper.map(schema, doc, body);
            } catch (CbdMappingException e) {
                sink.notice(null, e.getMessage() + "; skipped");
                return;
            }
            for (String notice : record.notices()) {
                sink.notice(record.iri(), notice);
            }
            records.addAll(record.statements());
        }

        /**
         * The body of a record, or null (reported) when it cannot be had now: 404 (gone since the index
         * was written; the sweep decides) or a body that is not JSON (put on the retry list).
         */
        JsonNode body(String identifier) {
            HttpUrl url = api.newBuilder()
                    .addPathSegments("api/v2013/documents")
                    .addPathSegment(identifier)
                    .build();
            beforeRequest(url);
            byte[] bytes = get(url, true);
            if (bytes == null) {
                sink.notice(
                        null,
                        "GET " + url + " answered 404: the record left the clearing-house after the"
                                + " index listed it; the sweep will tell");
                return null;
            }
            JsonNode body;
            try {
                body = JSON.readTree(bytes);
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                if (retry.size() < MAX_RETRY) {
                    retry.add(identifier);
                }
                sink.notice(
                        null,
                        "GET " + url + " did not answer a JSON object; " + identifier + " is read again next run");
                return null;
            }
            return body;
        }

        IndexResult select(IndexSelect select, String cursor) {
            HttpUrl url = select.toUrl(api);
            try {
                guard.beforeRequest(url.toString(), cursor);
            } catch (PagingException e) {
                throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
            }
            try {
                return IndexResult.read(url.toString(), get(url, false));
            } catch (IndexResult.FormatException e) {
                throw new HarvestException(
                        "Source " + source.name() + ": " + url + " is not a Solr response: " + e.getMessage(), e);
            }
        }

        /**
         * The body of a JSON {@code GET}, at most {@code maxResponseBytes}; null for a 404 when {@code
         * absentOk}.
         *
         * @throws HarvestException for another failure: an error status, a network failure, a body too
         *     large
         */
        byte[] get(HttpUrl url, boolean absentOk) {
            Request request = new Request.Builder()
                    .url(url)
                    .header("Accept", "application/json")
                    .build();
            try (Response response = http.newCall(request).execute()) {
                if (absentOk && response.code() == 404) {
                    return null;
                }
                if (!response.isSuccessful()) {
                    throw new HarvestException(
                            "Source " + source.name() + ": GET " + url + " answered " + response.code());
                }
                byte[] bytes = Bodies.bounded(response.body(), options.maxResponseBytes());
                if (bytes == null) {
                    throw new HarvestException("Source " + source.name() + ": " + url + " answered more than "
                            + options.maxResponseBytes() + " bytes (option "
                            + CbdHarvesterFactory.MAX_RESPONSE_BYTES + ")");
                }
                return bytes;
            } catch (IOException e) {
                throw new HarvestException(
                        "Source " + source.name() + ": GET " + url + " failed: " + e.getMessage(), e);
            }
        }

        void beforeRequest(HttpUrl url) {
            try {
                guard.beforeRequest(url.toString());
            } catch (PagingException e) {
                throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
            }
        }

        /** Keeps the documents updated within the overlap of the newest one. */
        void pruneSeen() {
            long newest = 0;
            for (long[] v : seen.values()) {
                newest = Math.max(newest, v[1]);
            }
            long cut = Math.min(newest, System.currentTimeMillis())
                    - options.overlap().toMillis();
            seen.values().removeIf(v -> v[1] < cut);
        }

        String writeSeen() {
            try {
                return JSON.writeValueAsString(seen);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the overlap's revisions", e);
            }
        }
    }

    private static Map<String, long[]> readSeen(String json) {
        try {
            return new LinkedHashMap<>(JSON.readValue(json, SEEN_TYPE));
        } catch (JsonProcessingException e) {
            throw new HarvestException("The saved revisions of the overlap are not valid JSON: " + json, e);
        }
    }

    private static String text(JsonNode doc, String field) {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static Long longValue(JsonNode doc, String field) {
        JsonNode v = doc.get(field);
        if (v == null || !v.canConvertToLong()) {
            return null;
        }
        return v.asLong();
    }

    private static Instant instant(JsonNode doc) {
        String v = text(doc, "updatedDate_dt");
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
