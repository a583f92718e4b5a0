package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.portal.CountryViews;
import org.chmexchange.node.portal.Label;
import org.chmexchange.node.portal.Messages;
import org.chmexchange.node.portal.Models;
import org.chmexchange.node.portal.Models.FacetGroup;
import org.chmexchange.node.portal.Models.FacetRow;
import org.chmexchange.node.portal.Page;
import org.chmexchange.node.portal.ReaderLanguage;
import org.chmexchange.node.portal.RecordViews;
import org.chmexchange.node.portal.Templates;
import org.chmexchange.node.portal.ThesaurusViews;
import org.chmexchange.node.portal.Views;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.store.RecordFacets;
import org.chmexchange.store.RecordFacets.Facet;
import org.chmexchange.store.RecordPage;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.ConceptScheme;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/**
 * The portal: the HTML pages a browser gets at the API's own addresses (content negotiation:
 * {@link Negotiation#wantsHtml}), in the reader's language ({@link ReaderLanguage}). Every page
 * answers {@code Vary: Accept, Accept-Language} and {@code Content-Language}.
 */
final class PortalHandler {

    /** How many values of a facet the search page shows. */
    static final int FACET_ROWS = 12;

    /** How many values of each facet the store counts (the concept facet needs more than it shows). */
    static final int FACET_COUNTED = 500;

    private final RecordStore store;
    private final Thesaurus thesaurus;
    private final String base;
    private final String nodeName;
    private final RecordListRequest.Resolver resolver;

    PortalHandler(RecordStore store, Thesaurus thesaurus, String base, String nodeName) {
        this.store = store;
        this.thesaurus = thesaurus;
        this.base = base;
        this.nodeName = nodeName;
        this.resolver = new NodeResolver(thesaurus, store, base);
    }

