package org.chmexchange.node.network;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.chmexchange.node.config.NetworkConfig;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of the nodes of the network this node knows (seed CBD COP-12 progress report B.1:
 * tracking national CHMs): the configured ones ({@code network: nodes:}), those that registered
 * with one of this node's write tokens, and this node itself. It polls every node's {@code
 * /.well-known/chm-node} on a schedule and keeps, per node, the outcome of the last poll and of the
 * last successful one, and a history of its record counts (by type and by country) for the network
 * page's chart.
 *
 * <p>State: registrations and histories are stored as store settings ({@code network:registered},
 * {@code network:history}, JSON), so they survive a restart; the last poll outcomes live in memory.
 * A history keeps at most {@value #HISTORY} samples per node (the oldest go first), a sample only
 * when a count changed (so an idle network writes nothing), and the per-country counts of its
 * newest {@value #COUNTRY_HISTORY} samples only. What a node reports is bounded before it is kept: record types this software knows,
 * at most {@value #MAX_COUNTRIES} two-letter country codes.
 *
 * <p>Poll errors shown on the public status are a short class of failure ({@code unreachable},
 * {@code timeout}, {@code HTTP 404}, {@code not a self-description}...), never an exception's text
 * (which names internal addresses); URLs with user information are refused.
 *
 * <p>Lifecycle: {@link #start} reads this node's own description, then polls every node on the
 * registry's thread every {@link NetworkConfig#poll()}; {@link #close} stops polling and cancels a
 * call in flight. Thread-safety: thread-safe; polls never overlap ({@link #pollAll} is
 * synchronized), reads see a consistent snapshot per node.
 */
public final class NodeRegistry implements AutoCloseable {

    /** The most history samples kept per node. */
    public static final int HISTORY = 1000;

    /** The largest self-description read, in bytes. */
    public static final long MAX_DESCRIPTION_BYTES = 1 << 20;

    /** How many of the newest samples of a node keep their per-country counts. */
    public static final int COUNTRY_HISTORY = 200;

    /** The most countries kept from one self-description. */
    public static final int MAX_COUNTRIES = 300;

    static final SettingKey REGISTERED = SettingKey.of("network:registered");
    static final SettingKey HISTORIES = SettingKey.of("network:history");
    static final String SELF = "self";

    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final RecordStore store;
    private final NetworkConfig config;
    private final OkHttpClient http;
    private final Supplier<Map<String, Object>> self;
    private final Map<String, Registration> registered = new ConcurrentHashMap<>();
    private final Map<String, NodeHealth> health = new ConcurrentHashMap<>();
    private final Map<String, Deque<Sample>> history = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private volatile boolean closed;
    /** A sample was added since the histories were last stored; guarded by {@code this}. */
    private boolean dirty;

    /**
     * A node that registered itself.
     *
     * @param name its name: the name of the write token it registered with
     * @param url its base URL
     * @param registered when it (last) registered
     */
    public record Registration(String name, String url, Instant registered) {}

    /**
     * One point of a node's history.
     *
     * @param time when it was polled
     * @param records how many records it held
     * @param byType records per type slug
     * @param byCountry records per country (ISO 3166-1 alpha-2, lower case)
     */
    public record Sample(Instant time, long records, Map<String, Long> byType, Map<String, Long> byCountry) {}

    /**
     * @param store the node's store, for the registrations and histories
     * @param config the configured nodes and the poll interval
     * @param http the client polls go through (OkHttp, with the node's timeouts and user agent);
     *     owned by the registry, shut down by {@link #close}
     * @param self this node's own self-description, read without HTTP
     */
    public NodeRegistry(
            RecordStore store, NetworkConfig config, OkHttpClient http, Supplier<Map<String, Object>> self) {
        this.store = store;
        this.config = config;
        this.http = http;
        this.self = self;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chm-network-poll");
            t.setDaemon(true);
            return t;
        });
        load();
    }

    /**
     * Reads this node's own description now, on the caller's thread, then polls every node on the
     * registry's thread: at once when there are other nodes, and every {@code config.poll()}.
     */
    public void start() {
        pollOne(SELF, null);
        long every = config.poll().toMillis();
        boolean others = !config.nodes().isEmpty() || !registered.isEmpty();
        timer.scheduleWithFixedDelay(this::pollAllQuietly, others ? 0 : every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Registers (or moves) a node under {@code name}, and polls it soon.
     *
     * @param name the name of the write token it presented
     * @param url its base URL, http(s), ending with {@code /}
     * @return the registration
     * @throws IllegalArgumentException for a bad URL or a name a configured node has
     */
    public Registration register(String name, String url) {
        NetworkConfig.Node node = new NetworkConfig.Node(name, url); // the same checks as configured nodes
        if (config.nodes().stream().anyMatch(n -> n.name().equals(name)) || name.equals(SELF)) {
            throw new IllegalArgumentException("'" + name + "' is a configured node of this registry");
        }
        Registration r = new Registration(node.name(), node.url(), Instant.now());
        synchronized (registered) {
            registered.put(name, r);
            saveRegistrations();
        }
        try {
            timer.execute(() -> pollOne(name, url));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the node is stopping: the registration is stored, the next start polls it
        }
        return r;
    }

    /** Every node: this node first, then the configured ones, then the registered ones, by name. */
    public List<NodeHealth> nodes() {
        List<NodeHealth> out = new ArrayList<>();
        out.add(health.getOrDefault(SELF, NodeHealth.unpolled(SELF, "self", null)));
        for (NetworkConfig.Node n : config.nodes()) {
            out.add(health.getOrDefault(n.name(), NodeHealth.unpolled(n.name(), "configured", n.url())));
        }
        registered.values().stream()
                .sorted(java.util.Comparator.comparing(Registration::name))
                .forEach(r ->
                        out.add(health.getOrDefault(r.name(), NodeHealth.unpolled(r.name(), "registered", r.url()))));
        return out;
    }

    /** The history of one node, oldest first; empty for an unknown node. */
    public List<Sample> history(String name) {
        Deque<Sample> h = history.get(name);
        if (h == null) {
            return List.of();
        }
        synchronized (h) {
            return List.copyOf(h);
        }
    }

    /**
     * Polls every node once, now, on the caller's thread (tests, {@code chm-node} commands); waits for
     * a poll under way on the registry's thread first. Does nothing once closed.
     */
    public synchronized void pollAll() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(SELF, null);
        config.nodes().forEach(n -> targets.put(n.name(), n.url()));
        registered.values().forEach(r -> targets.put(r.name(), r.url()));
        for (Map.Entry<String, String> t : targets.entrySet()) {
            if (closed) {
                return;
            }
            dirty |= pollQuietly(t.getKey(), t.getValue());
        }
        saveIfDirty();
    }

    /** Stores the histories if a sample was added since they were last stored, unless closed. */
    private void saveIfDirty() {
        if (dirty && !closed) {
            saveHistories();
            dirty = false; // only once stored: a failed save is retried after the next poll
        }
    }

    private synchronized void pollOne(String name, String url) {
        try {
            if (!closed) {
                dirty |= pollQuietly(name, url);
                saveIfDirty();
            }
        } catch (RuntimeException e) { // on the timer thread nothing else would report it
            LOG.warn("Polling network node {} failed: {}", name, e.toString());
        }
    }

    private void pollAllQuietly() {
        try {
            pollAll();
        } catch (RuntimeException e) { // a failing store must not stop the schedule; the next run retries
            LOG.warn("Polling the network failed: {}", e.toString());
        }
    }

    /** Polls one node; true if its history gained a sample. */
    private boolean pollQuietly(String name, String url) {
        String origin = name.equals(SELF) ? "self" : registered.containsKey(name) ? "registered" : "configured";
        Instant started = Instant.now();
        NodeHealth previous = health.get(name);
        try {
            JsonNode description = trimmed(url == null ? JSON.valueToTree(self.get()) : fetch(url));
            long millis = Duration.between(started, Instant.now()).toMillis();
            NodeHealth ok = NodeHealth.ok(
                    name,
                    origin,
                    url == null ? description.path("base").asText(null) : url,
                    started,
                    millis,
                    description);
            health.put(name, ok);
            return record(name, started, description);
        } catch (IOException | RuntimeException e) {
            String why = failure(e);
            health.put(name, NodeHealth.failed(previous, name, origin, url, started, why));
            LOG.info("Network node {} ({}) did not answer its self-description: {}", name, url, e.toString());
            return false;
        }
    }

    /** The class of a failed poll, as the public status shows it. */
    static String failure(Exception e) {
        if (e instanceof NotADescription n) {
            return n.getMessage();
        }
        if (e instanceof java.net.SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
            return "timeout";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failure";
        }
        if (e instanceof IOException) {
            return "unreachable";
        }
        return "not a self-description";
    }

    /** A poll answered, but not with a usable self-description; the message is public. */
    private static final class NotADescription extends IOException {
        NotADescription(String message) {
            super(message);
        }
    }

    private JsonNode fetch(String url) throws IOException {
        Request request = new Request.Builder()
                .url(url + ".well-known/chm-node")
                .header("Accept", "application/json")
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new NotADescription("HTTP " + response.code());
            }
            okio.BufferedSource body = response.body().source();
            if (body.request(MAX_DESCRIPTION_BYTES + 1)) {
                throw new NotADescription("larger than " + MAX_DESCRIPTION_BYTES + " bytes");
            }
            JsonNode description;
            try {
                description = JSON.readTree(body.readUtf8());
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                throw new NotADescription("not a self-description (not JSON)");
            }
            if (description == null || !description.path("records").canConvertToLong()) {
                throw new NotADescription("not a self-description (no records)");
            }
            return description;
        }
    }

    /**
     * What is kept of a self-description: its name and version (at most 200 characters each), base,
     * record count, counts by type and country (bounded as in the history), last sequence and last
     * modification; nothing else a node sends.
     */
    private static JsonNode trimmed(JsonNode d) {
        com.fasterxml.jackson.databind.node.ObjectNode out = JSON.createObjectNode();
        for (String text : new String[] {"name", "version", "base", "lastModified"}) {
            if (d.path(text).isTextual()) {
                String v = d.get(text).asText();
                out.put(text, v.length() > 200 ? v.substring(0, 200) : v);
            }
        }
        out.put("records", d.path("records").asLong());
        if (d.path("lastSequence").canConvertToLong()) {
            out.put("lastSequence", d.get("lastSequence").asLong());
        }
        out.set(
                "recordsByType",
                JSON.valueToTree(counts(d.path("recordsByType"), TYPE_SLUGS::contains, TYPE_SLUGS.size())));
        out.set(
                "recordsByCountry",
                JSON.valueToTree(counts(d.path("recordsByCountry"), c -> c.matches("[a-z]{2}"), MAX_COUNTRIES)));
        return out;
    }

    /** Adds a sample when a count changed; true if it did. */
    private boolean record(String name, Instant time, JsonNode description) {
        Sample sample = new Sample(
                time,
                description.path("records").asLong(),
                counts(description.path("recordsByType"), TYPE_SLUGS::contains, TYPE_SLUGS.size()),
                counts(description.path("recordsByCountry"), c -> c.matches("[a-z]{2}"), MAX_COUNTRIES));
        Deque<Sample> h = history.computeIfAbsent(name, n -> new ArrayDeque<>());
        synchronized (h) {
            Sample last = h.peekLast();
            if (last != null && sameCounts(last, sample)) {
                return false; // the chart draws a flat line up to now
            }
            h.addLast(sample);
            while (h.size() > HISTORY) {
                h.pollFirst();
            }
            if (h.size() > COUNTRY_HISTORY) { // older samples keep their per-type counts only
                java.util.List<Sample> all = new ArrayList<>(h);
                int old = all.size() - COUNTRY_HISTORY - 1;
                Sample s = all.get(old);
                if (!s.byCountry().isEmpty()) {
                    all.set(old, new Sample(s.time(), s.records(), s.byType(), Map.of()));
                    h.clear();
                    h.addAll(all);
                }
            }
            return true;
        }
    }

    private static final java.util.Set<String> TYPE_SLUGS = java.util.Arrays.stream(
                    org.chmexchange.model.RecordType.values())
            .map(org.chmexchange.model.RecordType::slug)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static boolean sameCounts(Sample a, Sample b) {
        return a.records() == b.records()
                && a.byType().equals(b.byType())
                && a.byCountry().equals(b.byCountry());
    }

    /** The counts of a JSON object whose keys pass {@code keep}, at most {@code max} of them. */
    private static Map<String, Long> counts(JsonNode node, java.util.function.Predicate<String> keep, int max) {
        Map<String, Long> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (out.size() < max && keep.test(e.getKey()) && e.getValue().canConvertToLong()) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        });
        return out;
    }

    private void load() {
        try {
            Optional<String> r = store.setting(REGISTERED);
            if (r.isPresent()) {
                List<Registration> list = JSON.readValue(r.get(), new TypeReference<List<Registration>>() {});
                list.forEach(x -> registered.put(x.name(), x));
            }
            Optional<String> h = store.setting(HISTORIES);
            if (h.isPresent()) {
                Map<String, List<Sample>> map =
                        JSON.readValue(h.get(), new TypeReference<Map<String, List<Sample>>>() {});
                map.forEach((name, samples) -> history.put(name, new ArrayDeque<>(samples)));
            }
        } catch (IOException e) { // display data: the node starts with what could be read
            LOG.warn(
                    "The network registry stored in this data folder is unreadable; starting without it: {}",
                    e.toString());
        }
    }

    private void saveRegistrations() {
        try {
            store.setSetting(REGISTERED, JSON.writeValueAsString(List.copyOf(registered.values())));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store the network registrations", e);
        }
    }

    private void saveHistories() {
        Map<String, List<Sample>> copy = new LinkedHashMap<>();
        history.forEach((name, h) -> copy.put(name, history(name)));
        try {
            store.setSetting(HISTORIES, JSON.writeValueAsString(copy));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store the network histories", e);
        }
    }

    /**
     * Stops polling: no new poll starts, a call in flight is cancelled, and a poll under way stops
     * before its next node and writes nothing. The poll thread is not interrupted (an interrupt during
     * the store's file I/O would close its channels); waits for it up to 30 seconds.
     */
    @Override
    public void close() {
        closed = true;
        timer.shutdown();
        http.dispatcher().cancelAll();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            org.chmexchange.http.HttpClients.shutdown(http);
        }
    }
}
