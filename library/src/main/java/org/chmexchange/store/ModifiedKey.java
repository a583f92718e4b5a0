package org.chmexchange.store;

import java.time.Instant;
import java.util.Objects;
import org.eclipse.rdf4j.model.IRI;

/**
 * A position in the list of records by modification time ({@link RecordStore#listByModified}): the
 * modification time and IRI of the last record of a page. Keyset paging from it neither repeats nor
 * skips a record that did not change meanwhile.
 *
 * @param modified the record's {@code dcterms:modified}; null for a record without one (it sorts
 *     as the epoch)
 * @param iri the record IRI; not null
 */
public record ModifiedKey(Instant modified, IRI iri) {

    /** Checks the IRI. */
    public ModifiedKey {
        Objects.requireNonNull(iri, "iri");
    }

    /** The position of a listed record. */
    public static ModifiedKey of(RecordSummary record) {
        return new ModifiedKey(record.modified(), record.iri());
    }
}
