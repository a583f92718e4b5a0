package org.chmexchange.node;

import io.javalin.Javalin;
import java.util.stream.Collectors;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.http.Routes;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running CHM node: the embedded record store, the shared thesaurus, the record validator and
 * the HTTP API (open reads; writes with the configured tokens).
 *
 * <pre>{@code
 * try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true))) {
 *     String records = node.baseIri() + "records";
 * }
 * }</pre>
 *
 * <p>{@link #start} returns once the node listens and its reference and sample data are loaded.
 * Lifecycle: {@link #close()} stops the HTTP server, then closes the validator and the store. Thread-safety: the
 * server answers requests concurrently; start and close are called once, from one thread.
 */
public final class ChmNodeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChmNodeServer.class);
    private static final String BASE_SETTING = "base-iri";

    private final RecordStore store;
    private final RecordValidator validator;
    private final Javalin http;
    private final String base;

    private ChmNodeServer(RecordStore store, RecordValidator validator, Javalin http, String base) {
        this.store = store;
        this.validator = validator;
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
     *     folder was created with, or a token's scope names a country or treaty the thesaurus does
     *     not have
     */
    public static ChmNodeServer start(NodeConfig config) {
        Model skos = Vocabularies.thesaurus();
        Thesaurus thesaurus = Thesaurus.load(skos);
        Tokens tokens = Tokens.of(config.tokens());
        checkScopes(tokens, thesaurus);
        RecordStore store = RecordStore.openEmbedded(config.dataDir());
        Javalin http = null;
        RecordValidator validator = null;
        try {
            Routes.Holder holder = new Routes.Holder();
            http = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.http.prefer405over404 = true;
                cfg.http.maxRequestSize = config.maxRequestBytes();
                Routes.register(cfg.routes, holder);
            });
            http.start(config.port());
            String base = baseIri(config, store, http.port());
            ReferenceData.load(store, base, config.loadSampleData(), skos);
            validator = new RecordValidator();
            // until now, requests get 503
            holder.set(new Routes.Services(store, thesaurus, skos, base, validator, tokens, config.maxRequestBytes()));
            LOG.info(
                    "CHM node listening on port {} with base {} and data in {}; {} write token(s){}",
                    http.port(),
                    base,
                    config.dataDir().toAbsolutePath(),
                    tokens.all().size(),
                    tokens.isEmpty()
                            ? ""
                            : " (" + tokens.all().stream().map(Token::name).collect(Collectors.joining(", ")) + ")");
            return new ChmNodeServer(store, validator, http, base);
        } catch (RuntimeException e) {
            if (http != null) {
                http.stop();
            }
            if (validator != null) {
                validator.close();
            }
            store.close();
            throw e;
        }
    }

    /** Every country and treaty of a token scope must be a concept of the thesaurus. */
    private static void checkScopes(Tokens tokens, Thesaurus thesaurus) {
        for (Token token : tokens.all()) {
            for (String country : token.scope().countries()) {
                if (!inScheme(thesaurus, ChmThesaurus.country(country), ChmThesaurus.COUNTRIES)) {
                    throw new IllegalArgumentException("Token '" + token.name() + "' names the country '" + country
                            + "', which is not an ISO 3166-1 alpha-2 code of the thesaurus");
                }
            }
            for (String treaty : token.scope().treaties()) {
                if (!inScheme(thesaurus, ChmThesaurus.treaty(treaty), ChmThesaurus.TREATIES)) {
                    throw new IllegalArgumentException("Token '" + token.name() + "' names the treaty '" + treaty
                            + "', which is not an InforMEA treaty id of the thesaurus (cbd, cartagena, nagoya, ...)");
                }
            }
        }
    }

    private static boolean inScheme(Thesaurus thesaurus, IRI concept, String scheme) {
        return thesaurus
                .concept(concept)
                .filter(c -> c.schemes().contains(ChmThesaurus.scheme(scheme)))
                .isPresent();
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
            try {
                validator.close();
            } finally {
                store.close();
            }
        }
    }
}
