package org.chmexchange.thesaurus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SKOS quality check of the shared thesaurus: the integrity conditions of SKOS (W3C
 * Recommendation, 18 August 2009) and the quality issues of qSKOS (Mader, Haslhofer and Isaac,
 * "Finding Quality Issues in SKOS Vocabularies", TPDL 2012) that apply to it. Each test names the
 * condition and lists every offender, so a regenerated thesaurus (tools/) that breaks one says where.
 */
class SkosQualityTest {

    private static final Set<String> UN_LANGUAGES = Set.of("ar", "en", "es", "fr", "ru", "zh");
    private static final List<IRI> MAPPINGS =
            List.of(SKOS.EXACT_MATCH, SKOS.CLOSE_MATCH, SKOS.BROAD_MATCH, SKOS.NARROW_MATCH, SKOS.RELATED_MATCH);

    private static Model skos;
    private static Set<Resource> concepts;
    private static Set<Resource> schemes;

    @BeforeAll
    static void load() {
        skos = Vocabularies.thesaurus();
        concepts = skos.filter(null, RDF.TYPE, SKOS.CONCEPT).subjects();
        schemes = skos.filter(null, RDF.TYPE, SKOS.CONCEPT_SCHEME).subjects();
        assertEquals(Vocabularies.THESAURUS_FILES.size(), schemes.size());
    }

