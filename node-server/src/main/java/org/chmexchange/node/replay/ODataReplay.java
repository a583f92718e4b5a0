package org.chmexchange.node.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chmexchange.informea.ODataDates;

/**
 * A local stand-in for an MEA's InforMEA OData service (INCUMBENTS.md part B 1), serving rows you put
 * in over real HTTP, so that the {@code odata} harvester can be tried, tested and benchmarked without
 * the network. It answers, as JSON verbose (OData v2, {@code DataServiceVersion: 2.0}) or, with {@link
 * #v4}, OData v4 JSON:
 *
 * <ul>
 *   <li>{@code GET /}: the service document, the entity sets that have rows;
 *   <li>{@code GET /{EntitySet}}: {@code $top}, {@code $skip}, {@code $orderby} (always served as
 *       {@code updated desc,id}), {@code $expand} (expanded navigation properties inline, the others
 *       {@code __deferred}), {@code $filter=updated gt datetime'...'} (v4: {@code updated gt ...Z});
 *       another filter is 501; with a {@link #serverPageSize} a next link ({@code __next}, {@code
 *       @odata.nextLink});
 *   <li>{@code GET /{EntitySet}('{id}')/{property}}: a deferred navigation property's rows.
 * </ul>
 *
 * Misbehaviours of real services can be switched on: {@link #ignoreSkip}, {@link #ignoreFilter},
 * {@link #rejectExpand}.
 * Every request is logged ({@link #requests()}).
 *
 * <p>Thread-safety: requests are served concurrently; rows may change while it runs.
 */
