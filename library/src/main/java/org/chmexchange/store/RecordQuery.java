package org.chmexchange.store;

import java.time.Instant;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.eclipse.rdf4j.model.IRI;

/**
 * A filter over the records of a {@link RecordStore}: values within one field are alternatives
 * (OR), fields combine with AND. An empty set or a null value means "no constraint".
 *
 * <p>{@code concepts} are matched literally: callers who want "this concept and everything below
 * it" expand it first (for example with {@code Thesaurus.withNarrowerTransitive}). A record matches
 * a concept through any concept-valued property it has (subjects, decision, document and report
 * types, focal-point categories, status).
 *
 * @param types record types; never null
 * @param treaties treaty concepts ({@code chm:treaty}); never null
 * @param countries country concepts ({@code chm:country}); never null
 * @param meetings meeting records ({@code chm:meeting}); never null
 * @param concepts thesaurus concepts; never null
 * @param modifiedSince only records whose {@code dcterms:modified} is at or after this instant;
 *     null for any
 * @param text full-text query over identifiers, titles, summaries and names in every language;
 *     every word must match (case- and accent-insensitive); null or blank for none
 * @param identifiers exact identifiers, any of which the record has, case-sensitive: its {@code
 *     dcterms:identifier}, {@code chm:cbdIdentifier}, {@code chm:cbdUniqueIdentifier}, {@code
 *     chm:cbdDocumentId} (as digits), {@code chm:informeaId}, or an {@code owl:sameAs} IRI (such as
 *     the CBD permalink); never null
 * @param years years of the record's date (adoption, publication, submission or start, the first
 *     it has: see {@link RecordFacets.Facet#YEAR}), any of which it is in; never null
 */
public record RecordQuery(
        Set<RecordType> types,
        Set<IRI> treaties,
        Set<IRI> countries,
        Set<IRI> meetings,
        Set<IRI> concepts,
        Instant modifiedSince,
        String text,
        Set<String> identifiers,
        Set<Integer> years) {

    /** The query that matches every record. */
    public static final RecordQuery ALL =
            new RecordQuery(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, Set.of(), Set.of());

    /** The most words of {@code text}: {@value}. */
    public static final int MAX_TEXT_WORDS = 64;

    /**
     * The most filter values and words together: {@value}, below Lucene's default limit of 1,024
     * clauses a query may have ({@code IndexSearcher.getMaxClauseCount}).
     */
    public static final int MAX_TERMS = 900;

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * Copies the sets; rejects null sets.
     *
     * @throws IllegalArgumentException if {@code text} has more than {@value #MAX_TEXT_WORDS} words
     *     (runs of letters and digits), or the filter values and words are more than {@value
     *     #MAX_TERMS}
     */
    public RecordQuery {
        types = Set.copyOf(types);
        treaties = Set.copyOf(treaties);
        countries = Set.copyOf(countries);
        meetings = Set.copyOf(meetings);
        concepts = Set.copyOf(concepts);
        identifiers = Set.copyOf(identifiers);
        years = Set.copyOf(years);
        text = text == null || text.isBlank() ? null : text.strip();
        long words = text == null ? 0 : WORD.matcher(text).results().count();
        if (words > MAX_TEXT_WORDS) {
            throw new IllegalArgumentException(
                    "The text query has " + words + " words; at most " + MAX_TEXT_WORDS + " are searched for");
        }
        long terms = words
                + types.size()
                + treaties.size()
                + countries.size()
                + meetings.size()
                + concepts.size()
                + identifiers.size()
                + years.size();
        if (terms > MAX_TERMS) {
            throw new IllegalArgumentException(
                    "The query has " + terms + " filter values and words; at most " + MAX_TERMS + " are allowed");
        }
    }

    /** A query without an identifier filter. */
    public RecordQuery(
            Set<RecordType> types,
            Set<IRI> treaties,
            Set<IRI> countries,
            Set<IRI> meetings,
            Set<IRI> concepts,
            Instant modifiedSince,
            String text) {
        this(types, treaties, countries, meetings, concepts, modifiedSince, text, Set.of(), Set.of());
    }

    /** A query without a year filter. */
    public RecordQuery(
            Set<RecordType> types,
            Set<IRI> treaties,
            Set<IRI> countries,
            Set<IRI> meetings,
            Set<IRI> concepts,
            Instant modifiedSince,
            String text,
            Set<String> identifiers) {
        this(types, treaties, countries, meetings, concepts, modifiedSince, text, identifiers, Set.of());
    }

    /** This query, matching only records with one of {@code values} as an identifier. */
    public RecordQuery withIdentifiers(Set<String> values) {
        return new RecordQuery(types, treaties, countries, meetings, concepts, modifiedSince, text, values, years);
    }

    /** This query with {@code values} as its concept filter (replacing the one it had). */
    public RecordQuery withConcepts(Set<IRI> values) {
        return new RecordQuery(types, treaties, countries, meetings, values, modifiedSince, text, identifiers, years);
    }

    /** This query, matching only records whose year is one of {@code values}. */
    public RecordQuery withYears(Set<Integer> values) {
        return new RecordQuery(
                types, treaties, countries, meetings, concepts, modifiedSince, text, identifiers, values);
    }
}
