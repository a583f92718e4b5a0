package org.chmexchange.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.config.StoreConfig;
import org.chmexchange.store.RecordStore;
import org.chmexchange.testkit.store.FusekiStore;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.IRI;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The node on a remote SPARQL store against the embedded store (issue "Past one machine", part 1):
 * the same N synthetic records loaded into both (the library's store path, batches of 500); then, on
 * a node over each, {@code GET /records} (a list page), a record GET and a full harvest of the node
 * (the peer harvester, into a fresh embedded store), with {@code /health} as the HTTP baseline; then
 * the read throughput of 1, 2 and 3 node processes (child JVMs, {@code chm-node serve} with {@code
 * store: {type: sparql}}) on the one Fuseki, under 8 client threads. Fuseki (jena-fuseki-main over
 * TDB2) runs in this JVM. Every figure is printed with its ratio to the embedded store's, or to one
 * process.
 */
@Command(
        name = "sparql-store-benchmark",
        mixinStandardHelpOptions = true,
        description = "Fuseki vs the embedded store: list, record GET, full harvest; throughput of 1-3 node processes.")
public final class SparqlStoreBenchmark implements Callable<Integer> {

    @Option(names = "--records", defaultValue = "10000", description = "Records (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(
            names = "--requests",
            defaultValue = "200",
            description = "Requests per latency figure (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(
            names = "--seconds",
            defaultValue = "20",
            description = "Seconds per throughput run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--clients",
            defaultValue = "8",
            description = "Client threads of the throughput runs (default: ${DEFAULT-VALUE}).")
    int clients;

    private static final int BATCH = 500;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparqlStoreBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("chm-sparql-bench");
        System.out.printf(
                "CHM Exchange SPARQL store benchmark: %,d records, JVM %s, %d cores%n",
                records,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (FusekiStore fuseki = FusekiStore.start(dir.resolve("fuseki"))) {
            StoreConfig remote = new StoreConfig(StoreConfig.SPARQL, fuseki.query(), fuseki.update(), null, null, null);
            double embeddedLoad = load(RecordStore.openEmbedded(dir.resolve("embedded")), "embedded (TDB2)", 0);
            load(remote.open(dir.resolve("node-1"), Map.of()), "Fuseki (TDB2, SPARQL 1.1 over loopback)", embeddedLoad);
            Figures embedded = reads(
                    new NodeConfig(LoadBenchmark.PORT, dir.resolve("embedded"), LoadBenchmark.BASE, false), dir, null);
            reads(
                    new NodeConfig(LoadBenchmark.PORT, dir.resolve("node-1"), LoadBenchmark.BASE, false)
                            .withStore(remote),
                    dir,
                    embedded);
            throughput(fuseki, dir);
        } finally {
            LoadBenchmark.delete(dir);
        }
        return 0;
    }

    private double load(RecordStore store, String label, double baseline) {
        SyntheticRecords gen = new SyntheticRecords(LoadBenchmark.BASE);
        IRI graph = RecordStore.localGraph(LoadBenchmark.BASE);
        long t0 = System.nanoTime();
        try (store) {
            for (int from = 0; from < records; from += BATCH) {
                store.put(gen.batch(from, Math.min(records, from + BATCH)), graph);
            }
        }
        double rate = records / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(
                "load, %-40s %,8.0f records/s%s%n",
                label + ":", rate, baseline == 0 ? "" : String.format("  (%.2f of embedded)", rate / baseline));
        return rate;
    }

    /** p50s of one node's reads, and its full-harvest rate. */
    record Figures(double health, double list, double get, double harvest) {}

    private Figures reads(NodeConfig config, Path dir, Figures baseline) throws IOException {
        String label = baseline == null ? "embedded" : "Fuseki";
        OkHttpClient http =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
        try (ChmNodeServer node = ChmNodeServer.start(config)) {
            String root = "http://localhost:" + node.port() + "/";
            SplittableRandom rnd = new SplittableRandom(7);
            for (int i = 0; i < 100; i++) { // JIT, caches
                fetch(http, root + "health");
                fetch(http, root + "records?limit=50");
                fetch(http, root + decisionPath(rnd));
            }
            System.out.printf("reads on the %s store (%d requests each, sequential):%n", label, requests);
            // Ratios against the embedded node's /health (this node's own reads a setting of its store).
            double health = ListLatency.report(
                    "health", requests, () -> fetch(http, root + "health"), baseline == null ? 0 : baseline.health());
            double unit = baseline == null ? health : baseline.health();
            double list = ListLatency.report(
                    "GET /records?limit=50", requests, () -> fetch(http, root + "records?limit=50"), unit);
            double get = ListLatency.report(
                    "GET a record (Turtle)", requests, () -> fetch(http, root + decisionPath(rnd)), unit);
            double harvest = harvest(node, dir.resolve("harvest-" + label));
            System.out.printf("  full harvest of the node (peer harvester): %,.0f records/s%n", harvest);
            if (baseline != null) {
                System.out.printf(
                        "Fuseki / embedded: list p50 %.1fx, record GET p50 %.1fx, harvest rate %.2f%n",
                        list / baseline.list(), get / baseline.get(), harvest / baseline.harvest());
            }
            return new Figures(health, list, get, harvest);
        }
    }

    private String decisionPath(SplittableRandom rnd) {
        int i = rnd.nextInt(records / 20) * 20 + 1 + rnd.nextInt(4); // kinds 1-4 are decisions
        return "records/decision/syn-" + Math.min(i, records - 1);
    }

    private double harvest(ChmNodeServer node, Path portalDir) {
        OkHttpClient http = HttpClients.create(HttpSettings.defaults());
        try (RecordStore portal = RecordStore.openEmbedded(portalDir);
                RecordValidator validator = new RecordValidator()) {
            HarvestRun run = PeerBaseline.runner(portal, validator, http);
            HarvestSource source =
                    new HarvestSource("peer", "peer", URI.create(node.baseIri()), Map.of("limit", "500"));
            long t0 = System.nanoTime();
            HarvestOutcome full = run.run(source, HarvestListener.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            PeerBaseline.check(full, portal, records);
            return records / seconds;
        } finally {
            HttpClients.shutdown(http);
        }
    }

    /** Read throughput with 1, 2 and 3 node processes on the one Fuseki. */
    private void throughput(FusekiStore fuseki, Path dir) throws Exception {
        System.out.printf(
                "read throughput on one Fuseki, %d client threads for %d s, 70%% record GETs, 30%% list pages:%n",
                clients, seconds);
        List<Process> processes = new ArrayList<>();
        List<String> roots = new ArrayList<>();
        double one = 0;
        try {
            for (int n = 1; n <= 3; n++) {
                int port = LoadBenchmark.freePort();
                Path config = dir.resolve("node-" + n + ".yaml");
                Files.writeString(
                        config,
                        "node:\n  port: " + port + "\n  data: " + dir.resolve("process-" + n) + "\n  baseUrl: "
                                + LoadBenchmark.BASE + "\nstore:\n  type: sparql\n  query: " + fuseki.query()
                                + "\n  update: " + fuseki.update() + "\n");
                processes.add(new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xmx1g",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "org.chmexchange.node.cli.ChmNode",
                                "serve",
                                "--no-sample-data",
                                "--config",
                                config.toString())
                        .redirectOutput(dir.resolve("process-" + n + ".log").toFile())
                        .redirectErrorStream(true)
                        .start());
                String root = "http://localhost:" + port + "/";
                awaitHealth(root, Duration.ofMinutes(5));
                roots.add(root);
                double rate = load(roots);
                one = one == 0 ? rate : one;
                System.out.printf(
                        "  %d node process%s: %,8.0f requests/s  (%.2fx one process)%n",
                        n, n == 1 ? "" : "es", rate, rate / one);
            }
        } finally {
            for (Process p : processes) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private double load(List<String> roots) throws InterruptedException {
        OkHttpClient http = new OkHttpClient.Builder()
                .callTimeout(Duration.ofSeconds(60))
                .dispatcher(dispatcher())
                .build();
        for (String root : roots) { // warm each process
            for (int i = 0; i < 200; i++) {
                fetch(http, root + (i % 3 == 0 ? "records?limit=50" : decisionPath(new SplittableRandom(i))));
            }
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(client);
                long k = client;
                while (System.nanoTime() < end) {
                    String root = roots.get((int) (k++ % roots.size()));
                    fetch(http, root + (rnd.nextInt(10) < 3 ? "records?limit=50" : decisionPath(rnd)));
                    done.incrementAndGet();
                }
            }));
        }
        long t0 = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }

    private okhttp3.Dispatcher dispatcher() {
        okhttp3.Dispatcher d = new okhttp3.Dispatcher();
        d.setMaxRequestsPerHost(clients * 2);
        return d;
    }

    private static void awaitHealth(String root, Duration patience) throws InterruptedException {
        OkHttpClient http =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try (Response r = http.newCall(
                            new Request.Builder().url(root + "health").build())
                    .execute()) {
                if (r.code() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The node at " + root + " did not start; see its log");
    }

    private static void fetch(OkHttpClient http, String url) {
        try (Response r = http.newCall(new Request.Builder()
                        .url(url)
                        .header("Accept", url.contains("/records/") ? "text/turtle" : "application/json")
                        .build())
                .execute()) {
            r.body().bytes();
            if (r.code() != 200) {
                throw new IllegalStateException(url + " answered " + r.code());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        }
    }
}