public final class ODataReplay implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern V2_FILTER = Pattern.compile("updated gt datetime'([^']+)'");
    private static final Pattern V4_FILTER = Pattern.compile("updated gt (\\S+)");
    private static final Pattern KEY = Pattern.compile("([A-Za-z]+)\\('([^']*)'\\)");

    private final Javalin http;
    private final Map<String, Map<String, ObjectNode>> sets = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> navigation = new ConcurrentHashMap<>();
    private final List<String> served = new ArrayList<>();
    private volatile boolean v4;
    private volatile boolean ignoreSkip;
    private volatile boolean ignoreFilter;
    private volatile int serverPageSize;
    private volatile boolean rejectExpand;

    private ODataReplay() {
        this.http = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/", this::serviceDocument);
            cfg.routes.get("/{set}", this::list);
            cfg.routes.get("/{entity}/{property}", this::property);
            cfg.routes.after(ctx -> log(ctx));
        });
    }

    /**
     * Starts serving (no rows yet).
     *
     * @param host the address to bind, such as {@code 127.0.0.1}
     * @param port the port; 0 for any free one
     */
    public static ODataReplay start(String host, int port) {
        ODataReplay replay = new ODataReplay();
        replay.http.start(host, port);
        return replay;
    }

    /** The service root, {@code http://127.0.0.1:{port}} (entity sets at {@code /{EntitySet}}). */
    public URI url() {
        return URI.create("http://127.0.0.1:" + http.port());
    }

    /**
     * Puts (or replaces, by {@code id}) rows of an entity set. Rows are JSON objects with their
     * navigation properties as arrays; {@code updated} as {@code /Date(ms)/} or ISO.
     *
     * @param set the entity set ({@code Decisions})
     * @param navigationProperties the names of the row fields that are navigation properties
     */
    public void put(String set, Set<String> navigationProperties, List<ObjectNode> rows) {
        navigation.put(set, Set.copyOf(navigationProperties));
        Map<String, ObjectNode> byId = sets.computeIfAbsent(set, k -> new ConcurrentHashMap<>());
        for (ObjectNode row : rows) {
            byId.put(row.path("id").asText(), row.deepCopy());
        }
    }

    /** Removes a row; true if it was there. */
    public boolean remove(String set, String id) {
        Map<String, ObjectNode> byId = sets.get(set);
        return byId != null && byId.remove(id) != null;
    }

    /** Serves OData v4 JSON instead of JSON verbose. */
    public void v4(boolean on) {
        this.v4 = on;
    }

    /** Answers every page as the first, as services that ignore {@code $skip} do. */
    public void ignoreSkip(boolean on) {
        this.ignoreSkip = on;
    }

    /** Answers every row whatever the {@code $filter}, as services that ignore it do. */
    public void ignoreFilter(boolean on) {
        this.ignoreFilter = on;
    }

    /** Answers 400 to {@code $expand}, as services without some navigation properties do. */
    public void rejectExpand(boolean on) {
        this.rejectExpand = on;
    }

    /** Server-driven paging: at most this many rows per page, with a next link; 0 for none. */
    public void serverPageSize(int rows) {
        this.serverPageSize = rows;
    }

    /** The requests served so far (path and query, decoded), oldest first. */
    public synchronized List<String> requests() {
        return List.copyOf(served);
    }

    private void serviceDocument(Context ctx) {
        ObjectNode doc = JSON.createObjectNode();
        if (v4) {
            doc.put("@odata.context", url() + "/$metadata");
            ArrayNode value = doc.putArray("value");
            sets.keySet().stream()
                    .sorted()
                    .forEach(s -> value.addObject().put("name", s).put("url", s));
            ctx.header("OData-Version", "4.0");
        } else {
            ArrayNode names = doc.putObject("d").putArray("EntitySets");
            sets.keySet().stream().sorted().forEach(names::add);
            ctx.header("DataServiceVersion", "2.0");
        }
        ctx.contentType("application/json").result(doc.toString());
    }

    private void list(Context ctx) {
        String set = ctx.pathParam("set");
        Map<String, ObjectNode> byId = sets.get(set);
        if (byId == null) {
            error(ctx, 404, "Resource not found for the segment '" + set + "'.");
            return;
        }
        if (rejectExpand && ctx.queryParam("$expand") != null) {
            error(ctx, 400, "Could not find a property named '" + ctx.queryParam("$expand") + "'.");
            return;
        }
        List<ObjectNode> rows = new ArrayList<>(byId.values());
        String filter = ctx.queryParam("$filter");
        if (filter != null && !ignoreFilter) {
            Matcher m = (v4 ? V4_FILTER : V2_FILTER).matcher(filter.strip());
            if (!m.matches()) {
                error(ctx, 501, "Only updated gt is supported: " + filter);
                return;
            }
            Instant after = ODataDates.instant(m.group(1));
            if (after == null) {
                error(ctx, 400, "Not a date-time: " + m.group(1));
                return;
            }
            rows.removeIf(r -> {
                Instant u = ODataDates.instant(r.path("updated").asText(null));
                return u == null || !u.isAfter(after);
            });
        }
        rows.sort(Comparator.comparing(
                        (ObjectNode r) -> ODataDates.instant(r.path("updated").asText(null)),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.path("id").asText()));
        int skip = ignoreSkip ? 0 : integer(ctx.queryParam("$skip"), 0);
        int top = integer(ctx.queryParam("$top"), Integer.MAX_VALUE);
        int size = serverPageSize > 0 ? Math.min(top, serverPageSize) : top;
        List<ObjectNode> page =
                rows.subList(Math.min(skip, rows.size()), (int) Math.min((long) skip + size, rows.size()));
        Set<String> expand = new java.util.HashSet<>();
        String e = ctx.queryParam("$expand");
        if (e != null) {
            for (String p : e.split(",")) {
                expand.add(p.strip());
            }
        }
        ArrayNode out = JSON.createArrayNode();
        for (ObjectNode row : page) {
            out.add(render(set, row, expand));
        }
        String next = null;
        if (serverPageSize > 0
                && skip + page.size() < Math.min(rows.size(), top == Integer.MAX_VALUE ? rows.size() : skip + top)) {
            Map<String, String> query = new LinkedHashMap<>();
            ctx.queryParamMap().forEach((k, v) -> query.put(k, v.get(0)));
            query.put("$skip", Integer.toString(skip + page.size()));
            StringBuilder b = new StringBuilder(url() + "/" + set + "?");
            query.forEach((k, v) -> b.append(k)
                    .append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
                    .append('&'));
            next = b.substring(0, b.length() - 1);
        }
        ObjectNode doc = JSON.createObjectNode();
        if (v4) {
            doc.put("@odata.context", url() + "/$metadata#" + set);
            doc.set("value", out);
            if (next != null) {
                doc.put("@odata.nextLink", next);
            }
            ctx.header("OData-Version", "4.0");
        } else {
            ObjectNode d = doc.putObject("d");
            d.set("results", out);
            if (next != null) {
                d.put("__next", next);
            }
            ctx.header("DataServiceVersion", "2.0");
        }
        ctx.contentType("application/json").result(doc.toString());
    }

    private ObjectNode render(String set, ObjectNode row, Set<String> expand) {
        ObjectNode out = row.deepCopy();
        String key = set + "('" + row.path("id").asText() + "')";
        if (!v4) {
            out.putObject("__metadata").put("uri", url() + "/" + key).put("type", "informea." + set);
        }
        for (String nav : navigation.getOrDefault(set, Set.of())) {
            JsonNode value = row.get(nav);
            if (expand.contains(nav)) {
                if (!v4) {
                    out.set(
                            nav,
                            JSON.createObjectNode().set("results", value == null ? JSON.createArrayNode() : value));
                }
            } else if (v4) {
                out.remove(nav);
            } else {
                out.set(
                        nav,
                        JSON.createObjectNode()
                                .set("__deferred", JSON.createObjectNode().put("uri", url() + "/" + key + "/" + nav)));
            }
        }
        return out;
    }

    private void property(Context ctx) {
        Matcher m = KEY.matcher(ctx.pathParam("entity"));
        ObjectNode row = m.matches() ? sets.getOrDefault(m.group(1), Map.of()).get(m.group(2)) : null;
        String property = ctx.pathParam("property");
        if (row == null || !navigation.getOrDefault(m.group(1), Set.of()).contains(property)) {
            error(ctx, 404, "Resource not found: " + ctx.path());
            return;
        }
        JsonNode value = row.get(property);
        ObjectNode doc = JSON.createObjectNode();
        doc.putObject("d").set("results", value == null ? JSON.createArrayNode() : value);
        ctx.header("DataServiceVersion", "2.0");
        ctx.contentType("application/json").result(doc.toString());
    }

    private static void error(Context ctx, int status, String message) {
        ObjectNode doc = JSON.createObjectNode();
        doc.putObject("error")
                .put("code", "")
                .putObject("message")
                .put("lang", "en-US")
                .put("value", message);
        ctx.status(status).contentType("application/json").result(doc.toString());
    }

    private static int integer(String value, int fallback) {
        try {
            return value == null ? fallback : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private synchronized void log(Context ctx) {
        if (served.size() >= 100_000) {
            served.remove(0);
        }
        String query = ctx.queryString();
        served.add(ctx.path()
                + (query == null
                        ? ""
                        : "?" + java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        http.stop();
    }
}
