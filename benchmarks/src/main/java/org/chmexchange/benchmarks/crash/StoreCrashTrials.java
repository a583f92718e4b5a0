package org.chmexchange.benchmarks.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.chmexchange.benchmarks.crash.QuadEngine.Quad;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The embedded-store candidates under the same kill test and the same load (docs/STORE.md).
 *
 * <p>For each engine: {@code --trials} times, a child JVM ({@link CrashWriter}) writes the
 * {@link Workload} (creates, updates, deletes, one change entry and one marker per transaction) and
 * is killed with SIGKILL after a random 0.2 to 2.5 s; the parent then opens the folder and checks
 * that it opens, every term resolves, the marker is the last acknowledged transaction or the one
 * after, and the content is exactly the replayed content after that transaction (no acknowledged
 * write lost, none half-applied). A failed folder is counted and replaced by a new one. Then it
 * times a raw load of {@code --load} records (12 quads each, 1,000 per transaction) into a new
 * folder and prints the rate and its ratio to the first engine's.
 */
@Command(
        name = "store-crash-trials",
        mixinStandardHelpOptions = true,
        description = "Kill-test and load-time the embedded store candidates.")
public final class StoreCrashTrials implements Callable<Integer> {

    @Option(names = "--engines", split = ",", defaultValue = "lmdb,lmdb-nogc,native,tdb2")
    List<String> engines;

    @Option(names = "--trials", defaultValue = "20")
    int trials;

    @Option(names = "--records", defaultValue = "2000", description = "Distinct records of the workload.")
    int records;

    @Option(names = "--max-ops", defaultValue = "20", description = "Most records one transaction writes.")
    int maxOps;

    @Option(names = "--load", defaultValue = "100000", description = "Records of the load timing; 0 to skip.")
    int load;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StoreCrashTrials()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> results = new LinkedHashMap<>();
        Double baseline = null;
        for (String engine : engines) {
            Path work = Files.createTempDirectory("crash-" + engine);
            try {
                int survived = crashTrials(engine, work.resolve("trials"));
                String line = String.format("%-10s kill test: %d of %d", engine, survived, trials);
                if (load > 0) {
                    double rate = loadRate(engine, work.resolve("load"));
                    if (baseline == null) {
                        baseline = rate;
                    }
                    line += String.format(
                            "   load: %,.0f records/s (%,.0f quads/s), ratio to %s %.2f",
                            rate, rate * 12, engines.get(0), rate / baseline);
                }
                results.put(engine, line);
                System.out.println(line);
            } finally {
                delete(work);
            }
        }
        System.out.println();
        results.values().forEach(System.out::println);
        return 0;
    }

    private int crashTrials(String engine, Path dir) throws Exception {
        Workload workload = new Workload(seed, records, maxOps);
        Random rnd = new Random(seed);
        int survived = 0;
        for (int t = 1; t <= trials; t++) {
            AtomicLong acked = new AtomicLong(-1);
            long startedAt = startAndKill(engine, dir, rnd.nextInt(200, 2500), acked);
            String verdict;
            try (QuadEngine store = QuadEngine.open(engine, dir)) {
                Set<Quad> content = store.readAll();
                long last = Workload.lastIn(content);
                long a = acked.get();
                if (last < a || last > a + 1) {
                    verdict = "marker " + last + " but acknowledged " + a;
                } else {
                    Set<Quad> expected = workload.expectedAfter(last);
                    if (expected.equals(content)) {
                        verdict = "ok";
                    } else {
                        Set<Quad> missing = new HashSet<>(expected);
                        missing.removeAll(content);
                        Set<Quad> extra = new HashSet<>(content);
                        extra.removeAll(expected);
                        verdict = "content differs after " + last + ": " + missing.size() + " missing, " + extra.size()
                                + " extra";
                    }
                }
                System.out.printf(
                        "  %s trial %2d: started at %d, acknowledged %d, found %d: %s%n",
                        engine, t, startedAt, a, last, verdict);
            } catch (RuntimeException e) {
                verdict = "cannot open or read: " + e;
                System.out.printf("  %s trial %2d: %s%n", engine, t, verdict);
            }
            if (verdict.equals("ok")) {
                survived++;
            } else {
                delete(dir);
            }
        }
        return survived;
    }

    /** Starts the writer, kills it {@code afterMs} after it is ready; returns where it started. */
    private long startAndKill(String engine, Path dir, int afterMs, AtomicLong acked) throws Exception {
        Files.createDirectories(dir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        engine,
                        dir.toString(),
                        Long.toString(seed),
                        Integer.toString(records),
                        Integer.toString(maxOps))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long[] started = {-1};
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        started[0] = Long.parseLong(line.substring(6));
                        acked.set(started[0]);
                        synchronized (started) {
                            started.notifyAll();
                        }
                    } else if (line.startsWith("ACK ")) {
                        acked.set(Long.parseLong(line.substring(4)));
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed
            }
        });
        reader.start();
        synchronized (started) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (started[0] < 0 && p.isAlive() && System.currentTimeMillis() < deadline) {
                started.wait(100);
            }
        }
        if (started[0] < 0) {
            p.destroyForcibly();
            throw new IllegalStateException("The writer did not start on " + dir);
        }
        Thread.sleep(afterMs);
        p.destroyForcibly(); // SIGKILL on Linux
        p.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
        return started[0];
    }

    private double loadRate(String engine, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (QuadEngine store = QuadEngine.open(engine, dir)) {
            long t0 = System.nanoTime();
            int n = 0;
            while (n < load) {
                List<Quad> adds = new ArrayList<>();
                for (int k = 0; k < 1000 && n < load; k++, n++) {
                    adds.addAll(Workload.record("<https://example.org/load/r" + n + ">", n, k));
                }
                store.write(Set.of(), adds);
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
