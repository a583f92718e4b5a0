package org.chmexchange.node;

import io.javalin.Javalin;
import org.chmexchange.node.http.Routes;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running CHM node: the embedded record store, the shared thesaurus and the HTTP API.
 *
 * <pre>{@code
 * try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true))) {
 *     String records = node.baseIri() + "records";
 * }
 * }</pre>
 *
 * <p>{@link #start} returns once the node listens and its reference and sample data are loaded.
 * Lifecycle: {@link #close()} stops the HTTP server, then closes the store. Thread-safety: the
 * server answers requests concurrently; start and close are called once, from one thread.
 */
public final class ChmNodeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChmNodeServer.class);
    private static final String BASE_SETTING = "base-iri";

    private final RecordStore store;
    private final Javalin http;
    private final String base;

    private ChmNodeServer(RecordStore store, Javalin http, String base) {
        this.store = store;
        this.http = http;
        this.base = base;
    }

    /**
     * Opens the store in {@code config.dataDir()}, starts the HTTP server and loads the vocabularies
     * (and, on first start, the sample data).
     *
     * @throws org.chmexchange.store.StoreException if the store cannot be opened (for example the
     *     data folder is in use by another node)
     * @throws io.javalin.util.JavalinBindException if the port is taken
     * @throws IllegalArgumentException if {@code config.baseIri()} differs from the base the data
     *     folder was created with
     */
    public static ChmNodeServer start(NodeConfig config) {
        RecordStore store = RecordStore.openEmbedded(config.dataDir());
        Javalin http = null;
        try {
            Model skos = Vocabularies.thesaurus();
            Thesaurus thesaurus = Thesaurus.load(skos);
            Routes.Holder holder = new Routes.Holder();
            http = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.http.prefer405over404 = true;
                Routes.register(cfg.routes, holder);
            });
            http.start(config.port());
            String base = baseIri(config, store, http.port());
            ReferenceData.load(store, base, config.loadSampleData(), skos);
            holder.set(new Routes.Services(store, thesaurus, skos, base)); // until now, requests get 503
            LOG.info(
                    "CHM node listening on port {} with base {} and data in {}",
                    http.port(),
                    base,
                    config.dataDir().toAbsolutePath());
            return new ChmNodeServer(store, http, base);
        } catch (RuntimeException e) {
            if (http != null) {
                http.stop();
            }
            store.close();
            throw e;
        }
    }

    private static String baseIri(NodeConfig config, RecordStore store, int port) {
        if (config.baseIri() != null) {
            String stored = store.setting(BASE_SETTING).orElse(null);
            if (stored != null && !stored.equals(config.baseIri())) {
                throw new IllegalArgumentException(
                        "The data folder " + config.dataDir() + " holds records minted under "
                                + stored + "; a node cannot change its base IRI (" + config.baseIri()
                                + " asked). Start without --base-url, or with a new data folder.");
            }
            store.setSetting(BASE_SETTING, config.baseIri());
            return config.baseIri();
        }
        return store.setting(BASE_SETTING).orElseGet(() -> {
            String base = "http://localhost:" + port + "/";
            store.setSetting(BASE_SETTING, base);
            return base;
        });
    }

    /** The port the node listens on. */
    public int port() {
        return http.port();
    }

    /** The base IRI of the records this node mints, ending with {@code /}. */
    public String baseIri() {
        return base;
    }

    /** The node's record store (for embedding and tests). */
    public RecordStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            http.stop();
        } finally {
            store.close();
        }
    }
}
