package org.chmexchange.informea;

import java.util.List;
import java.util.Objects;
import org.chmexchange.model.Record;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/**
 * One InforMEA row in the common format.
 *
 * @param record the record; not null
 * @param statements the record's RDF ({@link org.chmexchange.rdf.RecordMapper#toRdf}) plus what the
 *     Java model has no field for: {@code chm:displayOrder}, {@code chm:keyword} (keywords no concept
 *     matches), {@code chm:primaryContact}, {@code foaf:page} (the row's page on the MEA site) and
 *     {@code chm:sourceDocument} (the row as read, JSON); not null
 * @param notices one sentence per oddity met (a value normalised, kept aside or left out); never null
 */
public record InformeaRecord(Record record, Model statements, List<String> notices) {

    /** Checks the values and copies the notices. */
    public InformeaRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(statements, "statements");
        notices = List.copyOf(notices);
    }

    /** The record IRI. */
    public IRI iri() {
        return record.iri();
    }
}
