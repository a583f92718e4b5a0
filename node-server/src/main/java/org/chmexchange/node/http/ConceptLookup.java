package org.chmexchange.node.http;

import java.util.Optional;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;

/** Resolves a concept named in a request by IRI, notation or concept id. */
final class ConceptLookup {

    private ConceptLookup() {}

    /**
     * @param value an absolute IRI, a notation ("GBF-TARGET-03", "FR", "FRA", "cbd") or a concept id
     *     (the last segment of the concept IRI, "AICHI-GOAL-A")
     * @param parameter parameter name, for the error message
     * @return the concept, or empty if the thesaurus has none by that IRI or notation
     */
    static Optional<Concept> resolve(Thesaurus thesaurus, String value, String parameter) {
        if (Params.isIri(value)) {
            return thesaurus.concept(Params.iri(parameter, value));
        }
        Optional<Concept> byNotation = thesaurus.byNotation(value);
        if (byNotation.isPresent()) {
            return byNotation;
        }
        // Our own concept ids (AICHI-GOAL-A, national-report-6) where the notation differs.
        String suffix = "/" + value;
        return thesaurus.concepts().stream()
                .filter(c -> c.iri()
                        .stringValue()
                        .regionMatches(
                                true, c.iri().stringValue().length() - suffix.length(), suffix, 0, suffix.length()))
                .findFirst();
    }
}
