package org.chmexchange.node;

import io.javalin.Javalin;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.http.JettyProblems;
import org.chmexchange.node.http.Routes;
import org.chmexchange.node.sync.Scheduler;
import org.chmexchange.node.sync.Sync;
import org.chmexchange.node.sync.SyncPlan;
import org.chmexchange.node.thesaurus.ThesaurusImports;
import org.chmexchange.node.thesaurus.ThesaurusSchedule;
import org.chmexchange.oai.OaiProvider;
import org.chmexchange.odata.InformeaProvider;
import org.chmexchange.sparql.SparqlQueries;
import org.chmexchange.store.CompactionPolicy;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.StoreMaintenance;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running CHM node: the embedded record store, the shared thesaurus, the record validator, the
 * HTTP API (open reads; writes with the configured tokens; operations with the admin token) and the
 * exchange with other nodes: the configured sources harvested and publish targets pushed to, on
 * their schedules and on demand, through one shared HTTP client.
 *
 * <pre>{@code
 * try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true))) {
 *     String records = node.baseIri() + "records";
 * }
 * }</pre>
 *
 * <p>{@link #start} returns once the node listens, its reference and sample data are loaded and its
 * schedules are set; from then on the store is compacted when {@link CompactionPolicy#DEFAULT} says
 * so, checked every {@link StoreMaintenance#DEFAULT_EVERY} (docs/STORE.md, "Compaction"). Lifecycle:
 * {@link #close()} stops the HTTP server, then the scheduler (waiting up to {@link
 * Scheduler#DEFAULT_CLOSE_TIMEOUT} for running harvests), then shuts the HTTP client down, closes the
 * validator, waits for a compaction that is running, and closes the store. Thread-safety: the server answers requests
 * concurrently; start and close are called once, from one thread.
 */
public final class ChmNodeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChmNodeServer.class);

    private final RecordStore store;
    private final RecordValidator validator;
    private final Javalin http;
    private final String base;
    private final Sync sync;
    private final Scheduler scheduler;
    private final StoreMaintenance maintenance;
    /** The scheduled thesaurus import; null when none is configured. */
    private final ThesaurusSchedule imports;

    private final Map<String, List<String>> routes;

    /** The registry of the network's nodes ({@code /network}). */
    private final org.chmexchange.node.network.NodeRegistry network;

    private ChmNodeServer(
            RecordStore store,
            RecordValidator validator,
            Javalin http,
            String base,
            Sync sync,
            Scheduler scheduler,
            StoreMaintenance maintenance,
            Map<String, List<String>> routes,
            ThesaurusSchedule imports,
            org.chmexchange.node.network.NodeRegistry network) {
        this.network = network;
        this.routes = routes;
        this.imports = imports;
        this.store = store;
        this.maintenance = maintenance;
        this.validator = validator;
        this.http = http;
        this.base = base;
        this.sync = sync;
        this.scheduler = scheduler;
    }

    /**
     * Starts a node whose {@code tokenEnv} variables are read from the process environment.
     *
     * @see #start(NodeConfig, Map)
     */
    public static ChmNodeServer start(NodeConfig config) {
        return start(config, System.getenv());
    }

    /**
     * Checks the sources and publish targets, opens the store in {@code config.dataDir()}, starts the
     * HTTP server, loads the vocabularies (and, on first start, the sample data) and starts the
     * schedules.
     *
     * @param config the node's configuration
     * @param environment where the {@code tokenEnv} variables of sources and publish targets are read
     *     ({@link System#getenv()}; a map in tests)
     * @throws org.chmexchange.node.config.ConfigException if a source names a protocol no harvester
     *     provides (the message lists the known ones), a {@code tokenEnv} variable is not set (the
     *     message names it), or a name is not one the harvester or publisher accepts
     * @throws org.chmexchange.store.StoreException if the store cannot be opened (for example the
     *     data folder is in use by another node)
     * @throws io.javalin.util.JavalinBindException if the port is taken
     * @throws IllegalArgumentException if {@code config.baseIri()} differs from the base the data
     *     folder was created with, or a token's scope names a country or treaty the thesaurus does
     *     not have
     */
    public static ChmNodeServer start(NodeConfig config, Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        SyncPlan plan = SyncPlan.of(config.sources(), config.publish(), environment, HarvesterRegistry.load());
        Model skos = Vocabularies.thesaurus();
        Thesaurus thesaurus = Thesaurus.load(skos);
        Tokens tokens = Tokens.of(config.tokens());
        checkScopes(tokens, thesaurus);
        RecordStore store = config.store().open(config.dataDir(), environment);
        Javalin http = null;
        RecordValidator validator = null;
        Sync sync = null;
        Scheduler scheduler = null;
        ThesaurusSchedule imports = null;
        org.chmexchange.node.network.NodeRegistry network = null;
        try {
            Routes.Holder holder = new Routes.Holder();
            http = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.http.prefer405over404 = true;
                cfg.http.maxRequestSize = config.maxRequestBytes();
                // Errors Jetty answers itself (bad request line, 414, 431, ...) as problem documents too.
                cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
                cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyProblems()));
                Routes.register(cfg.routes, holder);
            });
            http.start(config.port());
            String base = BaseIri.resolve(config, store, http.port());
            ReferenceData.load(store, base, config.loadSampleData(), skos);
            validator = new RecordValidator( // the node's thesaurus: the shared one and what it imported
                    org.chmexchange.vocab.Vocabularies.shapes(),
                    org.chmexchange.node.thesaurus.ThesaurusImports.merged(
                            org.chmexchange.vocab.Vocabularies.thesaurus(), store));
            sync = Sync.open(plan, store, validator, base, config.spoolDir());
            scheduler = new Scheduler(sync);
            RecordValidator v = validator;
            Scheduler s = scheduler;
            network = new org.chmexchange.node.network.NodeRegistry(
                    store,
                    config.network(),
                    org.chmexchange.http.HttpClients.create(org.chmexchange.http.HttpSettings.defaults().toBuilder()
                            .callTimeout(java.time.Duration.ofSeconds(20))
                            .maxRetries(0) // the next poll is the retry
                            .build()),
                    holder::describe);
            org.chmexchange.node.network.NodeRegistry registry = network;
            // the node's thesaurus: the shared one with what was imported into it (docs/CBD.md)
            java.util.function.Consumer<Model> serve = nodeSkos -> {
                Thesaurus t = nodeSkos.size() == skos.size() ? thesaurus : Thesaurus.load(nodeSkos);
                holder.set(new Routes.Services(
                        store,
                        t,
                        nodeSkos,
                        base,
                        v,
                        tokens,
                        config.maxRequestBytes(),
                        config.admin(),
                        s,
                        new SparqlQueries(
                                store,
                                config.sparql().timeout(),
                                config.sparql().maxResults()),
                        new OaiProvider(store, t, config.oai().settings(base)),
                        new InformeaProvider(
                                store,
                                t,
                                base,
                                java.net.URI.create(base + "informea.svc/"),
                                InformeaProvider.DEFAULT_PAGE_SIZE),
                        config.oai().settings(base).repositoryName(),
                        registry));
            };
            serve.accept(ThesaurusImports.merged(skos, store)); // until now, requests get 503
            if (config.thesaurusImport() != null) {
                imports = new ThesaurusSchedule(config.thesaurusImport(), store, skos, serve);
                imports.start();
            }
            scheduler.start();
            network.start();
            LOG.info(
                    "CHM node listening on port {} with base {} and data in {}; {} write token(s){}",
                    http.port(),
                    base,
                    config.dataDir().toAbsolutePath(),
                    tokens.all().size(),
                    tokens.isEmpty()
                            ? ""
                            : " (" + tokens.all().stream().map(Token::name).collect(Collectors.joining(", ")) + ")");
            LOG.info(
                    "Sources: {}; publish targets: {}; admin token {}",
                    plan.sourceNames(),
                    plan.targetNames(),
                    config.admin() == null ? "not configured (no operations over HTTP)" : "configured");
            StoreMaintenance maintenance =
                    StoreMaintenance.start(store, CompactionPolicy.DEFAULT, StoreMaintenance.DEFAULT_EVERY);
            return new ChmNodeServer(
                    store, validator, http, base, sync, scheduler, maintenance, holder.routes(), imports, network);
        } catch (RuntimeException e) {
            if (http != null) {
                http.stop();
            }
            if (network != null) {
                network.close();
            }
            if (imports != null) {
                imports.close();
            }
            if (scheduler != null) {
                scheduler.close();
            }
            if (sync != null) {
                sync.close();
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

    /** The port the node listens on. */
    public int port() {
        return http.port();
    }

    /** The base IRI of the records this node mints, ending with {@code /}. */
    public String baseIri() {
        return base;
    }

    /**
     * The addresses the node's API answers, with their methods ({@code OPTIONS} aside), as the
     * routes were registered (for tests: the OpenAPI document must describe exactly these).
     */
    public Map<String, List<String>> routes() {
        return routes;
    }

    /** The node's record store (for embedding and tests). */
    public RecordStore store() {
        return store;
    }

    /** The node's harvesting and publishing machinery (for embedding and tests). */
    public Sync sync() {
        return sync;
    }

    /** The registry of the network's nodes: polled on its schedule; {@code pollAll()} polls now. */
    public org.chmexchange.node.network.NodeRegistry network() {
        return network;
    }

    /**
     * Stops the HTTP server and the network registry's polls, then the scheduler (waiting for running
     * harvests up to a bound), shuts the HTTP client down, closes the validator, waits for a running
     * compaction, and closes the store.
     */
    @Override
    public void close() {
        try {
            http.stop();
            network.close();
            if (imports != null) {
                imports.close();
            }
        } finally {
            try {
                scheduler.close();
            } finally {
                try {
                    sync.close();
                } finally {
                    try {
                        validator.close();
                    } finally {
                        try {
                            maintenance.close();
                        } finally {
                            store.close();
                        }
                    }
                }
            }
        }
    }
}
