package org.chmexchange.cbd;

import java.util.List;
import java.util.Objects;
import org.chmexchange.model.Record;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/**
 * One CBD document in the common format.
 *
 * @param record the record; not null
 * @param statements the record's RDF ({@link org.chmexchange.rdf.RecordMapper#toRdf}) plus what the
 *     common format has no field of the Java model for: {@code chm:cbdDocumentId}, {@code
 *     chm:cbdRevision}, {@code chm:cbdUniqueIdentifier}, {@code chm:cbdSchema}, {@code chm:cbdTerm}
 *     (terms the thesaurus does not know), {@code owl:sameAs} the CBD permalink and {@code
 *     chm:sourceDocument} (the CBD JSON as served); not null
 * @param revision the CBD revision ({@code _revision_i}); null when the index gave none
 * @param notices one sentence per value kept aside or left out (an unknown term, a malformed file
 *     link); never null
 */
public record CbdRecord(Record record, Model statements, Integer revision, List<String> notices) {

    /** Checks the values and copies the notices. */
    public CbdRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(statements, "statements");
        notices = List.copyOf(notices);
    }

    /** The record IRI. */
    public IRI iri() {
        return record.iri();
    }
}
