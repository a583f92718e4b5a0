package org.chmexchange.tools;

import java.util.Objects;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SKOS;

/**
 * Builds one SKOS concept scheme of the shared thesaurus (docs/MODEL.md, "Shared thesaurus"): the
 * {@code skos:ConceptScheme} {@code chmt:{scheme}} with its English title, and its concepts
 * {@code chmt:{scheme}/{id}} with {@code skos:inScheme} (and {@code skos:topConceptOf} /
 * {@code skos:hasTopConcept} for top concepts).
 *
 * <p>Not thread-safe: one builder per scheme and thread.
 */
final class SkosScheme {

    /** The CBD thesaurus licence. */
    static final IRI MIT_LICENSE = Values.iri("https://opensource.org/license/mit");

    /** The copyright line of the CBD thesaurus data, credited on every scheme built from it. */
    static final String CBD_COPYRIGHT = "Copyright (c) 2014 Secretariat of the Convention on Biological Diversity";

    private final String name;
    private final IRI iri;
    private final Model model = new LinkedHashModel();

    /**
     * @param name scheme name, one of the {@link ChmThesaurus} constants; not null
     * @param titleEn English title of the scheme; not blank
     */
    SkosScheme(String name, String titleEn) {
        this.name = Objects.requireNonNull(name, "name");
        this.iri = ChmThesaurus.scheme(name);
        model.add(iri, RDF.TYPE, SKOS.CONCEPT_SCHEME);
        model.add(iri, DCTERMS.TITLE, text(titleEn, "en"));
    }

    /** The scheme IRI. */
    IRI iri() {
        return iri;
    }

    /** The scheme name ({@code gbf-goals}, ...). */
    String name() {
        return name;
    }

    /** The statements built so far; the live model, not a copy. */
    Model model() {
        return model;
    }

    /** Adds a statement about the scheme itself. */
    SkosScheme describe(IRI predicate, Value object) {
        model.add(iri, predicate, object);
        return this;
    }

    /** Adds an English {@code rdfs:comment} to the scheme. */
    SkosScheme comment(String textEn) {
        return describe(RDFS.COMMENT, text(textEn, "en"));
    }

    /**
     * Marks the scheme as built from CBD thesaurus data: {@code dcterms:source}, the MIT licence and
     * the CBD copyright line as {@code rdfs:comment}.
     *
     * @param source where the CBD publishes the data; not null
     */
    SkosScheme fromCbd(IRI source) {
        describe(DCTERMS.SOURCE, source);
        describe(DCTERMS.LICENSE, MIT_LICENSE);
        return describe(RDFS.COMMENT, Values.literal(CBD_COPYRIGHT));
    }

    /** Adds a top concept {@code chmt:{scheme}/{id}}. */
    Concept topConcept(String id) {
        Concept concept = concept(id);
        model.add(concept.iri, SKOS.TOP_CONCEPT_OF, iri);
        model.add(iri, SKOS.HAS_TOP_CONCEPT, concept.iri);
        return concept;
    }

    /** Adds a concept {@code chmt:{scheme}/{id}} that is not a top concept. */
    Concept concept(String id) {
        Concept concept = new Concept(ChmThesaurus.concept(name, id));
        model.add(concept.iri, RDF.TYPE, SKOS.CONCEPT);
        model.add(concept.iri, SKOS.IN_SCHEME, iri);
        return concept;
    }

    /**
     * A language-tagged literal of trimmed, non-blank text.
     *
     * @throws IllegalArgumentException if {@code text} is null or blank
     */
    static Literal text(String text, String lang) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Empty text for a literal @" + lang);
        }
        return Values.literal(text.strip(), lang);
    }

    /** A concept being built; every method adds statements to the scheme's model. */
    final class Concept {

        private final IRI iri;

        private Concept(IRI iri) {
            this.iri = iri;
        }

        IRI iri() {
            return iri;
        }

        Concept type(IRI type) {
            return add(RDF.TYPE, type);
        }

        Concept prefLabel(String text, String lang) {
            return add(SKOS.PREF_LABEL, text(text, lang));
        }

        Concept altLabel(String text, String lang) {
            return add(SKOS.ALT_LABEL, text(text, lang));
        }

        Concept definition(String text, String lang) {
            return add(SKOS.DEFINITION, text(text, lang));
        }

        Concept scopeNote(String text, String lang) {
            return add(SKOS.SCOPE_NOTE, text(text, lang));
        }

        /** A plain ({@code xsd:string}) notation. */
        Concept notation(String notation) {
            return add(SKOS.NOTATION, Values.literal(notation));
        }

        /** A notation typed with {@code datatype}. */
        Concept notation(String notation, IRI datatype) {
            return add(SKOS.NOTATION, Values.literal(notation, datatype));
        }

        /** {@code skos:exactMatch} the CBD thesaurus term of that identifier. */
        Concept exactMatchCbd(String cbdIdentifier) {
            return add(SKOS.EXACT_MATCH, Values.iri(ChmThesaurus.CBD_TERM_BASE + cbdIdentifier));
        }

        /** {@code skos:broader}; the inverse {@code skos:narrower} is the caller's business. */
        Concept broader(IRI broader) {
            return add(SKOS.BROADER, broader);
        }

        /**
         * {@code skos:broadMatch}: a hierarchical link to a concept of another scheme (SKOS section
         * 10.1); the inverse {@code skos:narrowMatch} is the caller's business.
         */
        Concept broadMatch(IRI broader) {
            return add(SKOS.BROAD_MATCH, broader);
        }

        /** {@code skos:narrowMatch}; the inverse {@code skos:broadMatch} is the caller's business. */
        Concept narrowMatch(IRI narrower) {
            return add(SKOS.NARROW_MATCH, narrower);
        }

        /** {@code skos:narrower}; the inverse {@code skos:broader} is the caller's business. */
        Concept narrower(IRI narrower) {
            return add(SKOS.NARROWER, narrower);
        }

        Concept add(IRI predicate, Value object) {
            model.add(iri, predicate, object);
            return this;
        }
    }
}
