package org.chmexchange.store;

import java.time.Instant;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.eclipse.rdf4j.model.IRI;

/**
 * A filter over the change log: values within one field are alternatives, fields combine with AND;
 * an empty set or a null time means no constraint. Times compare with the entries' {@link
 * ChangeEntry#time()} (milliseconds).
 *
 * @param types record types; never null
 * @param treaties treaty concepts; never null
 * @param countries country concepts; never null
 * @param from the earliest change time, inclusive; null for no lower bound
 * @param until the time before which changes were made, exclusive; null for no upper bound
 * @param kinds the kinds of change (only the tombstones: {@code Set.of(DELETE)}); empty for every
 *     kind; never null
 * @param records the records changed (one record's history: {@code Set.of(iri)}); empty for every
 *     record; never null
 */
public record ChangeQuery(
        Set<RecordType> types,
        Set<IRI> treaties,
        Set<IRI> countries,
        Instant from,
        Instant until,
        Set<ChangeKind> kinds,
        Set<IRI> records) {

    /** Every change. */
    public static final ChangeQuery ALL = new ChangeQuery(Set.of(), Set.of(), Set.of());

    /**
     * Copies the sets.
     *
     * @throws IllegalArgumentException if {@code until} is not after {@code from}
     */
    public ChangeQuery {
        types = Set.copyOf(types);
        treaties = Set.copyOf(treaties);
        countries = Set.copyOf(countries);
        kinds = Set.copyOf(kinds);
        records = Set.copyOf(records);
        if (from != null && until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("until (" + until + ") must be after from (" + from + ")");
        }
    }

    /** A filter on types, treaties, countries, time and kinds, of every record. */
    public ChangeQuery(
            Set<RecordType> types,
            Set<IRI> treaties,
            Set<IRI> countries,
            Instant from,
            Instant until,
            Set<ChangeKind> kinds) {
        this(types, treaties, countries, from, until, kinds, Set.of());
    }

    /** A filter on types, treaties and countries, at any time, of every kind. */
    public ChangeQuery(Set<RecordType> types, Set<IRI> treaties, Set<IRI> countries) {
        this(types, treaties, countries, null, null, Set.of());
    }

    /** A filter on types, treaties, countries and time, of every kind. */
    public ChangeQuery(Set<RecordType> types, Set<IRI> treaties, Set<IRI> countries, Instant from, Instant until) {
        this(types, treaties, countries, from, until, Set.of());
    }

    /**
     * The same filter limited to changes made from {@code from} (inclusive) until {@code until}
     * (exclusive); either may be null.
     */
    public ChangeQuery during(Instant from, Instant until) {
        return new ChangeQuery(types, treaties, countries, from, until, kinds, records);
    }

    /** The same filter limited to changes of {@code only} these kinds (empty: every kind). */
    public ChangeQuery ofKinds(Set<ChangeKind> only) {
        return new ChangeQuery(types, treaties, countries, from, until, only, records);
    }

    /** The same filter limited to changes of {@code only} these records (empty: every record). */
    public ChangeQuery ofRecords(Set<IRI> only) {
        return new ChangeQuery(types, treaties, countries, from, until, kinds, only);
    }
}
