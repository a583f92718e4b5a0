package org.chmexchange.store.internal;

import java.util.Map;
import java.util.Optional;
import org.chmexchange.admission.Batch;
import org.chmexchange.admission.RecordSplitter;
import org.chmexchange.model.RecordIris;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.InvalidRecordException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * Splits RDF into records by the one membership rule of {@link RecordIris}: a record is an IRI
 * subject typed with a record class, with the statements whose subject is that IRI up to its first
 * {@code #}.
 */
public final class RecordGraphs {

    private RecordGraphs() {}

    /**
     * Groups the statements of {@code data} by record, in order of first appearance, with the
     * pipeline's one splitter ({@link RecordSplitter}); the store takes only whole records.
     *
     * @throws InvalidRecordException if a statement belongs to no record, a record subject is a blank
     *     node or has two record classes, or a record IRI is refused ({@link RecordIris#refusal})
     */
    public static Map<IRI, Model> split(Model data) {
        Batch batch = new RecordSplitter().addAll(data).batch();
        if (!batch.rejections().isEmpty()) {
            throw new InvalidRecordException(batch.rejections().get(0).reason());
        }
        if (batch.dropped() > 0) {
            throw new InvalidRecordException("A statement about " + batch.firstDropped() + " belongs to no record (a"
                    + " record is an IRI typed with a chm record class; nested resources use the record IRI plus a"
                    + " #fragment); " + batch.dropped() + " statement(s) of the write belong to none");
        }
        batch.records().keySet().forEach(RecordGraphs::checkRecordIri);
        return batch.records();
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
}
