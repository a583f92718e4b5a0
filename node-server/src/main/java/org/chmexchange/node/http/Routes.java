package org.chmexchange.node.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.AdminSettings;
import org.chmexchange.node.sync.JobKind;
import org.chmexchange.node.sync.Scheduler;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.validation.RecordValidator;
import org.eclipse.rdf4j.model.Model;

/**
 * The routes of the node's API (see node-server/API.md) and the single exception-to-status map.
 * Reads (GET, HEAD, including {@code /status}) are open; writes (PUT, DELETE, POST on {@code
 * /records}) need a bearer token; operations ({@code POST /admin/harvest/{source}}, {@code POST
 * /admin/publish/{target}}) need the admin token; {@code OPTIONS} answers every address (with CORS
 * preflights for cross-origin reads: {@link Cors}); other methods on a known path get 405.
 */
public final class Routes {

    private Routes() {}

    /**
     * What the handlers need, known once the server listens (the base IRI may depend on the port).
     *
     * @param store the record store; owned by the server
     * @param thesaurus the shared thesaurus
     * @param skos the thesaurus as RDF
     * @param base the node's base IRI, ending with {@code /}
     * @param validator the node's one validator, for every write; owned by the server
     * @param tokens the write tokens
     * @param maxRequestBytes the largest request body writes accept, in bytes
     * @param admin the operators' token (hashed), or null: no operation is allowed over HTTP
     * @param scheduler runs harvests and publications on demand, and knows their state; owned by the
     *     server
     * @param sparql the SPARQL queries over the store, with the node's limits
     * @param oai the OAI-PMH provider over the store
     * @param informea the InforMEA OData provider over the store
     * @param nodeName the node's name, as people read it (its portal, its self-description)
     * @param network the registry of the network's nodes; owned by the server
     */
    public record Services(
            RecordStore store,
            Thesaurus thesaurus,
            Model skos,
            String base,
            RecordValidator validator,
            Tokens tokens,
            long maxRequestBytes,
            AdminSettings admin,
            Scheduler scheduler,
            org.chmexchange.sparql.SparqlQueries sparql,
            org.chmexchange.oai.OaiProvider oai,
            org.chmexchange.odata.InformeaProvider informea,
            String nodeName,
            org.chmexchange.node.network.NodeRegistry network) {}

    /** Holds the services; requests that arrive before they are set get 503. */
    public static final class Holder {
        private final AtomicReference<Handlers> handlers = new AtomicReference<>();
        private final NodeMetrics metrics = new NodeMetrics();
        private volatile Map<String, List<String>> routes = Map.of();

        /**
         * Every address the API answers (Javalin path syntax, {@code /records/{type}/{id}}) with its
         * methods, {@code OPTIONS} left out (every address answers it); set by {@link #register}.
         */
        public Map<String, List<String>> routes() {
            return routes;
        }

        /** Makes the API answer with these services. */
        public void set(Services services) {
            if (handlers.getAndSet(new Handlers(services)) == null) {
                metrics.bind(services.store(), services.scheduler().sync());
            }
        }

        /** The node's metrics ({@code /metrics}). */
        public NodeMetrics metrics() {
            return metrics;
        }

        /** {@code /health} answers while starting too: 503 with status STARTING. */
        void health(Context ctx) {
            Handlers h = handlers.get();
            if (h == null) {
                HealthHandler.starting(ctx);
            } else {
                h.health.handle(ctx);
            }
        }

        /** This node's self-description ({@code /.well-known/chm-node}), read without HTTP. */
        public Map<String, Object> describe() {
            return get().self.describe();
        }

        /** The context the node's JSON-LD names: its own once the services are set, else the canonical one. */
        org.chmexchange.rdf.JsonLdContext jsonLdContext() {
            Handlers h = handlers.get();
            return h == null ? org.chmexchange.rdf.JsonLdContext.CANONICAL : h.jsonLdContext;
        }

