package org.chmexchange.store;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many of the records matching a {@link RecordQuery} have each value of each facet: the counts
 * a search page shows beside its results ({@link RecordStore#facets(RecordQuery, int)}).
 *
 * <p>Counts are drill-down counts: of the records matching the whole query, the facet's own filter
 * included. A record with several values of a facet (two treaties, several concepts) counts once
 * for each value.
 *
 * @param total how many records match the query
 * @param counts per facet, the values with the most records first (ties by value), at most the
 *     number asked for; every facet is present, possibly with an empty list; unmodifiable
 */
public record RecordFacets(long total, Map<Facet, List<Count>> counts) {

    /** The facets the record index counts. */
    public enum Facet {
        /** The record type: values are slugs ({@code decision}, {@code national-report}...). */
        TYPE,
        /** {@code chm:treaty}: values are treaty concept IRIs. */
        TREATY,
        /** {@code chm:country}: values are country concept IRIs. */
        COUNTRY,
        /**
         * Every concept-valued property a concept filter matches (subjects, decision, document and
         * report types, focal-point categories, status, GBF alignment): values are concept IRIs,
         * counted as tagged (a record tagged with a narrower concept does not count for the broader).
         */
        CONCEPT,
        /**
         * The year of the record's date: its adoption date, else its publication date ({@code
         * dcterms:issued}), else its submission date, else its start date ({@code schema:startDate}),
         * else {@code dcterms:date}; values are years as digits ({@code 2022}). Records without any
         * of these dates have no year.
         */
        YEAR
    }

    /**
     * One value of a facet and how many matching records have it.
     *
     * @param value the value (a slug, an IRI or a year, as the facet says); never null
     * @param count how many records, at least 1
     */
    public record Count(String value, long count) {
        /** Checks the value. */
        public Count {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Copies the counts; a facet missing from {@code counts} gets an empty list. */
    public RecordFacets {
        Map<Facet, List<Count>> copy = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
            copy.put(f, List.copyOf(counts.getOrDefault(f, List.of())));
        }
        counts = java.util.Collections.unmodifiableMap(copy);
    }

    /** The counts of one facet; never null. */
    public List<Count> of(Facet facet) {
        return counts.get(facet);
    }
}
