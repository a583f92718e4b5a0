package org.chmexchange.thesaurus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.SKOSXL;

/**
 * Imports a SKOS vocabulary published by others (the InforMEA glossary, LEO, ...) next to the
 * shared thesaurus: its concepts keep their IRIs in a scheme of their own, SKOS-XL labels ({@code
 * skosxl:prefLabel}/{@code altLabel}/{@code hiddenLabel} with their {@code skosxl:literalForm}) are
 * read as SKOS labels, and each imported concept is linked to the shared thesaurus's concepts it
 * matches, never merged with them:
 *
 * <ul>
 *   <li>{@code skos:exactMatch} where the notation is the same (ignoring case) and a preferred label
 *       is too (same language, ignoring case);
 *   <li>{@code skos:closeMatch} where only the notation, or only a preferred or alternative label
 *       in the same language, is the same.
 * </ul>
 *
 * Every link made is reported ({@link Result#matches()}). Each scheme of the import is typed {@code
 * chm:ImportedConceptScheme}, whose concepts the shapes accept as subjects of records. Concepts of the vocabulary that name no
 * scheme go into its one declared {@code skos:ConceptScheme}, or into {@code fallbackScheme} (typed
 * {@code skos:ConceptScheme}, titled with the import's name) when it declares none or several.
 * Statements about other subjects than the concepts, schemes and SKOS-XL labels are left out; so are,
 * with a notice, a concept IRI that is already one of the shared thesaurus's, and the hierarchy and
 * scheme links ({@code skos:broader}, {@code narrower}, {@code broadMatch}, {@code narrowMatch},
 * {@code inScheme}, {@code hasTopConcept}, ...) that point at a shared concept or scheme: an import
 * never changes the shared concepts (the thesaurus reads those links both ways).
 *
 * <p>Thread-safety: stateless apart from the shared thesaurus, which is immutable.
 */
public final class SkosImport {

    /** The most notices kept in a result: {@value}. */
    public static final int MAX_NOTICES = 200;

    private final Thesaurus shared;

