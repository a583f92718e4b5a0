package org.chmexchange.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;

/**
 * What the harvest benchmarks share: the runner and the request-counting client, the check that a
 * harvest ended complete, and the baseline of the same records served by a CHM Exchange node and
 * harvested with protocol {@code peer}.
 */
final class PeerBaseline {

    private PeerBaseline() {}

    /** The portal base every benchmark harvests under. */
    static final String PORTAL = "http://portal.example.org/";

    /** A harvest runner into {@code portal}, with every registered protocol and a budget of 10^6 requests. */
    static HarvestRun runner(RecordStore portal, RecordValidator validator, OkHttpClient http) {
        return new HarvestRun(portal, validator, PORTAL, HarvesterRegistry.load(), new HarvestContext(http, 1_000_000));
    }

    /** {@code http}, counting each request it sends in {@code requests}. */
    static OkHttpClient counting(OkHttpClient http, AtomicLong requests) {
        return http.newBuilder()
                .addInterceptor(chain -> {
                    requests.incrementAndGet();
                    return chain.proceed(chain.request());
                })
                .build();
    }

    /** Fails unless the run succeeded and the store holds {@code expected} records. */
    static void check(HarvestOutcome outcome, RecordStore store, long expected) {
        long held = store.count(RecordQuery.ALL);
        if (!outcome.ok() || held != expected) {
            throw new IllegalStateException("Harvest incomplete (" + held + " of " + expected + "): " + outcome);
        }
    }

    /**
     * Serves the records of {@code peerDir} from a node and harvests them into {@code portalDir} with
     * protocol {@code peer}, pages of {@code limit}.
     *
     * @return the rate, records per second
     */
    static double rate(
            Path peerDir,
            Path portalDir,
            RecordValidator validator,
            OkHttpClient http,
            AtomicLong requests,
            long expected,
            int limit) {
        try (ChmNodeServer peer = LoadBenchmark.node(peerDir);
                RecordStore portal = RecordStore.openEmbedded(portalDir)) {
            HarvestRun run = runner(portal, validator, http);
            HarvestSource source = new HarvestSource(
                    "peer", "peer", URI.create(peer.baseIri()), Map.of("limit", Integer.toString(limit)));
            requests.set(0);
            long start = System.nanoTime();
            HarvestOutcome outcome = run.run(source, HarvestListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            check(outcome, portal, expected);
            double rate = expected / seconds;
            System.out.printf(
                    "peer harvest of the same records: %,.0f records/s (%.1f s, %,d requests)%n",
                    rate, seconds, requests.get());
            return rate;
        }
    }
}
