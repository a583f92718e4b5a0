package org.chmexchange.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.chmexchange.admission.Admission;
import org.chmexchange.admission.Batch;
import org.chmexchange.admission.Gates;
import org.chmexchange.admission.RecordSplitter;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.WriteRequest;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load and list benchmark (issue "A running CHM node on real data", section 8).
 *
 * <p>For each size N: generates N synthetic records, loads them through the library (validation
 * against the SHACL shapes, then {@link RecordStore#put} in batches) and, as the baseline in the same
 * run, bulk-loads the same triples into a raw RDF4J LMDB repository with the same batch size and the
 * same LMDB settings. Prints records/s, triples/s and the ratio library/raw. Then starts a node on
 * the largest store and measures {@code GET /records} latency (p50, p99) for typical queries, with
 * {@code GET /health} as the HTTP baseline.
 */
@Command(
        name = "load-benchmark",
        mixinStandardHelpOptions = true,
        description = "Load N synthetic records through the library and raw RDF4J; then time GET /records.")
public final class LoadBenchmark implements Callable<Integer> {

    @Option(
            names = "--records",
            split = ",",
            defaultValue = "10000,100000",
            description = "Sizes to load (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(
            names = "--batch",
            defaultValue = "1000",
            description = "Records per transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--requests",
            defaultValue = "300",
            description = "Requests per list query kind (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--no-validation", negatable = false, description = "Skip SHACL validation in the library load.")
    boolean noValidation;

    @Option(
            names = "--work-dir",
            description = "Folder for the stores (default: a temporary folder, deleted at the end).")
    Path workDir;

    /** The node's base: a port free now, so the node started later serves the IRIs it was loaded with. */
    static final int PORT = freePort();

    static final String BASE = "http://localhost:" + PORT + "/";

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("chm-bench");
        System.out.printf(
                "CHM Exchange load benchmark: batch %d, validation %s, JVM %s, %d cores%n",
                batch,
                noValidation ? "off" : "on",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        Path largest = null;
        try {
            for (int n : sizes) {
                Path raw = dir.resolve("raw-" + n);
                Path lib = dir.resolve("library-" + n);
                Result rawResult = loadRaw(n, raw);
                Result tdb2Result = RawTdb2Load.load(n, batch, dir.resolve("raw-tdb2-" + n));
                Result libResult = loadLibrary(n, lib);
                Result publishResult = PublishLoad.load(n, batch, dir.resolve("publish-" + n));
                System.out.printf(
                        "N=%,d  raw RDF4J LMDB: %,.0f records/s %,.0f triples/s (%.1f s)%n",
                        n, rawResult.recordsPerSecond(), rawResult.triplesPerSecond(), rawResult.seconds());
                System.out.printf(
                        "N=%,d  raw Jena TDB2: %,.0f records/s %,.0f triples/s (%.1f s)%n",
                        n, tdb2Result.recordsPerSecond(), tdb2Result.triplesPerSecond(), tdb2Result.seconds());
                System.out.printf(
                        "N=%,d  library (%s): %,.0f records/s %,.0f triples/s (%.1f s; admission incl. validation %.1f s)"
                                + "  ratio library/raw LMDB = %.2f, library/raw TDB2 = %.2f%n",
                        n,
                        noValidation ? "store+index" : "validate+store+index",
                        libResult.recordsPerSecond(),
                        libResult.triplesPerSecond(),
                        libResult.seconds(),
                        libResult.validationSeconds(),
                        libResult.recordsPerSecond() / rawResult.recordsPerSecond(),
                        libResult.recordsPerSecond() / tdb2Result.recordsPerSecond());
                System.out.printf(
                        "N=%,d  publishing API, POST /records of %d records in N-Triples: %,.0f records/s (%.1f s)"
                                + "  ratio publish/raw LMDB = %.2f, publish/raw TDB2 = %.2f%n",
                        n,
                        batch,
                        publishResult.recordsPerSecond(),
                        publishResult.seconds(),
                        publishResult.recordsPerSecond() / rawResult.recordsPerSecond(),
                        publishResult.recordsPerSecond() / tdb2Result.recordsPerSecond());
                delete(raw);
                delete(dir.resolve("raw-tdb2-" + n));
                delete(dir.resolve("publish-" + n));
                if (largest != null) {
                    delete(largest);
                }
                largest = lib;
            }
            if (largest != null) {
                ListLatency.run(largest, requests);
                PortalLatency.run(largest, requests);
            }
        } finally {
            if (workDir == null) {
                delete(dir);
            }
        }
        return 0;
    }

    record Result(int records, long triples, double seconds, double validationSeconds) {
        double recordsPerSecond() {
            return records / seconds;
        }

        double triplesPerSecond() {
            return triples / seconds;
        }
    }

    private Result loadRaw(int n, Path dir) {
        return rawLoad(n, batch, dir);
    }

    /** The baseline: the synthetic records' triples bulk-loaded into a raw RDF4J LMDB repository. */
    static Result rawLoad(int n, int batch, Path dir) {
        LmdbStoreConfig config = new LmdbStoreConfig("spoc,posc,cspo");
        config.setForceSync(true);
        config.setAutoGrow(true);
        SailRepository repo = new SailRepository(new LmdbStore(dir.toFile(), config));
        repo.init();
        SyntheticRecords gen = new SyntheticRecords(BASE);
        IRI graph = RecordStore.localGraph(BASE);
        long triples = 0;
        long nanos = 0;
        try (RepositoryConnection con = repo.getConnection()) {
            for (int from = 0; from < n; from += batch) {
                Model m = gen.batch(from, Math.min(n, from + batch));
                long t0 = System.nanoTime();
                con.begin();
                con.add(m, graph);
                con.commit();
                nanos += System.nanoTime() - t0;
                triples += m.size();
            }
        } finally {
            repo.shutDown();
        }
        return new Result(n, triples, nanos / 1e9, 0);
    }

    private Result loadLibrary(int n, Path dir) {
        SyntheticRecords gen = new SyntheticRecords(BASE);
        IRI graph = RecordStore.localGraph(BASE);
        long triples = 0;
        long nanos = 0;
        long validationNanos = 0;
        try (RecordStore store = RecordStore.openEmbedded(dir);
                RecordValidator validator = noValidation ? null : new RecordValidator()) {
            // The library's inbound pipeline, as a national node embedding it would call it.
            Admission admission = validator == null
                    ? Admission.of(Gates.recordIris(), Gates.ownership(store, graph))
                    : Admission.of(
                            Gates.recordIris(),
                            Gates.ownership(store, graph),
                            Gates.validation(validator, store, graph));
            for (int from = 0; from < n; from += batch) {
                Model m = gen.batch(from, Math.min(n, from + batch));
                long t0 = System.nanoTime();
                Batch admitted =
                        admission.admitOrStop(new RecordSplitter().addAll(m).batch());
                if (!admitted.clean()) {
                    throw new IllegalStateException("Synthetic records are refused: " + admitted.rejections());
                }
                validationNanos += System.nanoTime() - t0;
                triples += store.write(WriteRequest.upsert(graph, admitted.statements()))
                        .statements();
                nanos += System.nanoTime() - t0;
            }
            if (store.count(RecordQuery.ALL) != n) {
                throw new IllegalStateException(
                        "Expected " + n + " records, the index has " + store.count(RecordQuery.ALL));
            }
        }
        return new Result(n, triples, nanos / 1e9, validationNanos / 1e9);
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }

    /** Starts a node on an existing store (no sample data) for latency measurements. */
    static ChmNodeServer node(Path dataDir) {
        return ChmNodeServer.start(new NodeConfig(PORT, dataDir, BASE, false));
    }
}
