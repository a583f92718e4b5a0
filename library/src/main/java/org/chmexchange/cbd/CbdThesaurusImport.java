package org.chmexchange.cbd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.chmexchange.mapping.JsonValues;
import org.chmexchange.model.LangText;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;

/**
 * The CBD thesaurus ({@code GET /api/v2013/thesaurus/domains/{domain}/terms?relations}: INCUMBENTS.md
 * part A 2.1 to 2.3) as SKOS, merged with the shared thesaurus by notation (docs/CBD.md, "Thesaurus
 * import").
 *
 * <ul>
 *   <li>A term whose {@code identifier} is the notation of a concept of the shared thesaurus (a GBF
 *       target, an Aichi target, a country's alpha-2 code) enriches that concept: its {@code title}
 *       in a language the concept has no preferred label in becomes one, in a language it has one in
 *       (with another text) an alternative label; {@code nonPreferedTerms} become alternative
 *       labels, and so does {@code shortTitle}; {@code longDescription} (or the plain {@code
 *       description}, English) a definition where the concept has none in that language.
 *   <li>Any other term becomes a concept {@code chmt:cbd-{domain}/{identifier}} of the scheme {@code
 *       chmt:cbd-{domain}} (the domain's key lower-cased, runs of other characters than letters and
 *       digits as {@code -}), with {@code skos:prefLabel} from {@code title} in every language (or
 *       {@code name} in English), {@code skos:notation} its identifier, {@code skos:definition}.
 *   <li>Every imported term gets {@code skos:exactMatch <https://api.cbd.int/api/v2013/thesaurus/terms/{identifier}>}
 *       ({@link ChmThesaurus#CBD_TERM_BASE}). {@code broaderTerms}, {@code narrowerTerms} and {@code
 *       relatedTerms} link the concepts: {@code skos:broader}/{@code skos:narrower} within one scheme,
 *       {@code skos:broadMatch}/{@code skos:narrowMatch} across schemes (MODEL.md's rule), {@code
 *       skos:related} either way.
 * </ul>
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class CbdThesaurusImport {

    /** The domains imported when none is named (INCUMBENTS.md part A 2.3; the list). */
    public static final List<String> DEFAULT_DOMAINS = List.of(
            "countries",
            "regions",
            "CBD-SUBJECTS",
            "AICHI-TARGETS",
            "GBF-GOALS",
            "GBF-TARGETS",
            "GBF-GOALS-TARGETS",
            "GBF-HEADLINE-INDICATORS",
            "KMGBF-BINARY-INDICATORS",
            "GBF-COMPONENT-INDICATORS",
            "GBF-COMPLEMENTARY-INDICATORS",
            "Organization Types");

    /**
     * What one domain gave.
     *
     * @param domain the domain key as requested
     * @param skos the statements to add to the shared thesaurus (new concepts, their scheme, and the
     *     labels, definitions, mappings and relations added to existing concepts)
     * @param terms how many terms the domain had
     * @param added the concepts it made
     * @param enriched the concepts of the shared thesaurus it added statements to
     * @param notices terms it could not read (no identifier, a label in a tag that is not one)
     */
    public record Result(
            String domain, Model skos, int terms, List<IRI> added, List<IRI> enriched, List<String> notices) {
        /** Copies the lists. */
        public Result {
            added = List.copyOf(added);
            enriched = List.copyOf(enriched);
            notices = List.copyOf(notices);
        }
    }

    private final Thesaurus shipped;

    /** An import that merges into {@code shipped} (the shared thesaurus). */
    public CbdThesaurusImport(Thesaurus shipped) {
        this.shipped = Objects.requireNonNull(shipped, "shipped");
    }

    /** The scheme of a domain's terms that have no concept in the shared thesaurus. */
    public static IRI schemeOf(String domain) {
        return ChmThesaurus.scheme("cbd-" + slug(domain));
    }

    /**
     * The SKOS of one domain.
     *
     * @param domain the domain key ({@code GBF-TARGETS}, {@code Organization Types})
     * @param terms the answer of {@code .../domains/{domain}/terms}: a JSON array of terms
     * @throws CbdMappingException if {@code terms} is not an array
     */
    public Result read(String domain, JsonNode terms) {
        if (terms == null || !terms.isArray()) {
            throw new CbdMappingException("The terms of domain " + domain + " are not a JSON array");
        }
        IRI scheme = schemeOf(domain);
        List<String> notices = new ArrayList<>();
        // first pass: every identifier gets its concept, so that relations can point forward
        Map<String, IRI> iris = new LinkedHashMap<>();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode term : terms) {
            String id = JsonValues.text(term, "identifier");
            if (id == null) {
                notices.add("A term of " + domain + " has no identifier: " + abbreviate(term.toString()));
                continue;
            }
            byId.put(id, term);
            iris.put(id, existing(id).map(Concept::iri).orElse(concept(domain, id)));
        }
        Model m = new LinkedHashModel();
        List<IRI> added = new ArrayList<>();
        List<IRI> enriched = new ArrayList<>();
        boolean schemeUsed = false;
        for (Map.Entry<String, JsonNode> e : byId.entrySet()) {
            String id = e.getKey();
            JsonNode term = e.getValue();
            IRI iri = iris.get(id);
            Optional<Concept> known = shipped.concept(iri);
            int before = m.size();
            LangText title = LString.read(term.get("title"), id + ".title", notices::add);
            if (title.isEmpty() && JsonValues.text(term, "name") != null) {
                title = LangText.of("en", JsonValues.text(term, "name"));
            }
            LangText definition = LString.read(term.get("longDescription"), id + ".longDescription", notices::add);
            if (definition.isEmpty()
                    && term.path("description").isTextual()
                    && !term.path("description").asText().isBlank()) {
                definition = LangText.of("en", term.path("description").asText());
            }
            if (known.isEmpty()) {
                schemeUsed = true;
                m.add(iri, RDF.TYPE, SKOS.CONCEPT);
                m.add(iri, SKOS.IN_SCHEME, scheme);
                m.add(iri, SKOS.NOTATION, Values.literal(id));
                title.texts().forEach((lang, text) -> m.add(iri, SKOS.PREF_LABEL, Values.literal(text, lang)));
                definition.texts().forEach((lang, text) -> m.add(iri, SKOS.DEFINITION, Values.literal(text, lang)));
                added.add(iri);
            } else {
                Concept c = known.get();
                title.texts().forEach((lang, text) -> {
                    String ours = c.prefLabels().get(lang);
                    if (ours == null) {
                        m.add(iri, SKOS.PREF_LABEL, Values.literal(text, lang));
                    } else if (!ours.equals(text)
                            && !c.altLabels().getOrDefault(lang, List.of()).contains(text)) {
                        m.add(iri, SKOS.ALT_LABEL, Values.literal(text, lang));
                    }
                });
                definition.texts().forEach((lang, text) -> {
                    if (!c.definitions().containsKey(lang)) {
                        m.add(iri, SKOS.DEFINITION, Values.literal(text, lang));
                    }
                });
            }
            List<JsonNode> alternatives = new ArrayList<>(JsonValues.array(term, "nonPreferedTerms"));
            if (term.has("shortTitle")) {
                alternatives.add(term.get("shortTitle"));
            }
            for (JsonNode alt : alternatives) {
                LangText alts = alt.isObject()
                        ? LString.read(
                                alt.has("title") ? alt.get("title") : alt, id + ".nonPreferedTerms", notices::add)
                        : LString.read(alt, id + ".nonPreferedTerms", notices::add);
                alts.texts().forEach((lang, text) -> {
                    boolean ours = known.map(c -> text.equals(c.prefLabels().get(lang))
                                    || c.altLabels()
                                            .getOrDefault(lang, List.of())
                                            .contains(text))
                            .orElse(false);
                    if (!ours && !m.contains(iri, SKOS.PREF_LABEL, Values.literal(text, lang))) {
                        m.add(iri, SKOS.ALT_LABEL, Values.literal(text, lang));
                    }
                });
            }
            IRI termUrl = Values.iri(ChmThesaurus.CBD_TERM_BASE + id);
            if (known.map(c -> !c.exactMatch().contains(termUrl)).orElse(true)) {
                m.add(iri, SKOS.EXACT_MATCH, termUrl);
            }
            relate(m, iri, term, "broaderTerms", SKOS.BROADER, SKOS.BROAD_MATCH, iris, notices);
            relate(m, iri, term, "narrowerTerms", SKOS.NARROWER, SKOS.NARROW_MATCH, iris, notices);
            relate(m, iri, term, "relatedTerms", SKOS.RELATED, SKOS.RELATED_MATCH, iris, notices);
            if (known.isPresent() && m.size() > before) {
                enriched.add(iri);
            }
        }
        for (IRI concept : added) {
            if (!m.contains(concept, SKOS.BROADER, null)) {
                m.add(concept, SKOS.TOP_CONCEPT_OF, scheme);
                m.add(scheme, SKOS.HAS_TOP_CONCEPT, concept);
            }
        }
        if (schemeUsed) {
            m.add(scheme, RDF.TYPE, SKOS.CONCEPT_SCHEME);
            m.add(scheme, DCTERMS.TITLE, Values.literal("CBD thesaurus: " + domain, "en"));
            m.add(
                    scheme,
                    DCTERMS.SOURCE,
                    Values.iri("https://api.cbd.int/api/v2013/thesaurus/domains/" + pathSegment(domain)));
        }
        return new Result(domain, m, byId.size(), added, enriched, notices);
    }

    /** The shared concept a CBD identifier names, if any: by notation (countries by their code). */
    private Optional<Concept> existing(String id) {
        Optional<Concept> country = shipped.concept(ChmThesaurus.country(id.toLowerCase(Locale.ROOT)));
        if (country.isPresent() && id.length() <= 3) {
            return country;
        }
        return shipped.byNotation(id);
    }

    private void relate(
            Model m,
            IRI from,
            JsonNode term,
            String field,
            IRI within,
            IRI across,
            Map<String, IRI> iris,
            List<String> notices) {
        for (JsonNode v : JsonValues.array(term, field)) {
            String target = CbdMapper.termId(v);
            if (target == null) {
                continue;
            }
            IRI to = iris.get(target);
            if (to == null) {
                to = existing(target).map(Concept::iri).orElse(null);
            }
            if (to == null) {
                notices.add(field + " of " + JsonValues.text(term, "identifier") + " names '" + target
                        + "', which is not in the domain or the thesaurus; left out");
                continue;
            }
            m.add(from, sameScheme(from, to, m) ? within : across, to);
        }
    }

    private boolean sameScheme(IRI a, IRI b, Model m) {
        Set<IRI> sa = schemes(a, m);
        Set<IRI> sb = schemes(b, m);
        sa.retainAll(sb);
        return !sa.isEmpty();
    }

    private Set<IRI> schemes(IRI concept, Model m) {
        Set<IRI> out = new LinkedHashSet<>();
        shipped.concept(concept).ifPresent(c -> out.addAll(c.schemes()));
        m.filter(concept, SKOS.IN_SCHEME, null).objects().forEach(o -> out.add((IRI) o));
        if (out.isEmpty() && concept.stringValue().startsWith(ChmThesaurus.BASE + "cbd-")) {
            String rest = concept.stringValue().substring(ChmThesaurus.BASE.length());
            out.add(Values.iri(ChmThesaurus.BASE + rest.substring(0, rest.indexOf('/'))));
        }
        return out;
    }

    private static IRI concept(String domain, String id) {
        return Values.iri(schemeOf(domain).stringValue() + "/" + CbdMapper.id(id));
    }

    static String slug(String domain) {
        String s = domain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("A domain key needs a letter or digit: '" + domain + "'");
        }
        return s;
    }

    private static String pathSegment(String domain) {
        return okhttp3.HttpUrl.get("https://api.cbd.int/")
                .newBuilder()
                .addPathSegment(domain)
                .build()
                .encodedPath()
                .substring(1);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
