package org.chmexchange.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.eclipse.rdf4j.model.IRI;

/**
 * One entry of the change log (docs/EXCHANGE.md): the {@code sequence}-th change of the store.
 *
 * @param sequence 1, 2, ... in the order the changes were committed; never reused
 * @param kind create, update or delete
 * @param record the record IRI; not null
 * @param type the record type (of the deleted version for a delete); not null
 * @param time when the node committed the change (UTC, millisecond precision); not null
 * @param treaties treaty concepts of the record (of the deleted version for a delete); not null
 * @param countries country concepts of the record; not null
 */
public record ChangeEntry(
        long sequence,
        ChangeKind kind,
        IRI record,
        RecordType type,
        Instant time,
        Set<IRI> treaties,
        Set<IRI> countries) {

    /** Checks the values and copies the sets. */
    public ChangeEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        treaties = Set.copyOf(treaties);
        countries = Set.copyOf(countries);
    }
}