        Handlers get() {
            Handlers h = handlers.get();
            if (h == null) {
                throw new ApiException(503, "Starting", "The node is still starting; try again in a moment.", Map.of());
            }
            return h;
        }
    }

    private static final class Handlers {
        final HealthHandler health;
        final RecordHandler record;
        final RecordListHandler list;
        final ThesaurusHandler thesaurus;
        final ChangesHandler changes;
        final PutRecordHandler putByPath;
        final PutRecordHandler putByIri;
        final DeleteRecordHandler deleteByPath;
        final DeleteRecordHandler deleteByIri;
        final PostRecordsHandler post;
        final StatusHandler status;
        final AdminHandler admin;
        final org.chmexchange.rdf.JsonLdContext jsonLdContext;
        final SparqlHandler sparql;
        final DumpHandler dumps;
        final DatasetDescriptions descriptions;
        final OaiHandler oai;
        final InformeaHandler informea;
        final OpenApiHandler openApi;
        final PortalHandler portal;
        final SelfDescription self;
        final NetworkHandler network;

        Handlers(Services s) {
            portal = new PortalHandler(s.store(), s.thesaurus(), s.base(), s.nodeName());
            self = new SelfDescription(s.store(), s.base(), s.nodeName());
            openApi = new OpenApiHandler(s.base());
            oai = new OaiHandler(s.oai());
            informea = new InformeaHandler(s.informea());
            jsonLdContext = JsonLdAnswer.contextOf(s.base());
            sparql = new SparqlHandler(s.sparql(), s.base());
            dumps = new DumpHandler(s.store());
            descriptions = new DatasetDescriptions(s.store(), s.base(), jsonLdContext);
            health = new HealthHandler(s.store());
            record = new RecordHandler(s.store(), s.base(), portal);
            list = new RecordListHandler(
                    s.store(), new NodeResolver(s.thesaurus(), s.store(), s.base()), s.base(), portal);
            thesaurus = new ThesaurusHandler(
                    s.thesaurus(),
                    s.skos(),
                    s.base(),
                    () -> org.chmexchange.node.thesaurus.ThesaurusImports.list(s.store()),
                    portal);
            changes = new ChangesHandler(s.store(), new NodeResolver(s.thesaurus(), s.store(), s.base()), s.base());
            Publishing publishing = new Publishing(s.store(), s.validator(), s.tokens(), s.base(), s.maxRequestBytes());
            network = new NetworkHandler(s.network(), publishing);
            putByPath = new PutRecordHandler(publishing, RecordTarget.fromPath(s.base()));
            putByIri = new PutRecordHandler(publishing, RecordTarget.fromQuery());
            deleteByPath = new DeleteRecordHandler(publishing, RecordTarget.fromPath(s.base()));
            deleteByIri = new DeleteRecordHandler(publishing, RecordTarget.fromQuery());
            post = new PostRecordsHandler(publishing);
            status = new StatusHandler(s.scheduler().sync(), s.store(), s.base(), s.network(), portal);
            admin = new AdminHandler(new AdminAuth(s.admin(), s.tokens()), s.scheduler(), s.base());
        }
    }

