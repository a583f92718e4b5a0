package org.chmexchange.thesaurus;

import java.util.Objects;

/**
 * One hit of {@link Thesaurus#search(String, String, int)}.
 *
 * @param concept the concept found; not null
 * @param label the label to show: {@link Concept#label(String)} for the requested language; not null
 * @param labelLanguage the language tag of {@code label} ({@code ""} if untagged, a notation or the
 *     IRI); not null
 * @param kind how the query matched; not null
 * @param matched the label or notation text that matched the query (in whatever language); not null
 */
public record ConceptMatch(Concept concept, String label, String labelLanguage, Kind kind, String matched) {

    public ConceptMatch {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(labelLanguage, "labelLanguage");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(matched, "matched");
    }

    /** How a query matched, best first; the rank order of the results. */
    public enum Kind {
        /** A label or notation equals the query (ignoring case, accents and punctuation). */
        EXACT,
        /** A label starts with the query. */
        LABEL_PREFIX,
        /** A later word of a label starts with the query. */
        WORD_PREFIX,
        /** A notation starts with the query. */
        NOTATION
    }
}
