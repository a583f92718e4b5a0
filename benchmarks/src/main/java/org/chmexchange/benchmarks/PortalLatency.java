package org.chmexchange.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.chmexchange.node.ChmNodeServer;

/**
 * The portal's page latency on a loaded store (a browser's {@code Accept}, English), per page, with
 * {@code /health} as baseline in the same run: home, a search with facets, a facet filter, a record
 * page (links both ways), a concept page, a country page.
 */
final class PortalLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    private PortalLatency() {}

    static void run(Path dataDir, int requests) {
        OkHttpClient http =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
        try (ChmNodeServer node = LoadBenchmark.node(dataDir)) {
            String root = "http://localhost:" + node.port() + "/";
            String decision;
            try {
                decision = JSON.readTree(fetch(http, root + "records?type=decision&limit=1", "application/json"))
                        .get("items")
                        .get(0)
                        .get("id")
                        .asText()
                        .substring(node.baseIri().length());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("health (baseline)", "health");
            pages.put("home", "");
            pages.put("search, full text + facets", "records?q=biodiversity");
            pages.put("search, two facets", "records?type=decision&treaty=cbd");
            pages.put("record page", decision);
            pages.put(
                    "concept page",
                    "thesaurus/concept?iri=https://w3id.org/chm-exchange/thesaurus/aichi-targets/AICHI-TARGET-11");
            pages.put("country page", "countries/fr");
            for (String p : pages.values()) { // warm up
                for (int i = 0; i < 20; i++) {
                    fetch(http, root + p, BROWSER);
                }
            }
            System.out.printf(
                    "Portal page latency with %,d records (%d requests each, sequential, loopback):%n",
                    node.store().count(org.chmexchange.store.RecordQuery.ALL), requests);
            double baseline = 0;
            for (Map.Entry<String, String> p : pages.entrySet()) {
                double p50 = ListLatency.report(
                        p.getKey(), requests, () -> fetch(http, root + p.getValue(), BROWSER), baseline);
                baseline = baseline == 0 ? p50 : baseline;
            }
        }
    }

    private static String fetch(OkHttpClient http, String url, String accept) {
        try (Response r = http.newCall(
                        new Request.Builder().url(url).header("Accept", accept).build())
                .execute()) {
            String body = r.body().string();
            if (r.code() != 200) {
                throw new IllegalStateException(url + " answered " + r.code() + ": " + body);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        }
    }
}
