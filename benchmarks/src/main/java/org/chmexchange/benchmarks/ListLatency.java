package org.chmexchange.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.chmexchange.node.ChmNodeServer;

/** {@code GET /records} latency on a loaded store, per kind of query, with {@code /health} as baseline. */
final class ListLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ListLatency() {}

    static void run(Path dataDir, int requests) {
        OkHttpClient http =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
        try (ChmNodeServer node = LoadBenchmark.node(dataDir)) {
            String root = "http://localhost:" + node.port() + "/";
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("health (baseline)", "health");
            queries.put("first page, no filter", "records?limit=50");
            queries.put("type", "records?type=national-report&limit=50");
            queries.put("treaty+country", "records?treaty=cbd&country=FR&limit=50");
            queries.put("concept (with narrower)", "records?concept=AICHI-GOAL-B&limit=50");
            queries.put("full text", "records?q=restoration%20wetlands&limit=50");
            queries.put("modifiedSince (all match)", "records?modifiedSince=2000-01-01&type=decision&limit=50");
            // Warm up the JIT and the page cache.
            for (String q : queries.values()) {
                for (int i = 0; i < 50; i++) {
                    fetch(http, root + q);
                }
            }
            System.out.printf(
                    "GET latency with %,d records (%d requests each, sequential, loopback):%n",
                    node.store().count(org.chmexchange.store.RecordQuery.ALL), requests);
            double baseline = 0;
            for (Map.Entry<String, String> q : queries.entrySet()) {
                double p50 = report(q.getKey(), requests, () -> fetch(http, root + q.getValue()), baseline);
                baseline = baseline == 0 ? p50 : baseline;
            }
            deepPaging(http, root, requests);
        }
    }

    /**
     * Runs {@code request} {@code requests} times in a row, prints its p50 and p99 and the p50's ratio
     * to {@code baseline} (the first line's own p50 when 0), and returns the p50 in milliseconds.
     */
    static double report(String label, int requests, Runnable request, double baseline) {
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            request.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double p50 = ms[requests / 2];
        double p99 = ms[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)];
        System.out.printf(
                "  %-28s p50 %6.2f ms  p99 %6.2f ms  (p50 = %.1fx /health)%n",
                label, p50, p99, p50 / (baseline == 0 ? p50 : baseline));
        return p50;
    }

    /** Follows next links through the whole type=focal-point listing: every page must cost the same. */
    private static void deepPaging(OkHttpClient http, String root, int maxPages) {
        List<Double> ms = new ArrayList<>();
        String url = root + "records?type=focal-point&limit=100";
        int pages = 0;
        while (url != null && pages < maxPages) {
            long t0 = System.nanoTime();
            JsonNode body = fetch(http, url);
            ms.add((System.nanoTime() - t0) / 1e6);
            url = body.hasNonNull("next") ? body.get("next").asText() : null;
            pages++;
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                "  keyset paging, %d pages of 100: p50 %.2f ms, p99 %.2f ms, first %.2f ms, last %.2f ms%n",
                pages,
                sorted[sorted.length / 2],
                sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)],
                ms.get(0),
                ms.get(ms.size() - 1));
    }

    private static JsonNode fetch(OkHttpClient http, String url) {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            String body = r.body().string();
            if (r.code() != 200) {
                throw new IllegalStateException(url + " answered " + r.code() + ": " + body);
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        }
    }
}
