package org.chmexchange.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import okhttp3.OkHttpClient;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.dump.DumpHarvesterFactory;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.store.Compaction;
import org.chmexchange.store.CompactionPolicy;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.StoreMaintenance;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Dump benchmark (issue 6, "bounded memory"): writes an N-Quads dump of synthetic records of at
 * least {@code --bytes} bytes, serves it from the JDK's HTTP server on loopback, and harvests it
 * with the {@code rdf-dump} protocol into an embedded store (spool, pages, validation, store, index,
 * change log). Run it with a small heap ({@code -Xmx512m}) to show memory stays bounded: it prints
 * the records, the rate, the peak heap in use after a garbage collection (what the run holds) and
 * the ratio to a raw Jena TDB2 load of the first {@code --baseline} records in the same run.
 */
@Command(
        name = "dump-benchmark",
        mixinStandardHelpOptions = true,
        description = "Harvest an N-Quads dump of a given size from loopback; print the rate and the peak heap.")
public final class DumpBenchmark implements Callable<Integer> {

    @Option(
            names = "--bytes",
            defaultValue = "2147483648",
            description = "Size of the dump to write, in bytes (default: ${DEFAULT-VALUE}, 2 GiB).")
    long bytes;

    @Option(
            names = "--baseline",
            defaultValue = "50000",
            description = "Records of the raw TDB2 baseline load (default: ${DEFAULT-VALUE}).")
    int baseline;

    @Option(
            names = "--check-every",
            defaultValue = "PT1M",
            description = "Time between two compaction checks during the harvest, default policy (default:"
                    + " ${DEFAULT-VALUE}).")
    Duration checkEvery;

    @Option(
            names = "--growth-factor",
            description = "Compact when the store files reach this multiple of their size after the last compaction"
                    + " (default: the policy's, 2.0; the cost of compaction per record is the garbage per record"
                    + " divided by (factor - 1), for factor times the disk).")
    Double growthFactor;

    @Option(
            names = "--page-statements",
            description = "The harvester's pageStatements option: statements per page transaction (default: the"
                    + " harvester's, " + DumpHarvesterFactory.DEFAULT_PAGE_STATEMENTS + ").")
    Integer pageStatements;

    @Option(names = "--dir", description = "Where to write the dump and the stores (default: a temporary folder).")
    Path base;

    private CompactionPolicy policy() {
        return growthFactor == null
                ? CompactionPolicy.DEFAULT
                : new CompactionPolicy(growthFactor, CompactionPolicy.DEFAULT.minGrowthBytes());
    }

    private Map<String, String> options(long maxBytes) {
        Map<String, String> options = new HashMap<>();
        options.put(DumpHarvesterFactory.MAX_BYTES, Long.toString(maxBytes));
        if (pageStatements != null) {
            options.put(DumpHarvesterFactory.PAGE_STATEMENTS, Integer.toString(pageStatements));
        }
        return options;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DumpBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = base == null ? Files.createTempDirectory("chm-dump-bench") : Files.createDirectories(base);
        try {
            System.out.printf(
                    "CHM Exchange dump benchmark: %,d bytes of N-Quads, max heap %,d MiB, JVM %s, %d cores%n",
                    bytes,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            Path dump = dir.resolve("dump.nq");
            long t0 = System.nanoTime();
            int records = writeDump(dump, bytes);
            System.out.printf(
                    "dump written: %,d records, %,d bytes in %.1f s%n",
                    records, Files.size(dump), (System.nanoTime() - t0) / 1e9);

            LoadBenchmark.Result raw = RawTdb2Load.load(Math.min(baseline, records), 1000, dir.resolve("raw-tdb2"));
            System.out.printf(
                    "raw Jena TDB2 load of the first %,d records: %,.0f records/s (%.1f s)%n",
                    raw.records(), raw.recordsPerSecond(), raw.seconds());

            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/dump.nq", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/n-quads");
                exchange.sendResponseHeaders(200, Files.size(dump));
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(dump, out);
                }
            });
            server.start();
            OkHttpClient http = HttpClients.create(HttpSettings.defaults());
            try (RecordStore portal = RecordStore.openEmbedded(dir.resolve("portal"));
                    RecordValidator validator = new RecordValidator()) {
                HarvestRun run = PeerBaseline.runner(portal, validator, http);
                HarvestSource source = new HarvestSource(
                        "dump",
                        "rdf-dump",
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dump.nq"),
                        options(Files.size(dump) + 1));
                System.gc();
                long t1 = System.nanoTime();
                HarvestOutcome outcome;
                long peak;
                try (LiveHeap live = new LiveHeap();
                        StoreMaintenance maintenance = StoreMaintenance.start(portal, policy(), checkEvery)) {
                    outcome = run.run(source, HarvestListener.NONE);
                    peak = live.peak();
                }
                double seconds = (System.nanoTime() - t1) / 1e9;
                long folder = portal.diskBytes().orElseThrow();
                Compaction last = portal.compact().orElseThrow();
                System.out.printf(
                        "store files: %,d MiB after the harvest (compacted during it by %s, checked every %s: the"
                                + " log's 'Compacted the store' lines); then: %s%n",
                        folder / (1024 * 1024), policy(), checkEvery, last.describe());
                long stored = portal.count(RecordQuery.ALL);
                if (!outcome.ok() || stored != records) {
                    throw new IllegalStateException(
                            "Harvest incomplete (" + stored + " of " + records + "): " + outcome);
                }
                double rate = records / seconds;
                System.out.printf(
                        "dump harvest: %,d records in %.1f s = %,.0f records/s (%,d pages), peak live heap (after GC) %,d MiB"
                                + " of %,d MiB; ratio harvest/raw TDB2 = %.2f%n",
                        records,
                        seconds,
                        rate,
                        outcome.counts().pages(),
                        peak / (1024 * 1024),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024),
                        rate / raw.recordsPerSecond());
            } finally {
                server.stop(0);
                HttpClients.shutdown(http);
            }
        } finally {
            if (base == null) {
                LoadBenchmark.delete(dir);
            }
        }
        return 0;
    }

    /** Writes synthetic records as N-Quads in the local graph until the file has {@code bytes} bytes. */
    static int writeDump(Path file, long bytes) throws IOException {
        SyntheticRecords gen = new SyntheticRecords(LoadBenchmark.BASE);
        IRI graph = RecordStore.localGraph(LoadBenchmark.BASE);
        int records = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            RDFWriter writer = Rio.createWriter(RDFFormat.NQUADS, out);
            writer.startRDF();
            while (Files.size(file) < bytes) {
                Model batch = gen.batch(records, records + 1000);
                for (Statement st : batch) {
                    writer.handleStatement(org.eclipse.rdf4j.model.util.Statements.statement(
                            st.getSubject(), st.getPredicate(), st.getObject(), graph));
                }
                records += 1000;
                out.flush(); // so the file's size on disk is what was written
            }
            writer.endRDF();
        }
        return records;
    }

    /**
     * The heap in use after each garbage collection (the live set, what the harvest really holds),
     * its peak over the harvest, from the JVM's GC notifications.
     */
    private static final class LiveHeap implements NotificationListener, AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();

        LiveHeap() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(this, null, null);
                    emitters.add(emitter);
                }
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = 0;
            for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                used += usage.getUsed();
            }
            // Non-heap pools (metaspace, code cache) are in the map too; they are small and steady.
            peak.accumulateAndGet(used, Math::max);
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() throws Exception {
            for (NotificationEmitter emitter : emitters) {
                emitter.removeNotificationListener(this);
            }
        }
    }
}
