package org.chmexchange.node.http;

import java.util.Map;
import org.chmexchange.admission.Batch;
import org.chmexchange.admission.RecordSplitter;
import org.chmexchange.admission.Rejection;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;

/**
 * The records a request body describes, by the one membership rule of {@link RecordIris}: a record
 * is an IRI subject typed with a record class; its statements are those whose subject is the record
 * IRI up to its first {@code #} (the record or its nested resources). Every statement of a body must belong to one of its
 * records; graph names in the body are dropped (the node decides the graph).
 */
final class BodyRecords {

    private BodyRecords() {}

    /**
     * Splits {@code body} into its records with the pipeline's {@link RecordSplitter}.
     *
     * @throws ApiException 400 if the body describes no record, a record is a blank node or has two
     *     record classes, or a statement belongs to no record of the body
     */
    static Batch split(Model body) {
        Batch batch = new RecordSplitter().addAll(body).batch();
        if (!batch.rejections().isEmpty()) {
            Rejection r = batch.rejections().get(0);
            throw ApiException.badRequest("Not a record", r.reason() + ".", Map.of());
        }
        if (batch.records().isEmpty()) {
            throw ApiException.badRequest(
                    "No record",
                    "The body describes no record: give each record an rdf:type of a record class (chm:Treaty,"
                            + " chm:Meeting, chm:Decision, chm:NationalReport, chm:FocalPoint, chm:Document,"
                            + " chm:Organization), for example <> a chm:FocalPoint.",
                    Map.of());
        }
        if (batch.dropped() > 0) {
            Resource subject = batch.firstDropped();
            throw ApiException.badRequest(
                    "Statement outside the records",
                    "The body says something about " + describe(subject) + ", which is none of its records "
                            + batch.records().keySet() + " nor one of their nested resources (record IRI +"
                            + " #fragment).",
                    Map.of("subject", subject.stringValue()));
        }
        return batch;
    }

    private static String describe(Resource subject) {
        return subject.isIRI() ? "<" + subject.stringValue() + ">" : "a blank node";
    }
}
