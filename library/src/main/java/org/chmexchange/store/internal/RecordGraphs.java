package org.chmexchange.store.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.chmexchange.model.RecordIris;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.InvalidRecordException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.DynamicModelFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * Splits RDF into records by the one membership rule of {@link RecordIris}: a record is an IRI
 * subject typed with a record class, with the statements whose subject is that IRI up to its first
 * {@code #}.
 */
public final class RecordGraphs {

    /** Models that index lazily: splitting and storing never filter, so they never pay for indexes. */
    private static final DynamicModelFactory MODELS = new DynamicModelFactory();

    private RecordGraphs() {}

    /**
     * Groups the statements of {@code data} by record, in order of first appearance.
     *
     * @throws StoreException if a statement belongs to no record, or a record subject is a blank node
     */
    public static Map<IRI, Model> split(Model data) {
        Map<IRI, Model> records = new LinkedHashMap<>();
        for (Statement st : data.getStatements(null, RDF.TYPE, null)) {
            if (st.getObject().isIRI()
                    && RecordType.fromClass((IRI) st.getObject()).isPresent()) {
                if (!st.getSubject().isIRI()) {
                    throw new InvalidRecordException("A record must have an IRI, not a blank node: " + st);
                }
                IRI iri = (IRI) st.getSubject();
                checkRecordIri(iri);
                if (records.containsKey(iri)) {
                    throw new InvalidRecordException("<" + iri + "> has more than one record class; a record has"
                            + " exactly one (chm:Treaty, chm:Meeting, chm:Decision, ...)");
                }
                records.put(iri, MODELS.createEmptyModel());
            }
        }
        for (Statement st : data) {
            IRI owner = ownerOf(st.getSubject(), records)
                    .orElseThrow(() -> new InvalidRecordException("Statement about <" + st.getSubject()
                            + "> belongs to no record (a record is an IRI typed with a chm record class;"
                            + " nested resources use the record IRI plus a #fragment): " + st));
            records.get(owner).add(st.getSubject(), st.getPredicate(), st.getObject());
        }
        return records;
    }

    /** Namespace of the project's vocabularies and reference graphs: never a record. */
    public static final String VOCABULARY_NAMESPACE = RecordIris.VOCABULARY_NAMESPACE;

    /**
     * Checks that an IRI may name a record ({@link RecordIris#refusal}).
     *
     * @throws InvalidRecordException if it may not
     */
    public static void checkRecordIri(IRI iri) {
        Optional<String> refusal = RecordIris.refusal(iri);
        if (refusal.isPresent()) {
            throw new InvalidRecordException(refusal.get());
        }
    }

    /** The record type of a record model, from the rdf:type of its IRI. */
    public static Optional<RecordType> typeOf(Model record, IRI iri) {
        for (Statement st : record) {
            if (st.getPredicate().equals(RDF.TYPE)
                    && st.getSubject().equals(iri)
                    && st.getObject().isIRI()) {
                Optional<RecordType> t = RecordType.fromClass((IRI) st.getObject());
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return Optional.empty();
    }

    /** True if {@code subject} is {@code record} or one of its nested resources ({@link RecordIris}). */
    public static boolean belongsTo(Resource subject, IRI record) {
        return RecordIris.belongsTo(subject, record);
    }

    private static Optional<IRI> ownerOf(Resource subject, Map<IRI, Model> records) {
        IRI owner = RecordIris.ownerOf(subject);
        return owner != null && records.containsKey(owner) ? Optional.of(owner) : Optional.empty();
    }
}
