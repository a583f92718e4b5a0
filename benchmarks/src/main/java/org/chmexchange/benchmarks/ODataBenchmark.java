package org.chmexchange.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.replay.InformeaRows;
import org.chmexchange.node.replay.ODataReplay;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * InforMEA OData benchmark (issue 9, part 4). 1. A local OData service ({@link ODataReplay}, real
 * HTTP on loopback) holds N synthetic rows in InforMEA's shapes across six entity sets (Decisions,
 * Meetings, Contacts, CountryReports, NationalPlans, Sites), JSON verbose, pages of 100; a portal
 * harvests them with protocol {@code odata} (mapping, validation, store, index, change log, the
 * deletion sweep). Baseline in the same run: the same records, as harvested, served by a CHM
 * Exchange node and harvested with protocol {@code peer}. 2. That node's {@code /informea.svc}: a
 * full traversal of every entity set by its {@code __next} links ({@code $top}-sized pages of 100,
 * {@code $expand} of the InforMEA harvester), in pages per second; then random {@code $filter=updated
 * gt} pages of {@code Decisions}, their median and 99th percentile latency.
 */
@Command(
        name = "odata-benchmark",
        mixinStandardHelpOptions = true,
        description = "Harvest N synthetic InforMEA rows over OData; serve them back from /informea.svc.")
public final class ODataBenchmark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SETS =
            List.of("Decisions", "Meetings", "Contacts", "CountryReports", "NationalPlans", "Sites");

    @Option(names = "--rows", defaultValue = "50000", description = "Rows in all (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(
            names = "--filtered",
            defaultValue = "200",
            description = "Filtered pages timed (default: ${DEFAULT-VALUE}).")
    int filtered;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ODataBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("chm-odata-bench");
        OkHttpClient shared = HttpClients.create(HttpSettings.defaults());
        AtomicLong requests = new AtomicLong();
        OkHttpClient counting = PeerBaseline.counting(shared, requests);
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        try (RecordValidator validator = new RecordValidator();
                ODataReplay replay = ODataReplay.start("127.0.0.1", 0)) {
            System.out.printf(
                    "CHM Exchange OData benchmark: %,d rows in %d entity sets, JSON verbose, pages of 100, JVM %s, %d"
                            + " cores%n",
                    rows,
                    SETS.size(),
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            for (String set : SETS) {
                replay.put(set, InformeaRows.NAVIGATION.get(set), InformeaRows.of(set, rows / SETS.size(), t0));
            }
            int expected = rows / SETS.size() * SETS.size();
            double odataRate;
            Path peerDir = dir.resolve("peer");
            try (RecordStore portal = RecordStore.openEmbedded(dir.resolve("odata-portal"))) {
                HarvestRun run = PeerBaseline.runner(portal, validator, counting);
                HarvestSource source =
                        new HarvestSource("mea", "odata", replay.url(), Map.of("pageSize", "100", "treaty", "cites"));
                long start = System.nanoTime();
                HarvestOutcome outcome = run.run(source, HarvestListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                PeerBaseline.check(outcome, portal, expected);
                odataRate = expected / seconds;
                System.out.printf(
                        "odata harvest over loopback: %,.0f rows/s (%.1f s, %,d requests, %,d pages)%n",
                        odataRate, seconds, requests.get(), outcome.counts().pages());
                try (RecordStore peerStore = RecordStore.openEmbedded(peerDir)) {
                    Model all = portal.graph(run.graphOf("mea"));
                    peerStore.put(all, RecordStore.localGraph(LoadBenchmark.BASE));
                }
            }
            double peerRate = PeerBaseline.rate(
                    peerDir, dir.resolve("peer-portal"), validator, counting, requests, expected, 100);
            System.out.printf("ratio odata/peer = %.2f%n", odataRate / peerRate);
            try (ChmNodeServer peer = LoadBenchmark.node(peerDir)) {
                provider(shared, HttpUrl.get(peer.baseIri() + "informea.svc/"), expected);
            }
        } finally {
            HttpClients.shutdown(shared);
            LoadBenchmark.delete(dir);
        }
        return 0;
    }

    /** The node's provider: a full traversal by next links, then filtered pages. */
    private void provider(OkHttpClient http, HttpUrl root, int expected) throws Exception {
        Map<String, String> expand = new LinkedHashMap<>();
        expand.put("Decisions", "title,longTitle,summary,content,keywords,files");
        expand.put("Meetings", "title,description");
        expand.put("Contacts", "treaties");
        expand.put("CountryReports", "title,files");
        expand.put("NationalPlans", "title,files");
        expand.put("Sites", "name");
        int pages = 0;
        int entities = 0;
        List<Long> updated = new ArrayList<>();
        long start = System.nanoTime();
        for (Map.Entry<String, String> e : expand.entrySet()) {
            HttpUrl url = root.newBuilder()
                    .addPathSegment(e.getKey())
                    .addQueryParameter("$expand", e.getValue())
                    .addQueryParameter("$format", "json")
                    .build();
            while (url != null) {
                JsonNode d = get(http, url).path("d");
                pages++;
                for (JsonNode row : d.path("results")) {
                    entities++;
                    if (e.getKey().equals("Decisions")) {
                        updated.add(Long.parseLong(row.path("updated").asText().replaceAll("\\D", "")));
                    }
                }
                url = d.hasNonNull("__next") ? HttpUrl.get(d.get("__next").asText()) : null;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (entities != expected) {
            throw new IllegalStateException("The traversal read " + entities + " of " + expected + " entities");
        }
        System.out.printf(
                "provider full traversal with $expand: %,.0f pages/s (%,d pages of 100, %,.0f entities/s, %.1f s)%n",
                pages / seconds, pages, entities / seconds, seconds);

        SplittableRandom random = new SplittableRandom(9);
        long[] latencies = new long[filtered];
        for (int i = 0; i < filtered; i++) {
            long since = updated.get(random.nextInt(updated.size())) - 1;
            String t = Instant.ofEpochMilli(since).toString().replace("Z", "");
            HttpUrl url = root.newBuilder()
                    .addPathSegment("Decisions")
                    .addQueryParameter("$filter", "updated gt datetime'" + t + "'")
                    .addQueryParameter("$top", "100")
                    .addQueryParameter("$expand", expand.get("Decisions"))
                    .addQueryParameter("$format", "json")
                    .build();
            long s = System.nanoTime();
            get(http, url);
            latencies[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(latencies);
        System.out.printf(
                "provider $filter=updated gt pages ($top=100, Decisions): median %.1f ms, p99 %.1f ms (%d pages)%n",
                latencies[filtered / 2] / 1e6,
                latencies[Math.min(filtered - 1, (int) (filtered * 0.99))] / 1e6,
                filtered);
    }

    private static JsonNode get(OkHttpClient http, HttpUrl url) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (!r.isSuccessful()) {
                throw new IllegalStateException(
                        "GET " + url + " answered " + r.code() + ": " + r.body().string());
            }
            return JSON.readTree(r.body().bytes());
        }
    }
}