    /**
     * Whether the client asks for a page rather than data: by {@code Accept} ({@link
     * Negotiation#wantsHtml}), unless {@code format=json} asks for the data (the pages' "as data"
     * links, which a browser follows with its own {@code Accept}).
     *
     * @throws ApiException 400 for another {@code format}
     */
    static boolean wantsHtml(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            if (!format.equals("json")) {
                throw ApiException.badParameter("format", "format=json gives this address's data; nothing else.");
            }
            return false;
        }
        return Negotiation.wantsHtml(ctx.header("Accept"));
    }

    /**
     * For an address whose data is JSON: 406 unless the client takes JSON, or asked for it with
     * {@code format=json} (then whatever its {@code Accept} says).
     */
    static void requireData(Context ctx) {
        if (ctx.queryParam("format") == null) {
            Negotiation.requireJson(ctx.header("Accept"));
        }
    }

    /** For pages without a data form: 406 unless the client takes HTML. */
    static void requireHtml(Context ctx) {
        if (!RecordFormat.accepts(ctx.header("Accept"), "text/html")) {
            throw ApiException.notAcceptable(ctx.header("Accept"), "text/html");
        }
    }

    /** {@code path} with {@code format=json}: its data, whatever a browser's {@code Accept}. */
    static String asData(String path) {
        return Page.Urls.with(path, "format", "json");
    }

    private Views views(Context ctx) {
        ReaderLanguage lang = ReaderLanguage.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        return new Views(thesaurus, base, Messages.of(lang));
    }

    private Page page(Context ctx, Views v, String title, String section, List<Page.Link> alternates) {
        Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
        return new Page(v.m(), title, nodeName, ctx.path(), query, alternates, section);
    }

    private static void send(Context ctx, Views v, String html) {
        ctx.header("Vary", "Accept, Accept-Language");
        ctx.header("Content-Language", v.lang());
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** {@code /}: counts by type and treaty, the latest changes, the search box. */
    void home(Context ctx) {
        Views v = views(ctx);
        RecordFacets facets = store.facets(RecordQuery.ALL, FACET_COUNTED);
        List<Models.RecordRow> latest = store.listByModified(RecordQuery.ALL, true, null, 0, 10).items().stream()
                .map(v::row)
                .toList();
        Models.Home home = new Models.Home(
                facets.total(),
                group(v.m().t("facet.type"), facets.of(Facet.TYPE), c -> typeLabel(v, c), "type", FACET_ROWS, v),
                group(
                        v.m().t("facet.treaty"),
                        facets.of(Facet.TREATY),
                        c -> v.conceptText(iri(c)),
                        "treaty",
                        FACET_ROWS,
                        v),
                latest);
        Page page = page(
                ctx,
                v,
                v.m().t("nav.home"),
                "home",
                List.of(new Page.Link("/.well-known/chm-node", "JSON", "application/json")));
        send(ctx, v, Templates.page("home.jte", page, "home", home));
    }

    /** {@code /records} in a browser: the search with facets and cursor paging of the API. */
    void search(Context ctx, RecordListRequest request) {
        Views v = views(ctx);
        Map<String, List<String>> params = ctx.queryParamMap();
        RecordPage results = store.list(request.query(), request.after(), request.limit());
        RecordQuery query = request.query();
        RecordFacets facets = store.facets(query, FACET_COUNTED);
        List<FacetGroup> groups = new ArrayList<>();
        groups.add(facetGroup(
                v,
                params,
                "facet.type",
                "type",
                counts(params, query, facets, "type", Facet.TYPE),
                c -> typeLabel(v, c)));
        groups.add(facetGroup(
                v,
                params,
                "facet.treaty",
                "treaty",
                counts(params, query, facets, "treaty", Facet.TREATY),
                c -> v.conceptText(iri(c))));
        groups.add(facetGroup(
                v,
                params,
                "facet.country",
                "country",
                counts(params, query, facets, "country", Facet.COUNTRY),
                c -> v.conceptText(iri(c))));
        groups.add(conceptGroup(v, params, query));
        List<RecordFacets.Count> years = new ArrayList<>(counts(params, query, facets, "year", Facet.YEAR));
        years.sort(Comparator.comparing((RecordFacets.Count c) -> Integer.parseInt(c.value()))
                .reversed());
        groups.add(facetGroup(v, params, "facet.year", "year", years, Label::of));

        List<String[]> hidden = new ArrayList<>();
        params.forEach((name, values) -> {
            if (!name.equals("q") && !name.equals("cursor")) {
                values.forEach(value -> hidden.add(new String[] {name, value}));
            }
        });
        if (!params.containsKey("lang")) {
            hidden.add(new String[] {"lang", v.lang()});
        }
        List<Label> active = new ArrayList<>();
        params.forEach((name, given) -> {
            if (RecordListRequest.PARAMETERS.contains(name)
                    && !List.of("cursor", "limit", "lang", "format").contains(name)) {
                List<String> filters = name.equals("q") ? values(params, "q") : RecordListRequest.values(params, name);
                for (String value : filters) {
                    active.add(new Label(activeLabel(v, name, value), null, toggled(params, name, value, false)));
                }
            }
        });
        String next = results.lastKey()
                .map(last ->
                        "/records" + RecordListHandler.queryString(params, Cursor.encode(last, request.fingerprint())))
                .orElse(null);
        Models.Search search = new Models.Search(
                RecordListRequest.single(params, "q"),
                results.totalItems(),
                hidden,
                active,
                groups,
                results.items().stream().map(v::row).toList(),
                next);
        String json = asData("/records" + RecordListHandler.queryString(withoutLang(params), null));
        Page page = page(
                ctx,
                v,
                v.m().t("search.heading"),
                "records",
                List.of(new Page.Link(json, "JSON-LD", "application/ld+json")));
        send(ctx, v, Templates.page("search.jte", page, "search", search));
    }

    /** A record's page; {@code self} is its path on this node. */
    void record(Context ctx, IRI iri, Model record, String self) {
        Views v = views(ctx);
        Models.RecordView view = RecordViews.of(iri, record, store, v, self);
        List<Page.Link> alternates = new ArrayList<>();
        for (org.chmexchange.rdf.RecordFormat f : org.chmexchange.rdf.RecordFormat.values()) {
            alternates.add(new Page.Link(
                    Page.Urls.with(self, "format", f.fileExtension()),
                    f.rdfFormat().getName(),
                    f.mediaType()));
        }
        Page page = page(ctx, v, view.title().text(), "records", alternates);
        send(ctx, v, Templates.page("record.jte", page, "r", view));
    }

    /** {@code /thesaurus} and {@code /thesaurus/schemes} in a browser. */
    void schemes(Context ctx) {
        Views v = views(ctx);
        Page page = page(
                ctx,
                v,
                v.m().t("thesaurus.heading"),
                "thesaurus",
                List.of(new Page.Link(asData("/thesaurus/schemes"), "JSON", "application/json")));
        send(ctx, v, Templates.page("schemes.jte", page, "schemes", ThesaurusViews.schemes(thesaurus, v)));
    }

    /** How many concepts the thesaurus search page lists. */
    static final int CONCEPTS_FOUND = 50;

    /** The reader's language tag. */
    String language(Context ctx) {
        return views(ctx).lang();
    }

    /** {@code /thesaurus/search?q=} in a browser: the matching concepts, best first. */
    void conceptSearch(Context ctx, String q, List<org.chmexchange.thesaurus.ConceptMatch> matches) {
        Views v = views(ctx);
        List<Models.TreeNode> found = new ArrayList<>();
        for (org.chmexchange.thesaurus.ConceptMatch match : matches) {
            Concept c = match.concept();
            found.add(new Models.TreeNode(
                    new Label(match.label(), match.labelLanguage(), v.conceptHref(c.iri())),
                    c.notations().isEmpty() ? null : c.notations().get(0),
                    List.of()));
        }
        Page page = page(
                ctx,
                v,
                v.m().t("thesaurus.search"),
                "thesaurus",
                List.of(new Page.Link(
                        asData("/thesaurus/search?q=" + Page.Urls.encode(q)), "JSON", "application/json")));
        send(ctx, v, Templates.page("concepts.jte", page, "search", new Models.ConceptSearch(q, found)));
    }

    /** {@code /thesaurus/top?scheme=} in a browser: the scheme's hierarchy. */
    void scheme(Context ctx, ConceptScheme scheme) {
        Views v = views(ctx);
        Models.Scheme model = ThesaurusViews.scheme(thesaurus, scheme, v);
        Page page = page(
                ctx,
                v,
                model.title().text(),
                "thesaurus",
                List.of(new Page.Link(
                        asData("/thesaurus/top?scheme="
                                + Page.Urls.encode(scheme.iri().stringValue())),
                        "JSON",
                        "application/json")));
        send(ctx, v, Templates.page("scheme.jte", page, "scheme", model));
    }

    /** {@code /thesaurus/concept?iri=} in a browser. */
    void concept(Context ctx, Concept concept) {
        Views v = views(ctx);
        Models.ConceptView model = ThesaurusViews.concept(thesaurus, concept, store, v);
        String self = "/thesaurus/concept?iri=" + Page.Urls.encode(concept.iri().stringValue());
        Page page = page(
                ctx,
                v,
                model.label().text(),
                "thesaurus",
                List.of(new Page.Link(asData(self), "JSON", "application/json")));
        send(ctx, v, Templates.page("concept.jte", page, "c", model));
    }

    /** {@code /countries}: the countries that have records, with how many. */
    void countries(Context ctx) {
        requireHtml(ctx);
        Views v = views(ctx);
        List<FacetRow> rows = new ArrayList<>();
        for (RecordFacets.Count c : store.facets(RecordQuery.ALL, 400).of(Facet.COUNTRY)) {
            IRI country = iri(c.value());
            Optional<String> code = Views.countryCode(country);
            if (code.isPresent()) {
                Label l = v.conceptText(country);
                rows.add(new FacetRow(new Label(l.text(), l.lang(), v.countryHref(code.get())), c.count(), false));
            }
        }
        rows.sort(Comparator.comparing(r -> r.label().text()));
        Page page = page(ctx, v, v.m().t("nav.countries"), "countries", List.of());
        send(ctx, v, Templates.page("countries.jte", page, "countries", new Models.Countries(rows)));
    }

    /** {@code /countries/{code}}: focal points merged across sources, national reports and NBSAPs. */
    void country(Context ctx, IRI country) {
        requireHtml(ctx);
        Views v = views(ctx);
        Models.Country model = CountryViews.of(country, store, v);
        Page page = page(ctx, v, model.name().text(), "countries", List.of());
        send(ctx, v, Templates.page("country.jte", page, "country", model));
    }

    /** Colours of the chart's lines: distinct, each at least 4.5:1 against white. */
    static final List<String> PALETTE =
            List.of("#0b5d3b", "#0b4f9c", "#a50e0e", "#6a3d9a", "#8a4b00", "#00697a", "#b0006e", "#3d3d3d", "#5a6b00");

    /** The network page: the body of {@code GET /status} with the registry's histories as charts. */
    @SuppressWarnings("unchecked")
    void network(Context ctx, Map<String, Object> status, org.chmexchange.node.network.NodeRegistry registry) {
        Views v = views(ctx);
        Messages m = v.m();
        java.time.Instant now = java.time.Instant.parse((String) status.get("time"));
        List<Models.NodeRow> nodes = new ArrayList<>();
        List<Models.Chart> charts = new ArrayList<>();
        for (Object o : (List<Object>) status.get("network")) {
            Map<String, Object> n = (Map<String, Object>) o;
            String url = (String) n.get("url");
            String name = (String) n.get("name");
            Map<String, Object> exchange = (Map<String, Object>) n.get("exchange");
            Object lag = exchange != null && exchange.get("lag") != null ? exchange.get("lag") : n.get("dataAge");
            String error = (String) n.get("error");
            if (error == null && exchange != null) {
                error = (String) exchange.get("error");
            }
            String state = (String) n.get("state");
            nodes.add(new Models.NodeRow(
                    url == null ? Label.of(name) : new Label(name, null, url),
                    (String) n.get("nodeName"),
                    m.t("network.origin." + n.get("origin")),
                    state,
                    m.t("network." + state),
                    ago(m, now, (String) n.get("lastSuccess")),
                    n.get("latencyMillis") == null ? null : n.get("latencyMillis") + " ms",
                    n.get("records") == null
                            ? null
                            : String.format(java.util.Locale.ROOT, "%,d", (Long) n.get("records")),
                    exchange == null ? null : ago(m, now, (String) exchange.get("lastSuccess")),
                    lag == null ? null : duration(m, ((Number) lag).longValue()),
                    error,
                    (String) n.get("version")));
            if (charts.size() < 40) { // 20 nodes' charts at most
                charts.addAll(charts(v, name, registry.history(name), now));
            }
        }
        List<Models.RunRow> sources = new ArrayList<>();
        for (Object o : (List<Object>) status.get("sources")) {
            Map<String, Object> s = (Map<String, Object>) o;
            Map<String, Object> run = (Map<String, Object>) s.get("lastRun");
            sources.add(run(
                    m,
                    now,
                    s,
                    run,
                    run == null
                            ? null
                            : m.t(
                                    "network.harvestCounts",
                                    run.get("created"),
                                    run.get("updated"),
                                    run.get("deleted"),
                                    run.get("rejected")),
                    null));
        }
        List<Models.RunRow> targets = new ArrayList<>();
        for (Object o : (List<Object>) status.get("publish")) {
            Map<String, Object> t = (Map<String, Object>) o;
            Map<String, Object> run = (Map<String, Object>) t.get("lastRun");
            targets.add(run(
                    m,
                    now,
                    t,
                    run,
                    run == null
                            ? null
                            : m.t("network.publishCounts", run.get("upserted"), run.get("deleted"), run.get("refused")),
                    String.valueOf(t.get("deadLetters"))));
        }
        Models.Network model = new Models.Network((String) status.get("time"), nodes, sources, targets, charts);
        Page page = page(
                ctx,
                v,
                m.t("network.heading"),
                "network",
                List.of(new Page.Link(asData("/status"), "JSON", "application/json")));
        send(ctx, v, Templates.page("network.jte", page, "network", model));
    }

    private static Models.RunRow run(
            Messages m,
            java.time.Instant now,
            Map<String, Object> entry,
            Map<String, Object> run,
            String counts,
            String deadLetters) {
        String state = run == null ? "never" : Boolean.TRUE.equals(run.get("ok")) ? "ok" : "failed";
        return new Models.RunRow(
                (String) entry.get("name"),
                (String) entry.get("url"),
                state,
                m.t("network.run." + state),
                run == null ? null : ago(m, now, (String) run.get("ended")),
                counts,
                run == null ? null : m.t("network.perSecond", run.get("recordsPerSecond")),
                deadLetters,
                run == null ? null : (String) run.get("error"));
    }

    /** How many countries the per-country chart draws (the most records first). */
    static final int CHART_COUNTRIES = 8;

    /**
     * A node's charts, from its history (a sample per change), drawn up to {@code now} (the last
     * counts hold since the last change): records per type over time, and per country over time for
     * the {@value #CHART_COUNTRIES} countries with the most records. Empty for a node without
     * history.
     */
    private List<Models.Chart> charts(
            Views v,
            String name,
            List<org.chmexchange.node.network.NodeRegistry.Sample> history,
            java.time.Instant now) {
        if (history.isEmpty()) {
            return List.of();
        }
        List<org.chmexchange.node.network.NodeRegistry.Sample> samples = new ArrayList<>(history);
        var newest = samples.get(samples.size() - 1);
        samples.add(new org.chmexchange.node.network.NodeRegistry.Sample(
                now.isAfter(newest.time()) ? now : newest.time().plusMillis(1),
                newest.records(),
                newest.byType(),
                newest.byCountry()));
        List<String[]> countries = new ArrayList<>();
        newest.byCountry().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> countries.add(new String[] {countryName(v, e.getKey()), String.valueOf(e.getValue())}));
        List<Models.Chart> charts = new ArrayList<>();
        charts.add(chart(
                v.m().t("network.chart", name),
                samples,
                org.chmexchange.node.network.NodeRegistry.Sample::byType,
                new java.util.TreeSet<>(samples.stream()
                        .flatMap(s -> s.byType().keySet().stream())
                        .toList()),
                type -> RecordType.fromSlug(type).map(v::typeName).orElse(type),
                countries));
        List<String> top = newest.byCountry().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(CHART_COUNTRIES)
                .map(Map.Entry::getKey)
                .toList();
        List<org.chmexchange.node.network.NodeRegistry.Sample> withCountries =
                samples.stream().filter(s -> !s.byCountry().isEmpty()).toList();
        if (!top.isEmpty() && withCountries.size() >= 2) {
            charts.add(chart(
                    v.m().t("network.countryChart", name),
                    withCountries,
                    org.chmexchange.node.network.NodeRegistry.Sample::byCountry,
                    new java.util.LinkedHashSet<>(top),
                    code -> countryName(v, code),
                    List.of()));
        }
        return charts;
    }

    private static String countryName(Views v, String code) {
        return v.conceptText(ChmThesaurus.country(code)).text();
    }

    /** One step chart: a line per key of {@code values}, over the samples' times. */
    private static Models.Chart chart(
            String title,
            List<org.chmexchange.node.network.NodeRegistry.Sample> samples,
            java.util.function.Function<org.chmexchange.node.network.NodeRegistry.Sample, Map<String, Long>> values,
            java.util.Collection<String> keys,
            java.util.function.Function<String, String> keyName,
            List<String[]> table) {
        int width = 640;
        int height = 200;
        long max = 1;
        for (var s : samples) {
            for (String k : keys) {
                max = Math.max(max, values.apply(s).getOrDefault(k, 0L));
            }
        }
        long t0 = samples.get(0).time().toEpochMilli();
        long span = Math.max(1, samples.get(samples.size() - 1).time().toEpochMilli() - t0);
        List<Models.Series> series = new ArrayList<>();
        int i = 0;
        for (String key : keys) {
            StringBuilder points = new StringBuilder();
            double previousY = Double.NaN;
            for (var s : samples) { // steps: a count holds until the sample that changed it
                double x = 40 + (width - 40) * ((s.time().toEpochMilli() - t0) / (double) span);
                double y = height - height * (values.apply(s).getOrDefault(key, 0L) / (double) max);
                if (!Double.isNaN(previousY)) {
                    points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, previousY));
                }
                points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
                previousY = y;
            }
            series.add(new Models.Series(
                    keyName.apply(key),
                    PALETTE.get(i++ % PALETTE.size()),
                    points.toString().strip(),
                    values.apply(samples.get(samples.size() - 1)).getOrDefault(key, 0L)));
        }
        return new Models.Chart(
                title,
                width,
                height,
                minute(samples.get(0).time()),
                minute(samples.get(samples.size() - 1).time()),
                max,
                series,
                table);
    }

    private static String minute(java.time.Instant t) {
        return t.toString().substring(0, 16).replace('T', ' ');
    }

    /** "3 min ago"-style text of an ISO 8601 time, or null. */
    private static String ago(Messages m, java.time.Instant now, String time) {
        if (time == null) {
            return null;
        }
        long seconds =
                java.time.Duration.between(java.time.Instant.parse(time), now).toSeconds();
        return m.t("network.ago", duration(m, Math.max(0, seconds)));
    }

    /** A duration in the largest fitting unit (s, min, h, d). */
    static String duration(Messages m, long seconds) {
        if (seconds < 120) {
            return m.t("network.seconds", seconds);
        }
        if (seconds < 7200) {
            return m.t("network.minutes", seconds / 60);
        }
        if (seconds < 172_800) {
            return m.t("network.hours", seconds / 3600);
        }
        return m.t("network.days", seconds / 86_400);
    }

    // ---- facets

    private FacetGroup group(
            String name,
            List<RecordFacets.Count> counts,
            Function<String, Label> label,
            String param,
            int max,
            Views v) {
        List<FacetRow> rows = new ArrayList<>();
        for (RecordFacets.Count c : counts) {
            if (rows.size() >= max) {
                break;
            }
            Label l = label.apply(c.value());
            rows.add(new FacetRow(
                    new Label(l.text(), l.lang(), v.withLang("/records?" + param + "=" + Page.Urls.encode(c.value()))),
                    c.count(),
                    false));
        }
        return new FacetGroup(name, rows);
    }

    private FacetGroup facetGroup(
            Views v,
            Map<String, List<String>> params,
            String nameKey,
            String param,
            List<RecordFacets.Count> counts,
            Function<String, Label> label) {
        List<String> selected = RecordListRequest.values(params, param);
        List<FacetRow> rows = new ArrayList<>();
        for (RecordFacets.Count c : counts) {
            if (rows.size() >= FACET_ROWS) {
                break;
            }
            boolean isSelected = selected.stream().anyMatch(s -> sameValue(param, s, c.value()));
            Label l = label.apply(c.value());
            rows.add(new FacetRow(
                    new Label(l.text(), l.lang(), toggled(params, param, c.value(), !isSelected)),
                    c.count(),
                    isSelected));
        }
        return new FacetGroup(v.m().t(nameKey), rows);
    }

    /**
     * The counts of a facet as a click on one of its values gives them: the facet's own filter left
     * out (a click replaces it), every other filter kept.
     */
    private List<RecordFacets.Count> counts(
            Map<String, List<String>> params, RecordQuery query, RecordFacets facets, String param, Facet facet) {
        return params.containsKey(param)
                ? store.facets(without(query, param), FACET_COUNTED).of(facet)
                : facets.of(facet);
    }

    /** {@code query} without the filter of the parameter {@code param}. */
    static RecordQuery without(RecordQuery q, String param) {
        return new RecordQuery(
                        param.equals("type") ? Set.of() : q.types(),
                        param.equals("treaty") ? Set.of() : q.treaties(),
                        param.equals("country") ? Set.of() : q.countries(),
                        q.meetings(),
                        param.equals("concept") ? Set.of() : q.concepts(),
                        q.modifiedSince(),
                        q.text(),
                        q.identifiers())
                .withYears(param.equals("year") ? Set.of() : q.years());
    }

    /**
     * The concept facet: without a concept filter, the concepts most records are tagged with; with
     * one, the selected concepts and their narrower concepts. Each count is what a click gives: the
     * records of the other filters tagged with the concept or a narrower one.
     */
    private FacetGroup conceptGroup(Views v, Map<String, List<String>> params, RecordQuery query) {
        RecordQuery base = without(query, "concept");
        List<RecordFacets.Count> exact = store.facets(base, FACET_COUNTED).of(Facet.CONCEPT);
        List<String> candidates = new ArrayList<>();
        List<String> selected = RecordListRequest.values(params, "concept");
        if (selected.isEmpty()) {
            exact.stream().limit(FACET_ROWS).forEach(c -> candidates.add(c.value()));
        } else {
            java.util.Set<String> tagged = new java.util.HashSet<>();
            exact.forEach(c -> tagged.add(c.value()));
            for (String s : selected) {
                ConceptLookup.resolve(thesaurus, s, "concept").ifPresent(c -> {
                    candidates.add(c.iri().stringValue());
                    for (Concept n : thesaurus.narrower(c.iri(), false)) {
                        boolean any = thesaurus.withNarrowerTransitive(n.iri()).stream()
                                .anyMatch(x -> tagged.contains(x.stringValue()));
                        if (any && !candidates.contains(n.iri().stringValue())) {
                            candidates.add(n.iri().stringValue());
                        }
                    }
                });
            }
        }
        List<RecordFacets.Count> shown = new ArrayList<>();
        for (String c : candidates.stream().distinct().limit(FACET_ROWS).toList()) {
            long count;
            try {
                count = store.count(base.withConcepts(thesaurus.withNarrowerTransitive(iri(c))));
            } catch (IllegalArgumentException tooManyNarrower) {
                continue; // the API refuses that filter too (RecordQuery.MAX_TERMS); no row to click
            }
            if (count > 0) {
                shown.add(new RecordFacets.Count(c, count));
            }
        }
        if (selected.isEmpty()) {
            shown.sort(Comparator.comparingLong(RecordFacets.Count::count).reversed());
        }
        return facetGroup(v, params, "facet.concept", "concept", shown, c -> v.conceptText(iri(c)));
    }

    /** Whether the parameter value {@code given} names the facet value {@code value}. */
    private boolean sameValue(String param, String given, String value) {
        try {
            return switch (param) {
                case "type" -> RecordListRequest.recordType(given).slug().equals(value);
                case "treaty" -> resolver.treaty(given).stringValue().equals(value);
                case "country" -> resolver.country(given).stringValue().equals(value);
                case "concept" -> ConceptLookup.resolve(thesaurus, given, "concept")
                        .map(c -> c.iri().stringValue().equals(value))
                        .orElse(false);
                default -> given.equals(value);
            };
        } catch (ApiException unknown) {
            return false;
        }
    }

    /**
     * The search with {@code param} set to {@code value} (add), or with {@code value} removed from it,
     * from the first page. Setting replaces the facet's other values: the counts shown are drill-down
     * counts (records that have the value within the current results), which is what the click then
     * gives; several values of one filter (OR) stay an API feature.
     */
    private String toggled(Map<String, List<String>> params, String param, String value, boolean add) {
        Map<String, List<String>> next = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (!name.equals("cursor")) {
                next.put(name, new ArrayList<>(values));
            }
        });
        List<String> current =
                new ArrayList<>(param.equals("q") ? values(params, "q") : RecordListRequest.values(params, param));
        if (add) {
            current.clear();
            current.add(value);
        } else {
            current.removeIf(s -> s.equals(value) || sameValue(param, s, value));
        }
        if (current.isEmpty()) {
            next.remove(param);
        } else {
            next.put(param, current);
        }
        return "/records" + Page.Urls.query(next);
    }

    private String activeLabel(Views v, String param, String value) {
        try {
            return switch (param) {
                case "type" -> v.typeName(RecordListRequest.recordType(value));
                case "treaty" -> v.conceptText(resolver.treaty(value)).text();
                case "country" -> v.conceptText(resolver.country(value)).text();
                case "concept" -> ConceptLookup.resolve(thesaurus, value, "concept")
                        .map(c -> c.label(v.lang()))
                        .orElse(value);
                case "q" -> "“" + value + "”";
                default -> value;
            };
        } catch (ApiException unknown) {
            return value;
        }
    }

    /** The raw values of a parameter, not split on commas (the text query is one value). */
    private static List<String> values(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream()
                .filter(x -> !x.isBlank())
                .toList();
    }

    private static Label typeLabel(Views v, String slug) {
        return Label.of(RecordType.fromSlug(slug).map(v::typeName).orElse(slug));
    }

    private static IRI iri(String value) {
        return org.eclipse.rdf4j.model.util.Values.iri(value);
    }

    private static Map<String, List<String>> withoutLang(Map<String, List<String>> params) {
        Map<String, List<String>> out = new LinkedHashMap<>(params);
        out.remove("lang");
        return out;
    }

    /** The country concept of a {@code /countries/{code}} address: an ISO 3166-1 alpha-2 code. */
    IRI countryOf(String code) {
        if (!code.matches("[A-Za-z]{2}")) {
            throw ApiException.notFound("'" + code + "' is not an ISO 3166-1 alpha-2 country code.");
        }
        IRI iri = ChmThesaurus.country(code);
        if (thesaurus.concept(iri).isEmpty()) {
            throw ApiException.notFound("The thesaurus has no country '" + code + "'.");
        }
        return iri;
    }
}
