package org.chmexchange.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Harvest benchmark (issue "Exchange between nodes", section 7): a peer node on loopback holds N
 * synthetic records; a portal harvests them through the peer's change feed (validation, store,
 * index, change log, provenance) and the figure is compared with a raw RDF4J LMDB bulk load of
 * the same triples in the same run. Then 10 records change at the peer and the portal harvests
 * again: the requests made and the time are printed.
 */
@Command(
        name = "harvest-benchmark",
        mixinStandardHelpOptions = true,
        description = "Harvest N records from a peer node over loopback; then an incremental harvest of 10 changes.")
public final class HarvestBenchmark implements Callable<Integer> {

    @Option(
            names = "--records",
            defaultValue = "100000",
            description = "Records at the peer (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--page", defaultValue = "1000", description = "Changes per feed page (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--verbose", description = "Print the time of every page.")
    boolean verbose;

    /** Prints how long each page took, from the previous commit to this one. */
    private static final class PageTimer implements HarvestListener {
        private long last = System.nanoTime();

        @Override
        public void pageCommitted(
                HarvestSource source,
                org.chmexchange.harvest.HarvestCounts page,
                org.chmexchange.harvest.HarvestCounts total) {
            long now = System.nanoTime();
            System.out.printf("  page %d: %d created in %.0f ms%n", total.pages(), page.created(), (now - last) / 1e6);
            last = now;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HarvestBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("chm-harvest-bench");
        try {
            System.out.printf(
                    "CHM Exchange harvest benchmark: %,d records, feed pages of %d, JVM %s, %d cores%n",
                    records,
                    page,
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            Path peerDir = dir.resolve("peer");
            try (RecordStore peerStore = RecordStore.openEmbedded(peerDir)) {
                SyntheticRecords gen = new SyntheticRecords(LoadBenchmark.BASE);
                for (int from = 0; from < records; from += 1000) {
                    peerStore.put(
                            gen.batch(from, Math.min(records, from + 1000)),
                            RecordStore.localGraph(LoadBenchmark.BASE));
                }
            }
            LoadBenchmark.Result raw = LoadBenchmark.rawLoad(records, 1000, dir.resolve("raw"));
            System.out.printf(
                    "raw RDF4J LMDB bulk load of the same triples: %,.0f records/s (%.1f s)%n",
                    raw.recordsPerSecond(), raw.seconds());
            LoadBenchmark.Result tdb2 = RawTdb2Load.load(records, 1000, dir.resolve("raw-tdb2"));
            System.out.printf(
                    "raw Jena TDB2 load of the same triples: %,.0f records/s (%.1f s)%n",
                    tdb2.recordsPerSecond(), tdb2.seconds());

            AtomicLong requests = new AtomicLong();
            OkHttpClient shared = HttpClients.create(HttpSettings.defaults());
            OkHttpClient counting = PeerBaseline.counting(shared, requests);
            try (ChmNodeServer peer = LoadBenchmark.node(peerDir);
                    RecordStore portal = RecordStore.openEmbedded(dir.resolve("portal"));
                    RecordValidator validator = new RecordValidator()) {
                HarvestRun run = PeerBaseline.runner(portal, validator, counting);
                HarvestSource source = new HarvestSource(
                        "peer", "peer", URI.create(peer.baseIri()), Map.of("limit", Integer.toString(page)));

                long t0 = System.nanoTime();
                HarvestOutcome full = run.run(source, verbose ? new PageTimer() : HarvestListener.NONE);
                double seconds = (System.nanoTime() - t0) / 1e9;
                PeerBaseline.check(full, portal, records);
                double rate = records / seconds;
                System.out.printf(
                        "full harvest over loopback: %,.0f records/s (%.1f s, %,d requests, %,d pages)"
                                + "  ratio harvest/raw LMDB = %.2f, harvest/raw TDB2 = %.2f%n",
                        rate,
                        seconds,
                        requests.get(),
                        full.counts().pages(),
                        rate / raw.recordsPerSecond(),
                        rate / tdb2.recordsPerSecond());

                // Five rounds of 10 changes each: the first pays for whatever the full harvest left
                // (JIT, caches); each line is one incremental run.
                for (int round = 1; round <= 5; round++) {
                    for (int i = 0; i < 10; i++) {
                        IRI iri = org.chmexchange.model.RecordType.DECISION.mint(
                                LoadBenchmark.BASE, "syn-" + (i * 20 + 1));
                        Model m = peer.store().get(iri).orElseThrow();
                        m.remove(iri, DCTERMS.TITLE, null);
                        m.add(iri, DCTERMS.TITLE, Values.literal("Changed title " + round + "." + i, "en"));
                        peer.store().put(m, RecordStore.localGraph(LoadBenchmark.BASE));
                    }
                    requests.set(0);
                    long t1 = System.nanoTime();
                    HarvestOutcome incremental = run.run(source, HarvestListener.NONE);
                    double ms = (System.nanoTime() - t1) / 1e6;
                    if (!incremental.ok() || incremental.counts().updated() != 10) {
                        throw new IllegalStateException("Expected 10 updates: " + incremental);
                    }
                    System.out.printf(
                            "incremental harvest %d after 10 changes: %d requests, %.0f ms, %d updated%n",
                            round, requests.get(), ms, incremental.counts().updated());
                }
            } finally {
                HttpClients.shutdown(shared);
            }
        } finally {
            LoadBenchmark.delete(dir);
        }
        return 0;
    }
}
