package org.chmexchange.benchmarks;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.TokenScope;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.store.RecordQuery;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * The publishing API's batch upsert as a load path: a node on loopback with one write token, and
 * the synthetic records sent as {@code POST /records} bodies of {@code batch} records in N-Triples
 * (parse, split, gates, validation, store, index, change log: the whole inbound pipeline of a
 * publisher). The bodies are written before the clock starts, so the client's serialisation is not
 * timed; the HTTP round trip is.
 */
final class PublishLoad {

    private static final String TOKEN = "benchmark-token-0123456789abcdef";
    private static final MediaType N_TRIPLES = MediaType.get("application/n-triples");

    private PublishLoad() {}

    static LoadBenchmark.Result load(int n, int batch, Path dir) {
        SyntheticRecords gen = new SyntheticRecords(LoadBenchmark.BASE);
        Token token = new Token("benchmark", Tokens.sha256Hex(TOKEN), TokenScope.ANY);
        NodeConfig config = new NodeConfig(
                LoadBenchmark.PORT,
                dir,
                LoadBenchmark.BASE,
                false,
                256L << 20,
                List.of(token),
                null,
                List.of(),
                List.of());
        // A write waits while the node compacts its store (about 50 s at 100,000 records, longer than
        // the default 30 s read timeout): the load measures that wait rather than failing on it.
        OkHttpClient http = HttpClients.create(HttpSettings.defaults().toBuilder()
                .readTimeout(java.time.Duration.ofMinutes(10))
                .callTimeout(java.time.Duration.ofMinutes(10))
                .build());
        long triples = 0;
        long nanos = 0;
        try (ChmNodeServer node = ChmNodeServer.start(config)) {
            for (int from = 0; from < n; from += batch) {
                Model m = gen.batch(from, Math.min(n, from + batch));
                StringWriter body = new StringWriter();
                Rio.write(m, body, RDFFormat.NTRIPLES);
                Request request = new Request.Builder()
                        .url(node.baseIri() + "records")
                        .header("Authorization", "Bearer " + TOKEN)
                        .post(RequestBody.create(body.toString(), N_TRIPLES))
                        .build();
                long t0 = System.nanoTime();
                try (Response response = http.newCall(request).execute()) {
                    if (response.code() != 200) {
                        throw new IllegalStateException("POST /records answered " + response.code() + ": "
                                + response.body().string());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                nanos += System.nanoTime() - t0;
                triples += m.size();
            }
            long count = node.store().count(RecordQuery.ALL);
            if (count != n) {
                throw new IllegalStateException("Expected " + n + " records, the node has " + count);
            }
        } finally {
            HttpClients.shutdown(http);
        }
        return new LoadBenchmark.Result(n, triples, nanos / 1e9, 0);
    }
}
