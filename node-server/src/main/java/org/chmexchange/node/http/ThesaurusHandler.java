package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chmexchange.rdf.RecordWriter;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.ConceptMatch;
import org.chmexchange.thesaurus.ConceptScheme;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * The thesaurus API: {@code GET /thesaurus/search?q=&lang=&limit=} (autocomplete with language
 * fallback), {@code /thesaurus/schemes}, {@code /thesaurus/top?scheme=}, {@code /thesaurus/concept?iri=}
 * (JSON, or SKOS in any RDF format by content negotiation), {@code /thesaurus/broader?iri=&transitive=}
 * and {@code /thesaurus/narrower?iri=&transitive=}. A concept may be named by IRI or by notation
 * ({@code iri=GBF-TARGET-03} works too).
 */
final class ThesaurusHandler {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    private static final String LANGUAGES = "ar, en, es, fr, ru, zh (or any BCP 47 tag)";

    private final Thesaurus thesaurus;
    private final Model skos;

    /**
     * @param thesaurus the look-up API
     * @param skos the thesaurus as RDF, to serve concepts in RDF formats
     */
    ThesaurusHandler(Thesaurus thesaurus, Model skos) {
        this.thesaurus = thesaurus;
        this.skos = skos;
    }

    void search(Context ctx) {
        Negotiation.requireJson(ctx.header("Accept"));
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw ApiException.badParameter("q", "Give the start of a label or notation to search for, e.g. q=biodiv.");
        }
        String lang = language(ctx.queryParam("lang"));
        int limit = Params.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
        List<Map<String, Object>> items = new ArrayList<>();
        for (ConceptMatch m : thesaurus.search(q, lang, limit)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", m.concept().iri().stringValue());
            item.put("label", m.label());
            item.put("labelLanguage", m.labelLanguage());
            item.put("notation", m.concept().notations());
            item.put(
                    "scheme",
                    m.concept().schemes().stream().map(IRI::stringValue).toList());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", q);
        body.put("lang", lang);
        body.put("items", items);
        ctx.contentType("application/json").result(Json.write(body));
    }

    void schemes(Context ctx) {
        Negotiation.requireJson(ctx.header("Accept"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ConceptScheme s : thesaurus.schemes()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", s.iri().stringValue());
            item.put("title", s.titles());
            item.put("topConcepts", s.topConcepts().size());
            items.add(item);
        }
        ctx.contentType("application/json").result(Json.write(Map.of("items", items)));
    }

    void top(Context ctx) {
        Negotiation.requireJson(ctx.header("Accept"));
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
        String lang = language(ctx.queryParam("lang"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Concept c : thesaurus.topConcepts(s.iri())) {
            items.add(brief(c, lang));
        }
        ctx.contentType("application/json")
                .result(Json.write(Map.of("scheme", s.iri().stringValue(), "items", items)));
    }

    void concept(Context ctx) {
        Concept concept = conceptParam(ctx);
        Negotiation.Choice choice = Negotiation.forConcept(ctx.header("Accept"));
        ctx.header("Vary", "Accept");
        if (choice.format() != null) {
            Model description = new LinkedHashModel(skos.getNamespaces(), 32);
            description.addAll(skos.filter(concept.iri(), null, null));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RecordWriter.write(description, choice.format(), out);
            ctx.contentType(choice.mediaType() + "; charset=utf-8").result(out.toByteArray());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", concept.iri().stringValue());
        body.put("scheme", concept.schemes().stream().map(IRI::stringValue).toList());
        body.put("notation", concept.notations());
        body.put("prefLabel", concept.prefLabels());
        body.put("altLabel", concept.altLabels());
        body.put("definition", concept.definitions());
        body.put("broader", strings(concept.broader()));
        body.put("narrower", strings(concept.narrower()));
        body.put("exactMatch", strings(concept.exactMatch()));
        ctx.contentType("application/json").result(Json.write(body));
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("concept", concept.iri().stringValue());
        body.put("transitive", transitive);
        body.put("items", items);
        ctx.contentType("application/json").result(Json.write(body));
    }

    private Concept conceptParam(Context ctx) {
        String value = ctx.queryParam("iri");
        if (value == null || value.isBlank()) {
            throw ApiException.badParameter("iri", "Give a concept by IRI or notation, e.g. iri=GBF-TARGET-03.");
        }
        return ConceptLookup.resolve(thesaurus, value, "iri")
                .orElseThrow(() -> ApiException.notFound("The thesaurus has no concept '" + value + "'."));
    }

    private static Map<String, Object> brief(Concept c, String lang) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", c.iri().stringValue());
        item.put("label", c.label(lang));
        item.put("notation", c.notations());
        return item;
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
