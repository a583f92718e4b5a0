package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordWriter;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.ConceptMatch;
import org.chmexchange.thesaurus.ConceptScheme;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * The thesaurus API, every answer JSON-LD naming the node's context ({@link JsonLdAnswer}):
 * {@code GET /thesaurus} (the whole thesaurus, SKOS, in every RDF format: {@link RdfDocument}),
 * {@code GET /thesaurus/search?q=&lang=&limit=} (autocomplete with language fallback: an {@code
 * OrderedCollection} of concepts), {@code /thesaurus/schemes} (an {@code OrderedCollection} of
 * {@code ConceptScheme}s), {@code /thesaurus/top?scheme=} (the scheme with its {@code
 * hasTopConcept}s), {@code /thesaurus/concept?iri=} (the concept's SKOS description, as JSON-LD or in
 * any RDF format by content negotiation), {@code /thesaurus/broader?iri=&transitive=} and {@code
 * /thesaurus/narrower?iri=&transitive=} (the concept with its {@code broader}, {@code narrower},
 * {@code broaderTransitive} or {@code narrowerTransitive} concepts). A concept may be named by IRI
 * or by notation ({@code iri=GBF-TARGET-03} works too).
 *
 * <p>A concept in a list is brief: {@code id}, {@code type}, {@code prefLabel} in the language asked
 * for (with the language fallback of {@link Concept#label(String)}), its notations (plain ones under
 * {@code notation}, typed ones under the term named by their datatype, e.g. {@code iso3166Alpha2}, as
 * the context defines) and {@code scheme}. The concept's description holds its statements and the
 * hierarchical links stated the other way round ({@code broader}/{@code narrower} and {@code
 * broadMatch}/{@code narrowMatch} are inverses: SKOS sections 8.6.2 and 10.6.2).
 */
final class ThesaurusHandler {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    private static final String LANGUAGES = "ar, en, es, fr, ru, zh (or any BCP 47 tag)";
    private static final String JSON = "application/json";
    /** The SKOS relations a description also states from their inverse, pointing at the concept. */
    private static final Map<IRI, IRI> INVERSES = Map.of(
            SKOS.BROADER, SKOS.NARROWER,
            SKOS.NARROWER, SKOS.BROADER,
            SKOS.BROAD_MATCH, SKOS.NARROW_MATCH,
            SKOS.NARROW_MATCH, SKOS.BROAD_MATCH);

    private final Thesaurus thesaurus;
    private final Model skos;
    private final String base;
    private final java.util.function.Supplier<com.fasterxml.jackson.databind.node.ArrayNode> imports;
    private final JsonLdAnswer answer;
    private final RdfDocument all;
    private final PortalHandler portal;

    /**
     * @param thesaurus the look-up API
     * @param skos the thesaurus as RDF, to serve concepts in RDF formats
     * @param base the node's base IRI, ending with {@code /}
     */
    ThesaurusHandler(
            Thesaurus thesaurus,
            Model skos,
            String base,
            java.util.function.Supplier<com.fasterxml.jackson.databind.node.ArrayNode> imports,
            PortalHandler portal) {
        this.portal = portal;
        this.thesaurus = thesaurus;
        this.skos = skos;
        this.base = base;
        this.imports = imports;
        this.answer = new JsonLdAnswer(base);
        this.all = new RdfDocument(() -> skos);
    }

    /** {@code GET /thesaurus}: every concept scheme of the node's thesaurus, as one RDF document. */
    void all(Context ctx) {
        if (PortalHandler.wantsHtml(ctx)) {
            portal.schemes(ctx);
            return;
        }
        all.answer(ctx, answer.context());
    }

    void search(Context ctx) {
        boolean html = PortalHandler.wantsHtml(ctx);
        if (!html) {
            PortalHandler.requireData(ctx);
        }
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw ApiException.badParameter("q", "Give the start of a label or notation to search for, e.g. q=biodiv.");
        }
        String lang = language(ctx.queryParam("lang"));
        int limit = Params.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        if (html) {
            portal.conceptSearch(ctx, q, thesaurus.search(q, portal.language(ctx), PortalHandler.CONCEPTS_FOUND));
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (ConceptMatch m : thesaurus.search(q, lang, limit)) {
            items.add(brief(m.concept(), m.label(), m.labelLanguage()));
        }
        Map<String, Object> body = answer.body(self(ctx, "search"), "OrderedCollection");
        body.put("totalItems", items.size());
        body.put("items", items);
        answer.send(ctx, JSON, body);
    }

    void schemes(Context ctx) {
        if (PortalHandler.wantsHtml(ctx)) {
            portal.schemes(ctx);
            return;
        }
        PortalHandler.requireData(ctx);
        List<Map<String, Object>> items = new ArrayList<>();
        for (ConceptScheme s : thesaurus.schemes()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", s.iri().stringValue());
            item.put("type", "ConceptScheme");
            item.put("title", s.titles());
            items.add(item);
        }
        Map<String, Object> body = answer.body(base + "thesaurus/schemes", "OrderedCollection");
        body.put("totalItems", items.size());
        body.put("items", items);
        answer.send(ctx, JSON, body);
    }

    /**
     * {@code GET /thesaurus/imports}: the thesaurus's change list, the imports into it, newest first
     * ({@code ThesaurusImports}): each {@code {time, source, url, changed, statements, domains:
     * [{domain, terms, added, enriched, notices}]}}.
     */
    void imports(Context ctx) {
        Negotiation.requireJson(ctx.header("Accept"));
        com.fasterxml.jackson.databind.node.ArrayNode list = imports.get();
        List<Object> items = new ArrayList<>();
        list.forEach(items::add);
        Map<String, Object> body = answer.body(base + "thesaurus/imports", "OrderedCollection");
        body.put("totalItems", items.size());
        body.put("items", items);
        answer.send(ctx, JSON, body);
    }

    void top(Context ctx) {
        boolean html = PortalHandler.wantsHtml(ctx);
        if (!html) {
            PortalHandler.requireData(ctx);
        }
        String scheme = ctx.queryParam("scheme");
        if (scheme == null || scheme.isBlank()) {
            throw ApiException.badParameter("scheme", "Give a concept scheme by name or IRI, e.g. scheme=gbf-targets.");
        }
        IRI iri = Params.isIri(scheme)
                ? Params.iri("scheme", scheme)
                : ChmThesaurus.scheme(Params.code("scheme", scheme));
        ConceptScheme s = thesaurus
                .scheme(iri)
                .orElseThrow(() ->
                        ApiException.notFound("There is no concept scheme <" + iri + ">; see /thesaurus/schemes."));
        if (html) {
            portal.scheme(ctx, s);
            return;
        }
        String lang = language(ctx.queryParam("lang"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Concept c : thesaurus.topConcepts(s.iri())) {
            items.add(brief(c, lang));
        }
        Map<String, Object> body = answer.body(s.iri().stringValue(), "ConceptScheme");
        body.put("title", s.titles());
        body.put("hasTopConcept", items);
        answer.send(ctx, JSON, body);
    }

    void concept(Context ctx) {
        Concept concept = conceptParam(ctx);
        if (PortalHandler.wantsHtml(ctx)) {
            portal.concept(ctx, concept);
            return;
        }
        Negotiation.Choice choice = ctx.queryParam("format") != null // format=json: the JSON, whatever Accept says
                ? new Negotiation.Choice(false, null, JSON)
                : Negotiation.forConcept(ctx.header("Accept"));
        Model description = new LinkedHashModel(skos.getNamespaces(), 32);
        description.addAll(skos.filter(concept.iri(), null, null));
        INVERSES.forEach((property, inverse) -> skos.filter(null, inverse, concept.iri())
                .subjects()
                .forEach(other -> description.add(concept.iri(), property, other)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(
                description, choice.format() == null ? RecordFormat.JSONLD : choice.format(), out, answer.context());
        if (choice.format() == null || choice.format() == RecordFormat.JSONLD) {
            answer.send(ctx, choice.format() == null ? JSON : choice.mediaType(), out.toByteArray());
            return;
        }
        ctx.header("Vary", "Accept");
        ctx.contentType(choice.mediaType() + "; charset=utf-8").result(out.toByteArray());
    }

    void broader(Context ctx) {
        related(ctx, true);
    }

    void narrower(Context ctx) {
        related(ctx, false);
    }

    private void related(Context ctx, boolean broader) {
        Negotiation.requireJson(ctx.header("Accept"));
        Concept concept = conceptParam(ctx);
        boolean transitive = bool(ctx.queryParam("transitive"));
        String lang = language(ctx.queryParam("lang"));
        List<Concept> related =
                broader ? thesaurus.broader(concept.iri(), transitive) : thesaurus.narrower(concept.iri(), transitive);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Concept c : related) {
            items.add(brief(c, lang));
        }
        Map<String, Object> body = answer.body(concept.iri().stringValue(), "Concept");
        body.put((broader ? "broader" : "narrower") + (transitive ? "Transitive" : ""), items);
        answer.send(ctx, JSON, body);
    }

    private Concept conceptParam(Context ctx) {
        String value = ctx.queryParam("iri");
        if (value == null || value.isBlank()) {
            throw ApiException.badParameter("iri", "Give a concept by IRI or notation, e.g. iri=GBF-TARGET-03.");
        }
        return ConceptLookup.resolve(thesaurus, value, "iri")
                .orElseThrow(() -> ApiException.notFound("The thesaurus has no concept '" + value + "'."));
    }

    private Map<String, Object> brief(Concept c, String lang) {
        return brief(c, c.label(lang), c.labelLanguage(lang));
    }

    /** A concept in a list; {@code labelLanguage} {@code ""} (a notation or IRI shown) gives no prefLabel. */
    private Map<String, Object> brief(Concept c, String label, String labelLanguage) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", c.iri().stringValue());
        item.put("type", "Concept");
        if (!labelLanguage.isEmpty()) {
            item.put("prefLabel", Map.of(labelLanguage, label));
        }
        Map<String, List<String>> notations = new TreeMap<>();
        for (Value v : skos.filter(c.iri(), SKOS.NOTATION, null).objects()) {
            if (v instanceof Literal l) {
                String term = l.getDatatype().equals(XSD.STRING)
                        ? "notation"
                        : l.getDatatype().getLocalName();
                notations.computeIfAbsent(term, k -> new ArrayList<>()).add(l.getLabel());
            }
        }
        notations.values().forEach(java.util.Collections::sort);
        item.putAll(notations);
        item.put("scheme", strings(c.schemes()));
        return item;
    }

    /** The canonical URL of this answer: the route under the node's base with the request's parameters. */
    private String self(Context ctx, String route) {
        return base + "thesaurus/" + route + RecordListHandler.queryString(ctx.queryParamMap(), null);
    }

    private static List<String> strings(java.util.Collection<IRI> iris) {
        return iris.stream().map(IRI::stringValue).toList();
    }

    private static String language(String lang) {
        if (lang == null || lang.isBlank()) {
            return "en";
        }
        if (!lang.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            throw ApiException.badParameter("lang", "lang must be a language tag such as " + LANGUAGES + ": " + lang);
        }
        return lang.toLowerCase(Locale.ROOT);
    }

    private static boolean bool(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badParameter("transitive", "transitive must be true or false: " + value);
    }
}
