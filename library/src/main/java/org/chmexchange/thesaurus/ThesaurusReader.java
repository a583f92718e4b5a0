package org.chmexchange.thesaurus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SKOS;

/**
 * Reads SKOS from a model into {@link Concept}s and {@link ConceptScheme}s.
 *
 * <p>A concept is an IRI typed {@code skos:Concept}, or the subject of {@code skos:inScheme} /
 * {@code skos:topConceptOf}, or the object of {@code skos:hasTopConcept}. A scheme is an IRI typed
 * {@code skos:ConceptScheme}, or referenced as one by those properties. Blank nodes are ignored.
 * Where SKOS allows one value per language ({@code skos:prefLabel}, {@code skos:definition},
 * {@code dcterms:title}) but the data has several, the smallest text wins, so that loading is
 * deterministic.
 *
 * <p>Thread-safety: not thread-safe; one reader per load.
 */
final class ThesaurusReader {

    private static final Comparator<IRI> BY_IRI = Comparator.comparing(IRI::stringValue);

    private final Model model;
    private final Map<IRI, Set<IRI>> broader = new HashMap<>();
    private final Map<IRI, Set<IRI>> narrower = new HashMap<>();
    private final Map<IRI, Set<IRI>> schemesOf = new HashMap<>();
    private final Map<IRI, Set<IRI>> topConceptsOf = new HashMap<>();

    ThesaurusReader(Model model) {
        this.model = model;
    }

    /** The concepts, sorted by IRI. */
    Map<IRI, Concept> concepts() {
        Set<IRI> iris = new TreeSet<>(BY_IRI);
        subjectIris(model.filter(null, RDF.TYPE, SKOS.CONCEPT), iris);
        for (Statement st : model.filter(null, SKOS.IN_SCHEME, null)) {
            link(st.getSubject(), st.getObject(), schemesOf, iris);
        }
        for (Statement st : model.filter(null, SKOS.TOP_CONCEPT_OF, null)) {
            link(st.getSubject(), st.getObject(), schemesOf, iris);
            link(st.getObject(), st.getSubject(), topConceptsOf, null);
        }
        for (Statement st : model.filter(null, SKOS.HAS_TOP_CONCEPT, null)) {
            link(st.getObject(), st.getSubject(), schemesOf, iris);
            link(st.getSubject(), st.getObject(), topConceptsOf, null);
        }
        for (IRI up : List.of(SKOS.BROADER, SKOS.BROAD_MATCH)) {
            for (Statement st : model.filter(null, up, null)) {
                link(st.getSubject(), st.getObject(), broader, null);
                link(st.getObject(), st.getSubject(), narrower, null);
            }
        }
        for (IRI down : List.of(SKOS.NARROWER, SKOS.NARROW_MATCH)) {
            for (Statement st : model.filter(null, down, null)) {
                link(st.getSubject(), st.getObject(), narrower, null);
                link(st.getObject(), st.getSubject(), broader, null);
            }
        }
        Map<IRI, Concept> concepts = new LinkedHashMap<>();
        for (IRI iri : iris) {
            concepts.put(
                    iri,
                    new Concept(
                            iri,
                            schemesOf.get(iri),
                            oneTextPerLanguage(iri, SKOS.PREF_LABEL),
                            textsPerLanguage(iri, SKOS.ALT_LABEL),
                            oneTextPerLanguage(iri, SKOS.DEFINITION),
                            notations(iri),
                            broader.get(iri),
                            narrower.get(iri),
                            objectIris(iri, SKOS.EXACT_MATCH)));
        }
        return concepts;
    }

    /** The schemes, sorted by IRI; call after {@link #concepts()}. */
    Map<IRI, ConceptScheme> schemes() {
        Set<IRI> iris = new TreeSet<>(BY_IRI);
        subjectIris(model.filter(null, RDF.TYPE, SKOS.CONCEPT_SCHEME), iris);
        schemesOf.values().forEach(iris::addAll);
        iris.addAll(topConceptsOf.keySet());
        Map<IRI, ConceptScheme> schemes = new LinkedHashMap<>();
        for (IRI iri : iris) {
            Map<String, String> titles = new TreeMap<>();
            for (IRI property : List.of(DCTERMS.TITLE, SKOS.PREF_LABEL, RDFS.LABEL)) {
                oneTextPerLanguage(iri, property).forEach(titles::putIfAbsent);
            }
            List<IRI> top = new ArrayList<>(topConceptsOf.getOrDefault(iri, Set.of()));
            top.sort(BY_IRI);
            schemes.put(iri, new ConceptScheme(iri, titles, top));
        }
        return schemes;
    }

    private Map<String, String> oneTextPerLanguage(IRI subject, IRI property) {
        Map<String, String> texts = new TreeMap<>();
        for (Literal literal : literals(subject, property)) {
            texts.merge(
                    Languages.normalize(literal.getLanguage().orElse(null)),
                    literal.getLabel(),
                    (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        return texts;
    }

    private Map<String, List<String>> textsPerLanguage(IRI subject, IRI property) {
        Map<String, Set<String>> texts = new TreeMap<>();
        for (Literal literal : literals(subject, property)) {
            texts.computeIfAbsent(Languages.normalize(literal.getLanguage().orElse(null)), lang -> new TreeSet<>())
                    .add(literal.getLabel());
        }
        Map<String, List<String>> lists = new TreeMap<>();
        texts.forEach((lang, set) -> lists.put(lang, List.copyOf(set)));
        return lists;
    }

    private List<String> notations(IRI subject) {
        return literals(subject, SKOS.NOTATION).stream()
                .map(Literal::getLabel)
                .distinct()
                .toList();
    }

    private List<Literal> literals(IRI subject, IRI property) {
        List<Literal> literals = new ArrayList<>();
        for (Value value : model.filter(subject, property, null).objects()) {
            if (value instanceof Literal literal) {
                literals.add(literal);
            }
        }
        return literals;
    }

    private Set<IRI> objectIris(IRI subject, IRI property) {
        Set<IRI> iris = new HashSet<>();
        for (Value value : model.filter(subject, property, null).objects()) {
            if (value instanceof IRI iri) {
                iris.add(iri);
            }
        }
        return iris;
    }

    private static void subjectIris(Model statements, Set<IRI> into) {
        for (Resource subject : statements.subjects()) {
            if (subject instanceof IRI iri) {
                into.add(iri);
            }
        }
    }

    /** Records {@code from -> to} when both are IRIs, and adds {@code from} to {@code concepts} if given. */
    private static void link(Value from, Value to, Map<IRI, Set<IRI>> links, Set<IRI> concepts) {
        if (from instanceof IRI a && to instanceof IRI b) {
            links.computeIfAbsent(a, k -> new HashSet<>()).add(b);
            if (concepts != null) {
                concepts.add(a);
            }
        }
    }
}