    /** Registers every route, {@code OPTIONS} for each address, CORS and the error mapping on {@code routes}. */
    public static void register(RoutesConfig routes, Holder holder) {
        routes.before(RequestGuards::check);
        routes.before(Cors::grantReads);
        Table t = new Table(routes, holder.metrics);
        List<String> none = List.of();
        List<String> conceptParams = List.of("iri", "transitive", "lang");
        List<String> lang = List.of("lang", "format");
        t.read("/", lang, ctx -> {
            Handlers h = holder.get();
            if (PortalHandler.wantsHtml(ctx)) {
                h.portal.home(ctx);
            } else {
                h.self.handle(ctx);
            }
        });
        t.read("/.well-known/chm-node", none, ctx -> holder.get().self.handle(ctx));
        t.read("/countries", List.of("lang"), ctx -> holder.get().portal.countries(ctx));
        t.read("/countries/{code}", List.of("lang"), ctx -> {
            PortalHandler portal = holder.get().portal;
            portal.country(ctx, portal.countryOf(ctx.pathParam("code")));
        });
        t.read("/record", List.of("iri", "format", "lang"), ctx -> holder.get()
                .record
                .byIri(ctx));
        t.read("/health", none, ctx -> holder.health(ctx));
        t.read(OpenApiHandler.PATH, none, ctx -> holder.get().openApi.handle(ctx));
        VocabularyHandler vocabulary = new VocabularyHandler(holder::jsonLdContext);
        t.read("/ns", none, vocabulary::ontology);
        t.read("/ns/context.jsonld", none, vocabulary::context);
        t.read("/ns/shapes", none, vocabulary::shapes);
        t.read("/records", RecordListRequest.PARAMETERS, ctx -> holder.get()
                .list
                .handle(ctx));
        t.read("/records/{type}/{id}", RecordHandler.PARAMETERS, ctx -> holder.get()
                .record
                .handle(ctx));
        t.read("/changes", none, ctx -> holder.get().changes.collection(ctx));
        t.read("/changes/page", ChangesHandler.PAGE_PARAMETERS, ctx -> holder.get()
                .changes
                .page(ctx));
        t.read("/changes/{seq}", none, ctx -> holder.get().changes.activity(ctx));
        t.read("/thesaurus/search", List.of("q", "lang", "limit", "format"), ctx -> holder.get()
                .thesaurus
                .search(ctx));
        t.read("/thesaurus", List.of("lang"), ctx -> holder.get().thesaurus.all(ctx));
        t.read("/thesaurus/schemes", lang, ctx -> holder.get().thesaurus.schemes(ctx));
        t.read("/thesaurus/imports", none, ctx -> holder.get().thesaurus.imports(ctx));
        t.read("/thesaurus/top", List.of("scheme", "lang", "format"), ctx -> holder.get()
                .thesaurus
                .top(ctx));
        t.read("/thesaurus/concept", List.of("iri", "lang", "format"), ctx -> holder.get()
                .thesaurus
                .concept(ctx));
        t.read("/thesaurus/broader", conceptParams, ctx -> holder.get()
                .thesaurus
                .broader(ctx));
        t.read("/thesaurus/narrower", conceptParams, ctx -> holder.get()
                .thesaurus
                .narrower(ctx));
        t.read("/sparql", SparqlHandler.PARAMETERS, ctx -> holder.get().sparql.get(ctx));
        t.add("POST", "/sparql", SparqlHandler.PARAMETERS, ctx -> holder.get()
                .sparql
                .post(ctx));
        t.read(OaiHandler.PATH, null, ctx -> holder.get().oai.get(ctx));
        t.add("POST", OaiHandler.PATH, null, ctx -> holder.get().oai.post(ctx));
        t.read(OaiHandler.SCHEMA_PATH, none, OaiHandler::schema);
        t.read(InformeaHandler.PATH, null, ctx -> holder.get().informea.handle(ctx));
        t.read(InformeaHandler.PATH + "/<path>", null, ctx -> holder.get()
                .informea
                .handle(ctx));
        t.read(DumpHandler.NQUADS, none, ctx -> holder.get().dumps.nquads(ctx));
        t.read(DumpHandler.TURTLE, none, ctx -> holder.get().dumps.turtle(ctx));
        t.read("/.well-known/void", none, ctx -> holder.get().descriptions.voidDescription(ctx));
        t.read("/catalog", none, ctx -> holder.get().descriptions.catalog(ctx));
        t.read("/status", lang, ctx -> holder.get().status.handle(ctx));
        t.read("/network", lang, ctx -> holder.get().status.handle(ctx));
        t.add("POST", "/network/nodes", none, ctx -> holder.get().network.register(ctx));
        t.read("/metrics", none, ctx -> ctx.header("Cache-Control", "no-store")
                .contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(holder.metrics.scrape()));
        t.add("PUT", "/records/{type}/{id}", none, ctx -> holder.get().putByPath.handle(ctx));
        t.add("PUT", "/records", List.of("iri"), ctx -> holder.get().putByIri.handle(ctx));
        t.add("DELETE", "/records/{type}/{id}", none, ctx -> holder.get()
                .deleteByPath
                .handle(ctx));
        t.add("DELETE", "/records", List.of("iri"), ctx -> holder.get()
                .deleteByIri
                .handle(ctx));
        t.add("POST", "/records", none, ctx -> holder.get().post.handle(ctx));
        t.add("POST", "/admin/harvest/{name}", none, ctx -> holder.get().admin.trigger(ctx, JobKind.HARVEST));
        t.add("POST", "/admin/publish/{name}", none, ctx -> holder.get().admin.trigger(ctx, JobKind.PUBLISH));
        t.options();
        holder.routes = t.snapshot();
        routes.exception(ApiException.class, (e, ctx) -> Problems.write(ctx, e));
        routes.exception(Exception.class, (e, ctx) -> Problems.writeUnexpected(ctx, e));
        routes.error(
                404,
                "*",
                problem(404, "Not found", "There is nothing at this address; see /records and /thesaurus/schemes."));
        routes.error(405, "*", ctx -> problem(
                        405,
                        "Method not allowed",
                        "This address does not answer " + ctx.method() + "; see the node's API.md.")
                .handle(ctx));
    }

