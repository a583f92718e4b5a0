package org.chmexchange.store.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.InvalidRecordException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.DynamicModelFactory;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * Splits RDF into records. A record is the set of statements whose subject is the record IRI or
 * starts with the record IRI followed by {@code #} (its nested resources, docs/MODEL.md); a record
 * IRI is any IRI subject typed with a record class.
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
    public static final String VOCABULARY_NAMESPACE = "https://w3id.org/chm-exchange/";

    /**
     * Checks that an IRI may name a record: an http(s) IRI, without a fragment (fragments name a
     * record's nested resources), outside the project's vocabulary namespace.
     *
     * @throws InvalidRecordException if it may not
     */
    public static void checkRecordIri(IRI iri) {
        String s = iri.stringValue();
        if (!(s.startsWith("http://") || s.startsWith("https://"))) {
            throw new InvalidRecordException("<" + s + "> cannot name a record: record IRIs are http(s) IRIs");
        }
        if (s.indexOf('#') >= 0) {
            throw new InvalidRecordException("<" + s + "> cannot name a record: a #fragment names a nested resource"
                    + " of the record before it");
        }
        if (s.startsWith(VOCABULARY_NAMESPACE)) {
            throw new InvalidRecordException(
                    "<" + s + "> cannot name a record: it is in the vocabulary namespace " + VOCABULARY_NAMESPACE);
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

    /** True if {@code subject} is {@code record} or one of its nested resources. */
    public static boolean belongsTo(Resource subject, IRI record) {
        if (!subject.isIRI()) {
            return false;
        }
        String s = subject.stringValue();
        String r = record.stringValue();
        return s.equals(r) || (s.length() > r.length() && s.startsWith(r) && s.charAt(r.length()) == '#');
    }

    private static Optional<IRI> ownerOf(Resource subject, Map<IRI, Model> records) {
        if (!subject.isIRI()) {
            return Optional.empty();
        }
        if (records.containsKey(subject)) {
            return Optional.of((IRI) subject);
        }
        String s = subject.stringValue();
        for (int hash = s.lastIndexOf('#'); hash > 0; hash = s.lastIndexOf('#', hash - 1)) {
            IRI candidate = Values.iri(s.substring(0, hash));
            if (records.containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
