package org.chmexchange.node.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.chmexchange.model.RecordIris;
import org.chmexchange.model.RecordType;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * The records a request body describes, by the one membership rule of {@link RecordIris}: a record
 * is an IRI subject typed with a record class; its statements are those whose subject is the record
 * IRI up to its first {@code #} (the record or its nested resources). Every statement of a body must belong to one of its
 * records; graph names in the body are dropped (the node decides the graph).
 */
final class BodyRecords {

    private BodyRecords() {}

    /**
     * Groups the statements of {@code body} by record, in order of first appearance.
     *
     * @throws ApiException 400 if the body describes no record, a record is a blank node, or a
     *     statement belongs to no record of the body
     */
    static Map<IRI, Model> split(Model body) {
        Map<IRI, Model> records = new LinkedHashMap<>();
        for (Statement st : body.getStatements(null, RDF.TYPE, null)) {
            if (st.getObject().isIRI()
                    && RecordType.fromClass((IRI) st.getObject()).isPresent()) {
                if (!st.getSubject().isIRI()) {
                    throw ApiException.badRequest(
                            "Not a record",
                            "A record needs an IRI, not a blank node (a " + ((IRI) st.getObject()).getLocalName()
                                    + " in the body has none).",
                            Map.of());
                }
                records.computeIfAbsent((IRI) st.getSubject(), k -> new LinkedHashModel());
            }
        }
        if (records.isEmpty()) {
            throw ApiException.badRequest(
                    "No record",
                    "The body describes no record: give each record an rdf:type of a record class (chm:Treaty,"
                            + " chm:Meeting, chm:Decision, chm:NationalReport, chm:FocalPoint, chm:Document,"
                            + " chm:Organization), for example <> a chm:FocalPoint.",
                    Map.of());
        }
        for (Statement st : body) {
            IRI owner = ownerOf(st.getSubject(), records)
                    .orElseThrow(() -> ApiException.badRequest(
                            "Statement outside the records",
                            "The body says something about " + describe(st.getSubject())
                                    + ", which is none of its records " + records.keySet()
                                    + " nor one of their nested resources (record IRI + #fragment).",
                            Map.of("subject", st.getSubject().stringValue())));
            records.get(owner).add(st.getSubject(), st.getPredicate(), st.getObject());
        }
        return records;
    }

    private static String describe(Resource subject) {
        return subject.isIRI() ? "<" + subject.stringValue() + ">" : "a blank node";
    }

    private static Optional<IRI> ownerOf(Resource subject, Map<IRI, Model> records) {
        IRI owner = RecordIris.ownerOf(subject);
        return owner != null && records.containsKey(owner) ? Optional.of(owner) : Optional.empty();
    }
}
