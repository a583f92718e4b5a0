package org.chmexchange.admission;

import java.util.Iterator;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * The one rule for {@code chm:modifiedAtSource} (docs/MODEL.md): when a record leaves the node it
 * comes from, its time of change there travels with it. A record that already states it (it came
 * from further away) keeps it; otherwise its {@code dcterms:modified}, the sending node's own
 * time, becomes it. Applied to what a harvest admits ({@link Gates#modifiedAtSource()}) and to what
 * a publisher sends, so that the storing node, which replaces {@code dcterms:modified} with its own
 * time, still says when the record changed at its origin.
 *
 * <p>Stateless and thread-safe.
 */
public final class ModifiedAtSource {

    private ModifiedAtSource() {}

    /**
     * Adds {@code chm:modifiedAtSource} to {@code record} when it has none and has exactly one
     * {@code dcterms:modified}, an {@code xsd:dateTime} literal (copied as written). Anything else
     * (none, several, another datatype) is left for validation to judge.
     *
     * @param record the record's statements; changed in place; not null
     * @param iri the record IRI; not null
     * @return {@code record}
     */
    public static Model carry(Model record, IRI iri) {
        if (record.contains(iri, CHM.modifiedAtSource, null)) {
            return record;
        }
        Iterator<Statement> modified =
                record.getStatements(iri, DCTERMS.MODIFIED, null).iterator();
        if (!modified.hasNext()) {
            return record;
        }
        Value time = modified.next().getObject();
        if (modified.hasNext() || !(time instanceof Literal literal) || !XSD.DATETIME.equals(literal.getDatatype())) {
            return record;
        }
        record.add(iri, CHM.modifiedAtSource, time);
        return record;
    }
}
