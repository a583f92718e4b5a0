package org.chmexchange.vocab;

import java.util.Objects;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * IRIs of the shared thesaurus: concept schemes {@code https://w3id.org/chm-exchange/thesaurus/{scheme}}
 * and their concepts {@code .../thesaurus/{scheme}/{id}} (docs/MODEL.md, "Shared thesaurus").
 *
 * <p>Thread-safety: immutable constants and pure functions.
 */
public final class ChmThesaurus {

    /** Base of every scheme and concept IRI. */
    public static final String BASE = "https://w3id.org/chm-exchange/thesaurus/";

    public static final String GBF_GOALS = "gbf-goals";
    public static final String GBF_TARGETS = "gbf-targets";
    public static final String AICHI_GOALS = "aichi-goals";
    public static final String AICHI_TARGETS = "aichi-targets";
    public static final String COUNTRIES = "countries";
    public static final String TREATIES = "treaties";
    public static final String FOCAL_POINT_CATEGORIES = "focal-point-categories";
    public static final String REPORT_TYPES = "report-types";
    public static final String DECISION_TYPES = "decision-types";
    public static final String DOCUMENT_TYPES = "document-types";
    public static final String STATUSES = "statuses";

    /** Base of the CBD thesaurus term URLs used as {@code skos:exactMatch} targets (INCUMBENTS.md 2.4). */
    public static final String CBD_TERM_BASE = "https://api.cbd.int/api/v2013/thesaurus/terms/";

    private ChmThesaurus() {}

    /**
     * The IRI of a concept scheme.
     *
     * @param scheme scheme name, one of the constants of this class; not null
     * @return {@code BASE + scheme}
     */
    public static IRI scheme(String scheme) {
        return Values.iri(BASE + Objects.requireNonNull(scheme, "scheme"));
    }

    /**
     * The IRI of a concept.
     *
     * @param scheme scheme name; not null
     * @param id concept id within the scheme (for countries the lower-case alpha-2 code); not null
     * @return {@code BASE + scheme + "/" + id}
     */
    public static IRI concept(String scheme, String id) {
        return Values.iri(BASE + Objects.requireNonNull(scheme, "scheme") + "/" + Objects.requireNonNull(id, "id"));
    }

    /** The concept of a treaty, by its InforMEA id ({@code cbd}, {@code cartagena}, ...). */
    public static IRI treaty(String informeaId) {
        return concept(TREATIES, informeaId);
    }

    /** The concept of a country, by its ISO 3166-1 alpha-2 code in either case. */
    public static IRI country(String alpha2) {
        return concept(COUNTRIES, alpha2.toLowerCase(java.util.Locale.ROOT));
    }
}
