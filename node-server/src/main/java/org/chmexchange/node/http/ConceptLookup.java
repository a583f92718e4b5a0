package org.chmexchange.node.http;

import java.util.Optional;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/** Resolves a concept named in a request by IRI or by notation. */
final class ConceptLookup {

    private ConceptLookup() {}

    /**
     * @param value an absolute IRI or a notation ("GBF-TARGET-03", "FR", "FRA", "cbd")
     * @param parameter parameter name, for the error message
     * @return the concept, or empty if the thesaurus has none by that IRI or notation
     */
    static Optional<Concept> resolve(Thesaurus thesaurus, String value, String parameter) {
        if (value.startsWith("http://") || value.startsWith("https://")) {
            IRI iri;
            try {
                iri = Values.iri(value);
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter(parameter, "Not a valid IRI: " + value);
            }
            return thesaurus.concept(iri);
        }
        return thesaurus.byNotation(value);
    }
}
