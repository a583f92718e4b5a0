package org.chmexchange.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import org.chmexchange.node.replay.CbdFixtures;
import org.chmexchange.node.replay.CbdReplay;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * CBD harvest benchmark (issue 8, part 4): a local CBD API replay ({@link CbdReplay}, real HTTP on
 * loopback) holds N synthetic index documents in the CBD's shapes, half national reports with a body
 * each ({@code nationalReport6}: one index query per page plus one document request per record), half
 * decisions mapped from their index fields; a portal harvests them with protocol {@code cbd}
 * (mapping, validation, store, index, change log, the identifier sweep). The baseline in the same
 * run: the same records, as harvested, served by a CHM Exchange node and harvested again with
 * protocol {@code peer}. Prints both rates and their ratio.
 */
@Command(
        name = "cbd-benchmark",
        mixinStandardHelpOptions = true,
        description =
                "Harvest N synthetic CBD index documents from a local replay; the peer harvester on the same records as baseline.")
public final class CbdBenchmark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COUNTRIES = {"ca", "fr", "br", "ke", "fj", "tg", "pe", "in", "cn", "ru"};

    @Option(names = "--records", defaultValue = "20000", description = "Index documents (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--rows", defaultValue = "500", description = "Index page size (default: ${DEFAULT-VALUE}).")
    int rows;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CbdBenchmark()).execute(args));
    }

    /** The synthetic set: even numbers national reports with bodies, odd numbers decisions. */
    static CbdFixtures synthetic(int n) {
        CbdFixtures fixtures = new CbdFixtures();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String country = COUNTRIES[i % COUNTRIES.length];
            ObjectNode doc = JSON.createObjectNode();
            doc.put("id", String.format("%024x", 0x6000000000L + i));
            doc.put("_documentId_i", 1_000_000 + i);
            doc.put("_revision_i", 1 + i % 3);
            doc.putArray("realm_ss").add("chm");
            doc.put("_state_s", "public");
            doc.put("updatedDate_dt", start.plusSeconds(37L * i).toString());
            doc.put("createdDate_dt", start.toString());
            if (i % 2 == 0) {
                String identifier = String.format("SYN%08d-0000-4000-8000-%012d", i, i);
                doc.put("identifier_s", identifier);
                doc.put("schema_s", "nationalReport6");
                doc.put("schemaType_s", "national");
                doc.put("government_s", country);
                doc.put("uniqueIdentifier_s", "chm-nr6-" + country + "-" + (1_000_000 + i) + "-1");
                doc.put("title_EN_t", "Synthetic sixth national report " + i);
                ObjectNode body = JSON.createObjectNode();
                body.putObject("header")
                        .put("identifier", identifier)
                        .put("schema", "nationalReport6")
                        .putArray("languages")
                        .add("en")
                        .add("fr");
                body.putObject("government").put("identifier", country);
                body.putObject("title")
                        .put("en", "Synthetic sixth national report " + i)
                        .put("fr", "Sixième rapport national synthétique " + i);
                body.putObject("summary").put("en", "A generated record for the benchmark, number " + i + ".");
                body.putArray("aichiTargets")
                        .add(JSON.createObjectNode().put("identifier", String.format("AICHI-TARGET-%02d", 1 + i % 20)));
                body.putArray("documentLinks")
                        .add(JSON.createObjectNode()
                                .put("url", "https://www.example.org/nr6/" + i + ".pdf")
                                .put("name", i + ".pdf")
                                .put("language", "en"));
                fixtures.put(doc, body);
            } else {
                doc.put("identifier_s", String.format("SYN-DEC-%08d", i));
                doc.put("schema_s", "decision");
                doc.put("schemaType_s", "scbd");
                doc.put("treaty_s", "XXVII8");
                doc.put("body_s", "COP");
                doc.put("session_i", 1 + i % 16);
                doc.put("decision_i", i);
                doc.put("symbol_s", "SYN/COP/DEC/" + (1 + i % 16) + "/" + i);
                doc.put("title_EN_t", "Synthetic decision " + i);
                doc.put("title_FR_t", "Décision synthétique " + i);
                doc.putArray("meeting_ss").add("COP-" + (1 + i % 16));
                fixtures.put(doc, null);
            }
        }
        return fixtures;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("chm-cbd-bench");
        OkHttpClient shared = HttpClients.create(HttpSettings.defaults());
        AtomicLong requests = new AtomicLong();
        OkHttpClient counting = PeerBaseline.counting(shared, requests);
        try (RecordValidator validator = new RecordValidator()) {
            System.out.printf(
                    "CHM Exchange CBD harvest benchmark: %,d index documents (half with a body), rows %d, JVM %s, %d"
                            + " cores%n",
                    records,
                    rows,
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            double cbdRate;
            try (CbdReplay replay = CbdReplay.start(synthetic(records), "127.0.0.1", 0);
                    RecordStore portal = RecordStore.openEmbedded(dir.resolve("cbd-portal"))) {
                HarvestRun run = PeerBaseline.runner(portal, validator, counting);
                HarvestSource source =
                        new HarvestSource("cbd", "cbd", replay.url(), Map.of("rows", Integer.toString(rows)));
                long t0 = System.nanoTime();
                HarvestOutcome outcome = run.run(source, HarvestListener.NONE);
                double seconds = (System.nanoTime() - t0) / 1e9;
                PeerBaseline.check(outcome, portal, records);
                cbdRate = records / seconds;
                System.out.printf(
                        "cbd harvest (window and sweep) over loopback: %,.0f records/s (%.1f s, %,d requests, %,d"
                                + " pages)%n",
                        cbdRate, seconds, requests.get(), outcome.counts().pages());

                requests.set(0);
                long t1 = System.nanoTime();
                HarvestOutcome again = run.run(source, HarvestListener.NONE);
                System.out.printf(
                        "cbd incremental run with nothing new: %d requests, %.0f ms, %d created, %d updated%n",
                        requests.get(),
                        (System.nanoTime() - t1) / 1e6,
                        again.counts().created(),
                        again.counts().updated());

                // the baseline: the same records, served by a node, harvested through its change feed
                Path peerDir = dir.resolve("peer");
                try (RecordStore peerStore = RecordStore.openEmbedded(peerDir)) {
                    Model all = portal.graph(run.graphOf("cbd"));
                    peerStore.put(all, RecordStore.localGraph(LoadBenchmark.BASE));
                }
                double peerRate = PeerBaseline.rate(
                        peerDir, dir.resolve("peer-portal"), validator, counting, requests, records, rows);
                System.out.printf("ratio cbd/peer = %.2f%n", cbdRate / peerRate);
            }
        } finally {
            HttpClients.shutdown(shared);
            LoadBenchmark.delete(dir);
        }
        return 0;
    }
}
