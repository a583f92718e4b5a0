package org.chmexchange.harvest.odata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
import org.chmexchange.informea.InformeaEntitySet;
import org.chmexchange.informea.InformeaMapper;
import org.chmexchange.informea.InformeaMappingException;
import org.chmexchange.informea.InformeaRecord;
import org.chmexchange.informea.ODataDates;
import org.chmexchange.mapping.JsonValues;
import org.chmexchange.xml.UntrustedXml;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * One source's OData harvest (docs/INFORMEA.md, "Harvesting"). A run reads the service document
 * (version, entity sets), then each entity set page by page: {@code $top}/{@code $skip} with {@code
 * $orderby=updated desc,id} and the {@code $expand} of {@link InformeaEntitySet#expand()}, or the
 * server's next links when it sends them. An incremental run adds {@code $filter=updated gt ...}
 * (from the newest {@code updated} seen, minus the overlap); a service that rejects the filter, or
 * answers rows it should have filtered out, is marked as ignoring it, and its source gets full runs
 * from then on. A full run (the first, then every {@code fullEvery}) reads everything and ends with a
 * snapshot page: the records of the source that no row named any more are deleted. Each page is
 * committed with the position to resume from; a resumed full run does no deletion sweep (it cannot
 * know what the stopped run saw), the next full run does. A service that lists a {@code Tombstones}
 * entity set (a CHM Exchange node's {@code /informea.svc}) has it read at the end of every run, from
 * the newest deletion seen (minus the overlap): each tombstone deletes the record its {@code
 * entitySet} and {@code id} name, so deletions arrive without waiting for a full run.
 */
final class ODataHarvester implements Harvester {

    static final String ORIGIN = "origin";
    static final String MODE = "mode";
    static final String SET = "set";
    static final String NEXT = "next";
    static final String NEWEST = "newest";
    static final String RESUMED = "resumed";
    static final String SINCE = "since";
    static final String IGNORED = "filterIgnored";
    static final String FULL_AT = "fullAt";
    /** The entity set of deleted records that a CHM Exchange node's provider offers. */
    static final String TOMBSTONES = "Tombstones";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
    private static final DateTimeFormatter V2_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String ACCEPT_V3 =
            "application/json;odata=verbose, application/json;q=0.9, application/atom+xml;q=0.8, application/xml;q=0.7";
    private static final String ACCEPT_V4 = "application/json;odata.metadata=minimal, application/json;q=0.9";

    private final HarvestSource source;
    private final HarvestContext context;
    private final OkHttpClient http;
    private final ODataHarvesterFactory.Settings settings;
    private final InformeaMapper mapper;
    private final HttpUrl root;

    ODataHarvester(
            HarvestSource source,
            HarvestContext context,
            OkHttpClient http,
            ODataHarvesterFactory.Settings settings,
            InformeaMapper mapper) {
        this.source = source;
        this.context = context;
        this.http = http;
        this.settings = settings;
        this.mapper = mapper;
        String url = source.url().toString();
        this.root = HttpUrl.get(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    public void harvest(HarvestState saved, HarvestSink sink) {
        Run run = new Run(sink, new PagingGuard(context.maxRequests()));
        run.service();
        String origin =
                root + " " + run.sets.stream().map(InformeaEntitySet::setName).toList();
        HarvestState state =
                origin.equals(saved.get(ORIGIN).orElse(null)) ? saved : HarvestState.EMPTY.with(ORIGIN, origin);
        run.state = state;
        run.go();
    }

    /** What one pass over an entity set found. */
    private record Pass(boolean filterIgnored) {}

    /** One run's position, budget and findings. */
    private final class Run {
        final HarvestSink sink;
        final PagingGuard guard;
        HarvestState state;
        int version;
        boolean tombstones;
        List<InformeaEntitySet> sets = new ArrayList<>();
        final Set<IRI> unmapped = new LinkedHashSet<>();

        Run(HarvestSink sink, PagingGuard guard) {
            this.sink = sink;
            this.guard = guard;
        }

        /** The service document: the version and the entity sets it lists. */
        void service() {
            version = settings.version();
            Set<String> listed = null;
            beforeRequest(root, null);
            Request request =
                    new Request.Builder().url(root).header("Accept", ACCEPT_V3).build();
            try (Response response = http.newCall(request).execute()) {
                if (response.isSuccessful()) {
                    if (version == 0) {
                        version = versionOf(response);
                    }
                    byte[] body = Bodies.bounded(response.body(), settings.maxResponseBytes());
                    if (body != null) {
                        listed = entitySetsOf(body, response.header("Content-Type"));
                        if (version == 0
                                && listed != null
                                && new String(body, StandardCharsets.UTF_8).contains("@odata.context")) {
                            version = 4;
                        }
                    }
                } else {
                    sink.notice(
                            null,
                            "GET " + root + " (the service document) answered " + response.code()
                                    + "; every entity set is tried");
                }
            } catch (IOException e) {
                throw new HarvestException(
                        "Source " + source.name() + ": GET " + root + " failed: " + e.getMessage(), e);
            }
            if (version == 0) {
                version = 2;
            }
            tombstones = listed != null && listed.contains(TOMBSTONES);
            if (!settings.entitySets().isEmpty()) {
                sets = settings.entitySets();
            } else {
                for (InformeaEntitySet set : InformeaEntitySet.values()) {
                    if (listed == null || listed.contains(set.setName())) {
                        sets.add(set);
                    }
                }
                if (sets.isEmpty()) {
                    throw new HarvestException("Source " + source.name() + ": the service document of " + root
                            + " lists none of the InforMEA entity sets " + List.of(InformeaEntitySet.values()));
                }
            }
        }

        void go() {
            Map<String, String> since = readMap(state.get(SINCE).orElse("{}"));
            Map<String, String> ignored = readMap(state.get(IGNORED).orElse("{}"));
            String inProgress = state.get(MODE).orElse(null);
            boolean full;
            boolean resumed;
            Instant startedAt = Instant.now();
            if (inProgress != null) {
                full = inProgress.equals("full");
                resumed = true;
            } else {
                Instant fullAt = state.get(FULL_AT).map(Instant::parse).orElse(null);
                full = fullAt == null
                        || !fullAt.plus(settings.fullEvery()).isAfter(startedAt)
                        || sets.stream().anyMatch(s -> ignored.containsKey(s.setName()));
                resumed = false;
                state = state.with(MODE, full ? "full" : "incremental").with(RESUMED, null);
            }
            resumed = resumed || state.get(RESUMED).isPresent();
            if (resumed && full) {
                state = state.with(RESUMED, "true");
            }
            int start = 0;
            String position = null;
            if (inProgress != null
                    && tombstones
                    && state.get(SET).filter(TOMBSTONES::equals).isPresent()) {
                start = sets.size();
                position = state.get(NEXT).orElse(null);
            } else if (inProgress != null && state.get(SET).isPresent()) {
                for (int i = 0; i < sets.size(); i++) {
                    if (sets.get(i).setName().equals(state.get(SET).get())) {
                        start = i;
                        position = state.get(NEXT).orElse(null);
                    }
                }
            }
            for (int i = start; i < sets.size(); i++) {
                InformeaEntitySet set = sets.get(i);
                Instant from = full || since.get(set.setName()) == null
                        ? null
                        : Instant.parse(since.get(set.setName())).minus(settings.overlap());
                Pass pass = pass(set, from, i == start ? position : null);
                if (pass.filterIgnored()) {
                    ignored.put(set.setName(), "true");
                }
                String newest = state.get(NEWEST).orElse(null);
                if (newest != null) {
                    since.put(set.setName(), newest);
                }
                state = state.with(SINCE, writeMap(since))
                        .with(IGNORED, ignored.isEmpty() ? null : writeMap(ignored))
                        .with(NEWEST, null)
                        .with(SET, i + 1 < sets.size() ? sets.get(i + 1).setName() : null)
                        .with(NEXT, null);
            }
            if (tombstones) {
                Instant from = since.get(TOMBSTONES) == null
                        ? null
                        : Instant.parse(since.get(TOMBSTONES)).minus(settings.overlap());
                tombstones(from, start == sets.size() ? position : null);
                String newest = state.get(NEWEST).orElse(null);
                if (newest != null) {
                    since.put(TOMBSTONES, newest);
                }
                state = state.with(SINCE, writeMap(since))
                        .with(NEWEST, null)
                        .with(SET, null)
                        .with(NEXT, null);
            }
            HarvestState end =
                    state.with(MODE, null).with(SET, null).with(NEXT, null).with(RESUMED, null);
            if (full && !resumed) {
                end = end.with(FULL_AT, startedAt.toString());
                sink.page(new HarvestPage(new LinkedHashModel(), Set.of(), true, end, unmapped));
            } else {
                sink.page(new HarvestPage(new LinkedHashModel(), Set.of(), false, end));
            }
        }

        /**
         * Reads one entity set from {@code position} (a URL to resume from; null for the start),
         * changed after {@code from} (null: everything).
         */
        Pass pass(InformeaEntitySet set, Instant from, String position) {
            HttpUrl url = position != null ? HttpUrl.get(position) : first(set, from, true, 0);
            boolean expand = true;
            boolean checkFilter = from != null;
            boolean ignored = false;
            List<String> previousIds = null;
            Set<String> seen = new HashSet<>();
            Instant newest = state.get(NEWEST).map(Instant::parse).orElse(null);
            int skip = position == null ? 0 : skipOf(url);
            boolean firstPage = position == null;
            while (url != null) {
                beforeRequest(url, url.toString());
                Fetched fetched = fetch(url);
                if (fetched.code() == 400 || fetched.code() == 501) {
                    if (from != null && checkFilter && firstPage) {
                        sink.notice(
                                null,
                                "The " + set.setName() + " of " + root + " rejected $filter on updated ("
                                        + fetched.code() + "); read in full, and full runs from now on");
                        from = null;
                        checkFilter = false;
                        ignored = true;
                        url = first(set, null, expand, 0);
                        continue;
                    }
                    if (expand && firstPage) {
                        sink.notice(
                                null,
                                "The " + set.setName() + " of " + root + " rejected $expand="
                                        + String.join(",", set.expand()) + " (" + fetched.code()
                                        + "); navigation properties are read one by one");
                        expand = false;
                        url = first(set, from, false, 0);
                        continue;
                    }
                }
                if (fetched.code() == 404 && settings.entitySets().isEmpty() && firstPage) {
                    sink.notice(null, "The service " + root + " has no " + set.setName() + " (404); skipped");
                    return new Pass(ignored);
                }
                ODataFeed feed = feedOf(url, fetched);
                List<String> ids = new ArrayList<>();
                Model records = new LinkedHashModel();
                for (ObjectNode row : feed.rows()) {
                    String id = InformeaMapper.rowId(row);
                    ids.add(id);
                    if (id != null && !seen.add(id)) {
                        sink.notice(null, set.setName() + " lists '" + id + "' twice in this run; read once");
                        continue;
                    }
                    Instant updated = ODataDates.instant(JsonValues.text(row, "updated"));
                    if (updated != null && (newest == null || updated.isAfter(newest))) {
                        newest = updated;
                    }
                    if (checkFilter && (updated == null || !updated.isAfter(from))) {
                        sink.notice(
                                null,
                                "The " + set.setName() + " of " + root + " answered rows not updated after "
                                        + from
                                        + " to $filter=updated gt: it ignores the filter; read in full, and full runs"
                                        + " from now on");
                        checkFilter = false;
                        ignored = true;
                    }
                    admit(set, row, records);
                }
                if (previousIds != null && !ids.isEmpty() && ids.equals(previousIds)) {
                    throw new HarvestException("Source " + source.name() + ": " + url + " answered the same "
                            + ids.size() + " rows as the page before: the service ignores $skip; stopped");
                }
                previousIds = ids;
                firstPage = false;
                HttpUrl next = null;
                if (feed.next() != null) {
                    next = sameOrigin(HttpUrl.get(feed.next()), "next link");
                } else if (feed.rows().size() >= settings.pageSize()) {
                    skip = skipOf(url) + feed.rows().size();
                    next = url.newBuilder()
                            .setQueryParameter("$skip", Integer.toString(skip))
                            .build();
                }
                try {
                    guard.afterPage(url.toString(), feed.rows().size(), next == null ? null : next.toString());
                } catch (PagingException e) {
                    throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
                }
                state = state.with(SET, set.setName())
                        .with(NEXT, next == null ? null : next.toString())
                        .with(NEWEST, newest == null ? null : newest.toString());
                sink.page(new HarvestPage(records, Set.of(), false, state));
                url = next;
            }
            return new Pass(ignored);
        }

        /**
         * Reads the {@code Tombstones} deleted after {@code from} (null: all), from {@code position}
         * (a next link to resume from; null for the start), one page of deletions per page.
         */
        void tombstones(Instant from, String position) {
            HttpUrl url = position != null ? HttpUrl.get(position) : tombstonesUrl(from);
            Instant newest = state.get(NEWEST).map(Instant::parse).orElse(null);
            while (url != null) {
                beforeRequest(url, url.toString());
                Fetched fetched = fetch(url);
                ODataFeed feed = feedOf(url, fetched);
                Set<IRI> deletes = new LinkedHashSet<>();
                for (ObjectNode row : feed.rows()) {
                    Instant updated = ODataDates.instant(JsonValues.text(row, "updated"));
                    if (updated != null && (newest == null || updated.isAfter(newest))) {
                        newest = updated;
                    }
                    String id = JsonValues.text(row, "id");
                    java.util.Optional<InformeaEntitySet> set = java.util.Optional.ofNullable(
                                    JsonValues.text(row, "entitySet"))
                            .flatMap(InformeaEntitySet::named);
                    if (id == null || set.isEmpty()) {
                        sink.notice(null, "A tombstone names no entity set of records or no id: " + row + "; skipped");
                        continue;
                    }
                    // the record IRI at the provider too: a row served with its IRI as id was stored under it,
                    // and a national report's tombstone cannot always tell which of its two sets served it
                    String uri = JsonValues.text(row, "uri");
                    IRI atProvider = uri == null ? null : org.chmexchange.mapping.SourceValues.httpIri(uri);
                    if (atProvider != null) {
                        deletes.add(atProvider);
                    }
                    try {
                        deletes.add(mapper.recordIri(set.get(), id));
                    } catch (InformeaMappingException e) {
                        sink.notice(null, "A tombstone: " + e.getMessage() + "; skipped");
                    }
                }
                HttpUrl next = feed.next() == null ? null : sameOrigin(HttpUrl.get(feed.next()), "next link");
                try {
                    guard.afterPage(url.toString(), feed.rows().size(), next == null ? null : next.toString());
                } catch (PagingException e) {
                    throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
                }
                state = state.with(SET, TOMBSTONES)
                        .with(NEXT, next == null ? null : next.toString())
                        .with(NEWEST, newest == null ? null : newest.toString());
                sink.page(new HarvestPage(new LinkedHashModel(), deletes, false, state));
                url = next;
            }
        }

        HttpUrl tombstonesUrl(Instant from) {
            HttpUrl.Builder b = root.newBuilder().addPathSegment(TOMBSTONES); // the server pages (next links)
            if (from != null) {
                b.addQueryParameter(
                        "$filter", "updated gt datetime'" + V2_DATE.format(from.truncatedTo(ChronoUnit.SECONDS)) + "'");
            }
            return b.build();
        }

        /** Maps one row into {@code records}, its deferred navigation properties read first; or reports why not. */
        void admit(InformeaEntitySet set, ObjectNode row, Model records) {
            for (String property : set.expand()) {
                JsonNode value = row.get(property);
                if (value != null && value.isObject() && value.has("__deferred")) {
                    row.set(
                            property,
                            deferred(value.get("__deferred").path("uri").asText(null)));
                }
            }
            InformeaRecord record;
            try {
                record = mapper.map(set, row);
            } catch (InformeaMappingException e) {
                sink.notice(null, e.getMessage() + "; skipped");
                try {
                    unmapped.add(mapper.recordIri(set, row));
                } catch (InformeaMappingException noId) {
                    // a row without an id names no record to keep
                }
                return;
            }
            for (String notice : record.notices()) {
                sink.notice(record.iri(), notice);
            }
            records.addAll(record.statements());
        }

        /** The rows of a deferred navigation property, by one guarded GET. */
        JsonNode deferred(String uri) {
            ArrayNode results = JsonNodeFactory.instance.arrayNode();
            if (uri == null) {
                return JsonNodeFactory.instance.objectNode().set("results", results);
            }
            HttpUrl url = sameOrigin(HttpUrl.get(uri), "deferred navigation link");
            beforeRequest(url, null);
            feedOf(url, fetch(url)).rows().forEach(results::add);
            return JsonNodeFactory.instance.objectNode().set("results", results);
        }

        /** The feed of a successful answer; a clear error for a failed one or a body that is no feed. */
        ODataFeed feedOf(HttpUrl url, Fetched fetched) {
            if (fetched.code() < 200 || fetched.code() > 299) {
                throw new HarvestException("Source " + source.name() + ": GET " + url + " answered " + fetched.code()
                        + ": " + fetched.snippet());
            }
            try {
                return ODataFeed.read(fetched.body(), fetched.contentType(), url);
            } catch (ODataFeed.FormatException e) {
                throw new HarvestException(
                        "Source " + source.name() + ": " + url + " is not an OData feed: " + e.getMessage(), e);
            }
        }

        HttpUrl first(InformeaEntitySet set, Instant from, boolean expand, int skip) {
            HttpUrl.Builder b = root.newBuilder()
                    .addPathSegment(set.setName())
                    .addQueryParameter("$top", Integer.toString(settings.pageSize()))
                    .addQueryParameter("$skip", Integer.toString(skip))
                    .addQueryParameter("$orderby", "updated desc,id");
            if (expand) {
                b.addQueryParameter("$expand", String.join(",", set.expand()));
            }
            if (from != null) {
                Instant t = from.truncatedTo(ChronoUnit.SECONDS);
                b.addQueryParameter(
                        "$filter", version >= 4 ? "updated gt " + t : "updated gt datetime'" + V2_DATE.format(t) + "'");
            }
            return b.build();
        }

        record Fetched(int code, byte[] body, String contentType) {
            String snippet() {
                String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
                return s.isEmpty() ? "(no body)" : s;
            }
        }

        Fetched fetch(HttpUrl url) {
            Request request = new Request.Builder()
                    .url(url)
                    .header("Accept", version >= 4 ? ACCEPT_V4 : ACCEPT_V3)
                    .build();
            try (Response response = http.newCall(request).execute()) {
                byte[] bytes = Bodies.bounded(response.body(), settings.maxResponseBytes());
                if (bytes == null) {
                    throw new HarvestException("Source " + source.name() + ": " + url + " answered more than "
                            + settings.maxResponseBytes() + " bytes (option " + ODataHarvesterFactory.MAX_RESPONSE_BYTES
                            + ")");
                }
                return new Fetched(response.code(), bytes, response.header("Content-Type"));
            } catch (IOException e) {
                throw new HarvestException(
                        "Source " + source.name() + ": GET " + url + " failed: " + e.getMessage(), e);
            }
        }

        void beforeRequest(HttpUrl url, String cursor) {
            try {
                guard.beforeRequest(url.toString(), cursor);
            } catch (PagingException e) {
                throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
            }
        }

        /** A link the service gave, refused when it leaves the service's origin (credentials go there only). */
        HttpUrl sameOrigin(HttpUrl link, String what) {
            if (!link.scheme().equals(root.scheme())
                    || !link.host().equals(root.host())
                    || link.port() != root.port()) {
                throw new HarvestException("Source " + source.name() + ": the " + what + " " + link
                        + " leaves the service's origin " + root.scheme() + "://" + root.host() + ":" + root.port()
                        + "; not followed");
            }
            return link;
        }
    }

    private static int skipOf(HttpUrl url) {
        String skip = url.queryParameter("$skip");
        try {
            return skip == null ? 0 : Integer.parseInt(skip);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The version a response's headers declare (OData v4 {@code OData-Version}, v1-v3 {@code DataServiceVersion}); 0 if none. */
    static int versionOf(Response response) {
        for (String header : List.of("OData-Version", "DataServiceVersion")) {
            String v = response.header(header);
            if (v != null && !v.isBlank() && Character.isDigit(v.strip().charAt(0))) {
                int major = Character.digit(v.strip().charAt(0), 10);
                if (major >= 1 && major <= 4) {
                    return major;
                }
            }
        }
        return 0;
    }

    /** The entity set names of a service document (JSON verbose, v4 JSON or AtomPub XML); null if unreadable. */
    static Set<String> entitySetsOf(byte[] body, String contentType) {
        Set<String> out = new LinkedHashSet<>();
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
        if ((contentType != null && contentType.contains("xml")) || start.startsWith("<")) {
            try {
                XMLStreamReader r = UntrustedXml.input().createXMLStreamReader(new ByteArrayInputStream(body));
                try {
                    while (r.hasNext()) {
                        if (r.next() == XMLStreamConstants.START_ELEMENT && "collection".equals(r.getLocalName())) {
                            String href = r.getAttributeValue(null, "href");
                            if (href != null) {
                                out.add(href.strip());
                            }
                        }
                    }
                } finally {
                    r.close();
                }
            } catch (XMLStreamException e) {
                return null;
            }
            return out;
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null) {
                return null;
            }
            root.path("d").path("EntitySets").forEach(n -> out.add(n.asText()));
            root.path("value")
                    .forEach(n -> out.add(n.path("url").asText(n.path("name").asText())));
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> readMap(String json) {
        try {
            return new LinkedHashMap<>(JSON.readValue(json, MAP));
        } catch (JsonProcessingException e) {
            throw new HarvestException("A saved OData harvest state is not valid JSON: " + json, e);
        }
    }

    private static String writeMap(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the OData harvest state", e);
        }
    }
}