    /** Registers routes and remembers the methods of each address, for its {@code OPTIONS}. */
    private static final class Table {
        private final RoutesConfig routes;
        private final Map<String, List<String>> methods = new LinkedHashMap<>();
        private final NodeMetrics metrics;

        Table(RoutesConfig routes, NodeMetrics metrics) {
            this.routes = routes;
            this.metrics = metrics;
        }

        /** GET and HEAD run the same handler; for HEAD the server sends the headers without the body. */
        void read(String path, List<String> parameters, Handler handler) {
            add("GET", path, parameters, handler);
            add("HEAD", path, parameters, handler);
        }

        /**
         * A route that takes exactly {@code parameters} (any other is a 400: {@link Params#only}),
         * or, for null, whatever parameters its protocol judges itself (OAI-PMH's {@code
         * badArgument}).
         */
        void add(String method, String path, List<String> parameters, Handler route) {
            Handler checked = parameters == null
                    ? route
                    : ctx -> {
                        Params.only(ctx.queryParamMap(), parameters);
                        route.handle(ctx);
                    };
            Handler handler = ctx -> { // timed for /metrics, with the status the client gets
                long start = System.nanoTime();
                int status = 500;
                try {
                    checked.handle(ctx);
                    status = ctx.statusCode();
                } catch (ApiException e) {
                    status = e.status();
                    throw e;
                } finally {
                    metrics.request(method, path, status, System.nanoTime() - start);
                }
            };
            switch (method) {
                case "GET" -> routes.get(path, handler);
                case "HEAD" -> routes.head(path, handler);
                case "PUT" -> routes.put(path, handler);
                case "DELETE" -> routes.delete(path, handler);
                case "POST" -> routes.post(path, handler);
                default -> throw new IllegalArgumentException("No route method " + method);
            }
            methods.computeIfAbsent(path, p -> new ArrayList<>()).add(method);
        }

        Map<String, List<String>> snapshot() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            methods.forEach((path, list) -> copy.put(path, List.copyOf(list)));
            return java.util.Collections.unmodifiableMap(copy);
        }

        /** {@code OPTIONS} on every address registered so far (Cors). */
        void options() {
            methods.forEach((path, list) -> {
                List<String> allowed = List.copyOf(list);
                routes.options(path, ctx -> Cors.options(ctx, allowed));
            });
        }
    }

    private static Handler problem(int status, String title, String detail) {
        return (Context ctx) -> {
            String contentType = ctx.res().getContentType();
            if (contentType == null || !contentType.startsWith(Problems.MEDIA_TYPE)) {
                Problems.write(ctx, new ApiException(status, title, detail, Map.of()));
            }
        };
    }
}
