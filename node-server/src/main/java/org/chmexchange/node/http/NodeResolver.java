package org.chmexchange.node.http;

import java.util.Locale;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;

/**
 * Resolves the filter values of {@code GET /records} against the thesaurus and the store:
 * treaties by InforMEA id or IRI, countries by ISO alpha-2, alpha-3 or IRI, meetings by record id
 * or IRI, concepts by notation or IRI (expanded to their narrower concepts).
 */
final class NodeResolver implements RecordListRequest.Resolver {

    private final Thesaurus thesaurus;
    private final RecordStore store;
    private final String base;

    NodeResolver(Thesaurus thesaurus, RecordStore store, String base) {
        this.thesaurus = thesaurus;
        this.store = store;
        this.base = base;
    }

    @Override
    public IRI treaty(String value) {
        IRI iri = Params.isIri(value)
                ? Params.iri("treaty", value)
                : ChmThesaurus.treaty(Params.code("treaty", value).toLowerCase(Locale.ROOT));
        return inScheme(
                iri,
                ChmThesaurus.TREATIES,
                "treaty",
                value,
                "an InforMEA treaty id such as cbd, cartagena, nagoya, cms");
    }

    @Override
    public IRI country(String value) {
        IRI iri;
        if (Params.isIri(value)) {
            iri = Params.iri("country", value);
        } else if (Params.code("country", value).length() == 2) {
            iri = ChmThesaurus.country(value);
        } else {
            iri = thesaurus
                    .byNotation(value)
                    .filter(c -> c.schemes().contains(ChmThesaurus.scheme(ChmThesaurus.COUNTRIES)))
                    .map(Concept::iri)
                    .orElse(ChmThesaurus.country(value));
        }
        return inScheme(
                iri,
                ChmThesaurus.COUNTRIES,
                "country",
                value,
                "an ISO 3166-1 alpha-2 or alpha-3 code such as FR or FRA");
    }

    @Override
    public IRI meeting(String value) {
        IRI iri = Params.isIri(value)
                ? Params.iri("meeting", value)
                : RecordType.MEETING.mint(base, Params.code("meeting", value));
        if (store.get(iri).isEmpty()) {
            throw ApiException.badParameter(
                    "meeting",
                    "This node has no meeting '" + value
                            + "'; give a meeting record IRI or its id, e.g. cbd-cop-15-2.");
        }
        return iri;
    }

    @Override
    public Set<IRI> conceptWithNarrower(String value) {
        Concept concept = ConceptLookup.resolve(thesaurus, value, "concept")
                .orElseThrow(() -> ApiException.badParameter(
                        "concept",
                        "The thesaurus has no concept '" + value
                                + "'; give a concept IRI or notation such as GBF-TARGET-03 (see /thesaurus/search)."));
        return thesaurus.withNarrowerTransitive(concept.iri());
    }

    private IRI inScheme(IRI iri, String scheme, String parameter, String value, String expected) {
        boolean known = thesaurus
                .concept(iri)
                .filter(c -> c.schemes().contains(ChmThesaurus.scheme(scheme)))
                .isPresent();
        if (!known) {
            throw ApiException.badParameter(
                    parameter, "Unknown " + parameter + " '" + value + "'; give " + expected + ".");
        }
        return iri;
    }
}