    /** @param shared the thesaurus the imported concepts are matched against; not null */
    public SkosImport(Thesaurus shared) {
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /**
     * One link from an imported concept to a shared one.
     *
     * @param imported the imported concept
     * @param relation {@code skos:exactMatch} or {@code skos:closeMatch}
     * @param shared the shared thesaurus's concept
     * @param why what matched, for the report ({@code notation 'FR' and label 'France'@en})
     */
    public record Match(IRI imported, IRI relation, IRI shared, String why) {}

    /**
     * What an import gives.
     *
     * @param skos the statements to store: the vocabulary's concepts, schemes and labels, the SKOS
     *     labels read from SKOS-XL, the scheme memberships added, and the mapping links
     * @param schemes the schemes the imported concepts are in
     * @param concepts how many concepts were imported
     * @param matches the mapping links made
     * @param notices what was left out and why, at most {@link #MAX_NOTICES}
     */
    public record Result(Model skos, Set<IRI> schemes, int concepts, List<Match> matches, List<String> notices) {

        /** Copies the collections. */
        public Result {
            schemes = Set.copyOf(schemes);
            matches = List.copyOf(matches);
            notices = List.copyOf(notices);
        }
    }

    /**
     * Imports a vocabulary.
     *
     * @param rdf the vocabulary as read (any RDF format); not null, not changed
     * @param fallbackScheme the scheme for concepts that name none, when the vocabulary declares no
     *     single scheme; not null
     * @param name the import's name, the fallback scheme's title; not null
     * @throws IllegalArgumentException if the vocabulary has no {@code skos:Concept}
     */
    public Result read(Model rdf, IRI fallbackScheme, String name) {
        Objects.requireNonNull(rdf, "rdf");
        Model in = new LinkedHashModel(rdf);
        List<String> notices = new ArrayList<>();
        // SKOS-XL labels as SKOS labels
        Map<IRI, IRI> xl = Map.of(
                SKOSXL.PREF_LABEL, SKOS.PREF_LABEL,
                SKOSXL.ALT_LABEL, SKOS.ALT_LABEL,
                SKOSXL.HIDDEN_LABEL, SKOS.HIDDEN_LABEL);
        Set<Resource> labels = new LinkedHashSet<>();
        Model derived = new LinkedHashModel();
        for (Map.Entry<IRI, IRI> e : xl.entrySet()) {
            for (Statement st : in.filter(null, e.getKey(), null)) {
                if (!(st.getObject() instanceof Resource label)) {
                    continue;
                }
                labels.add(label);
                for (Value form : in.filter(label, SKOSXL.LITERAL_FORM, null).objects()) {
                    if (form instanceof Literal literal) {
                        derived.add(st.getSubject(), e.getValue(), literal);
                    }
                }
            }
        }
        in.addAll(derived);

        Set<Resource> concepts =
                new LinkedHashSet<>(in.filter(null, RDF.TYPE, SKOS.CONCEPT).subjects());
        concepts.addAll(in.filter(null, SKOS.IN_SCHEME, null).subjects());
        concepts.removeIf(c -> !(c instanceof IRI));
        Set<Resource> declared = new LinkedHashSet<>(
                in.filter(null, RDF.TYPE, SKOS.CONCEPT_SCHEME).subjects());
        declared.removeIf(s -> !(s instanceof IRI));
        concepts.removeAll(declared);
        int kept = 0;
        Model out = new LinkedHashModel();
        Set<IRI> schemes = new LinkedHashSet<>();
        declared.removeIf(this::isShared);
        IRI home = declared.size() == 1 ? (IRI) declared.iterator().next() : fallbackScheme;
        List<Match> matches = new ArrayList<>();
        for (Resource r : concepts) {
            IRI concept = (IRI) r;
            if (shared.concept(concept).isPresent()) {
                notice(notices, "<" + concept + "> is a concept of the shared thesaurus; left out");
                continue;
            }
            kept++;
            for (Statement st : in.filter(concept, null, null)) {
                if (STRUCTURAL.contains(st.getPredicate()) && isShared(st.getObject())) {
                    notice(
                            notices,
                            "<" + concept + "> " + st.getPredicate().getLocalName() + " <" + st.getObject()
                                    + ">, of the shared thesaurus, left out (an import links, it does not change the"
                                    + " shared concepts)");
                } else {
                    out.add(st);
                }
            }
            out.add(concept, RDF.TYPE, SKOS.CONCEPT);
            Set<IRI> own = new LinkedHashSet<>();
            for (Value v : in.filter(concept, SKOS.IN_SCHEME, null).objects()) {
                if (v instanceof IRI scheme && !isShared(scheme)) {
                    own.add(scheme);
                }
            }
            if (own.isEmpty()) {
                out.add(concept, SKOS.IN_SCHEME, home);
                schemes.add(home);
            } else {
                schemes.addAll(own);
            }
            matches.addAll(match(concept, in));
        }
        if (kept == 0) {
            throw new IllegalArgumentException("The vocabulary has no concept to import (no skos:Concept, or only"
                    + " concepts of the shared thesaurus)");
        }
        for (Resource label : labels) {
            out.addAll(in.filter(label, null, null));
        }
        for (IRI scheme : schemes) {
            for (Statement st : in.filter(scheme, null, null)) {
                if (!(STRUCTURAL.contains(st.getPredicate()) && isShared(st.getObject()))) {
                    out.add(st);
                }
            }
            out.add(scheme, RDF.TYPE, SKOS.CONCEPT_SCHEME);
            out.add(scheme, RDF.TYPE, org.chmexchange.vocab.CHM.ImportedConceptScheme);
            if (scheme.equals(fallbackScheme)) {
                out.add(scheme, SKOS.PREF_LABEL, Values.literal(name, "en"));
                out.add(scheme, DCTERMS.TITLE, Values.literal(name, "en"));
            }
        }
        for (Match m : matches) {
            out.add(m.imported(), m.relation(), m.shared());
        }
        return new Result(out, schemes, kept, matches, notices);
    }

    /** The SKOS properties that would change a shared concept or scheme if they pointed at one. */
    private static final Set<IRI> STRUCTURAL = Set.of(
            SKOS.IN_SCHEME,
            SKOS.TOP_CONCEPT_OF,
            SKOS.HAS_TOP_CONCEPT,
            SKOS.BROADER,
            SKOS.NARROWER,
            SKOS.BROADER_TRANSITIVE,
            SKOS.NARROWER_TRANSITIVE,
            SKOS.BROAD_MATCH,
            SKOS.NARROW_MATCH,
            SKOS.MEMBER);

    /** Whether a value is a concept or a scheme of the shared thesaurus. */
    private boolean isShared(Value v) {
        return v instanceof IRI iri
                && (shared.concept(iri).isPresent() || shared.scheme(iri).isPresent());
    }

    private List<Match> match(IRI concept, Model in) {
        Set<IRI> byNotation = new LinkedHashSet<>();
        for (Value n : in.filter(concept, SKOS.NOTATION, null).objects()) {
            shared.byNotation(n.stringValue()).ifPresent(c -> byNotation.add(c.iri()));
        }
        Map<IRI, String> byLabel = new java.util.LinkedHashMap<>();
        Set<IRI> byPrefLabel = new LinkedHashSet<>();
        for (IRI property : List.of(SKOS.PREF_LABEL, SKOS.ALT_LABEL)) {
            for (Value v : in.filter(concept, property, null).objects()) {
                if (!(v instanceof Literal l) || l.getLanguage().isEmpty()) {
                    continue;
                }
                for (Concept c : shared.byLabel(l.getLabel(), l.getLanguage().get())) {
                    byLabel.putIfAbsent(
                            c.iri(),
                            "label '" + l.getLabel() + "'@" + l.getLanguage().get());
                    if (property.equals(SKOS.PREF_LABEL)
                            && l.getLabel()
                                    .equalsIgnoreCase(c.prefLabels()
                                            .getOrDefault(l.getLanguage().get(), ""))) {
                        byPrefLabel.add(c.iri());
                    }
                }
            }
        }
        List<Match> out = new ArrayList<>();
        for (IRI c : byNotation) {
            boolean exact = byPrefLabel.contains(c);
            String why = "notation " + notation(in, concept) + (exact ? " and " + byLabel.get(c) : "");
            out.add(new Match(concept, exact ? SKOS.EXACT_MATCH : SKOS.CLOSE_MATCH, c, why));
        }
        for (Map.Entry<IRI, String> e : byLabel.entrySet()) {
            if (!byNotation.contains(e.getKey())) {
                out.add(new Match(concept, SKOS.CLOSE_MATCH, e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private static String notation(Model in, IRI concept) {
        return in.filter(concept, SKOS.NOTATION, null).objects().stream()
                .map(v -> "'" + v.stringValue() + "'")
                .findFirst()
                .orElse("");
    }

    private static void notice(List<String> notices, String message) {
        if (notices.size() < MAX_NOTICES) {
            notices.add(message);
        }
    }
}