    /** SKOS S14 (one prefLabel per language), S13 (prefLabel and altLabel disjoint); UN languages only. */
    @Test
    void labels() {
        List<String> offenders = new ArrayList<>();
        for (Resource c : concepts) {
            Map<String, List<String>> pref = byLanguage(c, SKOS.PREF_LABEL);
            Map<String, List<String>> alt = byLanguage(c, SKOS.ALT_LABEL);
            if (!pref.containsKey("en")) {
                offenders.add(c + " has no English prefLabel");
            }
            pref.forEach((lang, labels) -> {
                if (labels.size() > 1) {
                    offenders.add(c + " has " + labels.size() + " prefLabels in '" + lang + "'");
                }
                if (alt.getOrDefault(lang, List.of()).stream().anyMatch(labels::contains)) {
                    offenders.add(c + " has a prefLabel that is also an altLabel in '" + lang + "'");
                }
            });
            for (IRI p : List.of(SKOS.PREF_LABEL, SKOS.ALT_LABEL, SKOS.DEFINITION)) {
                for (Literal l : literals(c, p)) {
                    String lang = l.getLanguage().orElse("");
                    if (!UN_LANGUAGES.contains(lang)) {
                        offenders.add(c + " " + p.getLocalName() + " in '" + lang + "', not a UN language");
                    }
                    if (l.getLabel().isBlank()
                            || !l.getLabel().equals(l.getLabel().strip())) {
                        offenders.add(c + " " + p.getLocalName() + " is empty or padded: '" + l.getLabel() + "'");
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    /** Every concept in a declared scheme; topConceptOf and hasTopConcept agree (SKOS S8); qSKOS "Omitted Top Concepts". */
    @Test
    void schemesAndTopConcepts() {
        List<String> offenders = new ArrayList<>();
        for (Resource c : concepts) {
            Set<Value> in = skos.filter(c, SKOS.IN_SCHEME, null).objects();
            if (in.isEmpty() || !schemes.containsAll(in)) {
                offenders.add(c + " is in no declared scheme: " + in);
            }
            for (Value s : skos.filter(c, SKOS.TOP_CONCEPT_OF, null).objects()) {
                if (!in.contains(s) || !skos.contains((Resource) s, SKOS.HAS_TOP_CONCEPT, c)) {
                    offenders.add(c + " is topConceptOf " + s + " without inScheme and hasTopConcept");
                }
            }
        }
        for (Resource s : schemes) {
            Set<Value> top = skos.filter(s, SKOS.HAS_TOP_CONCEPT, null).objects();
            if (top.isEmpty()) {
                offenders.add(s + " has no top concept");
            }
            for (Value c : top) {
                if (!skos.contains((Resource) c, SKOS.TOP_CONCEPT_OF, s)) {
                    offenders.add(s + " hasTopConcept " + c + " which is not topConceptOf it");
                }
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    /**
     * skos:broader and skos:narrower stay inside one scheme, are stated both ways, never above a top
     * concept of the same scheme (qSKOS "Top Concept Having Broader Concepts") and have no cycle
     * (qSKOS "Cyclic Hierarchical Relations"); every concept is a top concept or has a broader one
     * (qSKOS "Orphan Concepts").
     */
    @Test
    void hierarchy() {
        List<String> offenders = new ArrayList<>();
        for (Statement st : skos.filter(null, SKOS.BROADER, null)) {
            Resource narrow = st.getSubject();
            Resource broad = (Resource) st.getObject();
            if (!shareAScheme(narrow, broad)) {
                offenders.add(narrow + " broader " + broad + " crosses schemes (use skos:broadMatch)");
            }
            if (!skos.contains(broad, SKOS.NARROWER, narrow)) {
                offenders.add(narrow + " broader " + broad + " without the inverse narrower");
            }
            for (Value s : skos.filter(narrow, SKOS.TOP_CONCEPT_OF, null).objects()) {
                if (skos.contains(broad, SKOS.IN_SCHEME, s)) {
                    offenders.add(narrow + " is a top concept of " + s + " with a broader concept in it");
                }
            }
        }
        for (Statement st : skos.filter(null, SKOS.NARROWER, null)) {
            if (!skos.contains((Resource) st.getObject(), SKOS.BROADER, st.getSubject())) {
                offenders.add(st.getSubject() + " narrower " + st.getObject() + " without the inverse broader");
            }
        }
        for (Resource c : concepts) {
            if (reachesItself(c)) {
                offenders.add(c + " is its own broader concept, transitively");
            }
            if (!skos.contains(c, SKOS.TOP_CONCEPT_OF, null) && !skos.contains(c, SKOS.BROADER, null)) {
                offenders.add(c + " is neither a top concept nor under a broader concept");
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    /**
     * Mapping relations link concepts of different schemes (qSKOS "Mapping Relations Misuse");
     * hierarchical mappings between our own concepts are stated both ways; skos:exactMatch is
     * disjoint with the hierarchical mappings (SKOS S46).
     */
    @Test
    void mappings() {
        List<String> offenders = new ArrayList<>();
        for (IRI p : MAPPINGS) {
            for (Statement st : skos.filter(null, p, null)) {
                Resource other = (Resource) st.getObject();
                if (shareAScheme(st.getSubject(), other)) {
                    offenders.add(st.getSubject() + " " + p.getLocalName() + " " + other + " within one scheme");
                }
                if (p.equals(SKOS.EXACT_MATCH)
                        && (skos.contains(st.getSubject(), SKOS.BROAD_MATCH, other)
                                || skos.contains(st.getSubject(), SKOS.NARROW_MATCH, other))) {
                    offenders.add(st.getSubject() + " exactMatch and a hierarchical match of " + other);
                }
            }
        }
        for (Statement st : skos.filter(null, SKOS.BROAD_MATCH, null)) {
            if (concepts.contains(st.getObject())
                    && !skos.contains((Resource) st.getObject(), SKOS.NARROW_MATCH, st.getSubject())) {
                offenders.add(st.getSubject() + " broadMatch " + st.getObject() + " without the inverse narrowMatch");
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    /** A concept has at most one notation per datatype, and one notation names one concept of a scheme. */
    @Test
    void notations() {
        List<String> offenders = new ArrayList<>();
        Map<String, Resource> owners = new HashMap<>();
        for (Resource c : concepts) {
            Set<IRI> types = new HashSet<>();
            for (Literal n : literals(c, SKOS.NOTATION)) {
                if (!types.add(n.getDatatype())) {
                    offenders.add(c + " has two notations of type " + n.getDatatype());
                }
                for (Value s : skos.filter(c, SKOS.IN_SCHEME, null).objects()) {
                    Resource before = owners.put(s + " " + n.getDatatype() + " " + n.getLabel(), c);
                    if (before != null && !before.equals(c)) {
                        offenders.add("notation " + n + " names " + before + " and " + c + " in " + s);
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    /**
     * qSKOS "Undocumented Concepts": every concept has an English skos:definition, but the countries,
     * whose names (CLDR, six languages) and ISO codes say what they are.
     */
    @Test
    void definitions() {
        Set<String> undocumented = new TreeSet<>();
        for (Resource c : concepts) {
            if (!skos.contains(c, SKOS.IN_SCHEME, ChmThesaurus.scheme(ChmThesaurus.COUNTRIES))
                    && !byLanguage(c, SKOS.DEFINITION).containsKey("en")) {
                undocumented.add(c.stringValue());
            }
        }
        assertTrue(undocumented.isEmpty(), "concepts without a definition: " + undocumented);
    }

    /** The Aichi targets and their strategic goals: one hierarchical mapping each way, 20 targets under 5 goals. */
    @Test
    void aichiTargetsMapToTheirStrategicGoals() {
        Set<Resource> targets = skos.filter(null, SKOS.IN_SCHEME, ChmThesaurus.scheme(ChmThesaurus.AICHI_TARGETS))
                .subjects();
        assertEquals(20, targets.size());
        for (Resource t : targets) {
            Set<Value> goals = skos.filter(t, SKOS.BROAD_MATCH, null).objects();
            assertEquals(1, goals.size(), t.toString());
            assertTrue(skos.contains(
                    (Resource) goals.iterator().next(), SKOS.IN_SCHEME, ChmThesaurus.scheme(ChmThesaurus.AICHI_GOALS)));
        }
        Thesaurus thesaurus = Thesaurus.load(skos);
        assertEquals(
                4,
                thesaurus
                        .narrower(ChmThesaurus.concept(ChmThesaurus.AICHI_GOALS, "AICHI-GOAL-A"), false)
                        .size(),
                "the look-up follows the mapping as a hierarchy: goal A has targets 1 to 4");
    }

    private static boolean shareAScheme(Resource a, Resource b) {
        Set<Value> schemesOfA = skos.filter(a, SKOS.IN_SCHEME, null).objects();
        return skos.filter(b, SKOS.IN_SCHEME, null).objects().stream().anyMatch(schemesOfA::contains);
    }

    private static boolean reachesItself(Resource start) {
        Set<Resource> seen = new HashSet<>();
        List<Resource> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            Resource next = todo.remove(todo.size() - 1);
            for (Value up : skos.filter(next, SKOS.BROADER, null).objects()) {
                if (up.equals(start)) {
                    return true;
                }
                if (seen.add((Resource) up)) {
                    todo.add((Resource) up);
                }
            }
        }
        return false;
    }

    private static List<Literal> literals(Resource subject, IRI property) {
        List<Literal> out = new ArrayList<>();
        for (Value v : skos.filter(subject, property, null).objects()) {
            if (v instanceof Literal l) {
                out.add(l);
            }
        }
        return out;
    }

    private static Map<String, List<String>> byLanguage(Resource subject, IRI property) {
        Map<String, List<String>> out = new HashMap<>();
        for (Literal l : literals(subject, property)) {
            out.computeIfAbsent(l.getLanguage().orElse(""), k -> new ArrayList<>())
                    .add(l.getLabel());
        }
        return out;
    }
}
