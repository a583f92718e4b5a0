package org.chmexchange.jena;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.jena.rdf.model.Model;
import org.chmexchange.model.Record;
import org.chmexchange.rdf.RecordMapper;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Typed records ({@link Record}: Decision, NationalReport, FocalPoint, Meeting, Document, ...) to and
 * from a Jena {@code Model}, by the library's one mapping ({@link RecordMapper}) and a lossless
 * conversion ({@link JenaModels}): a record written here and read back with RDF4J is the same record,
 * and the reverse.
 *
 * <p>Thread-safety: stateless.
 */
public final class JenaRecords {

    private JenaRecords() {}

    /** A record as a new Jena model, with the project's prefixes. */
    public static Model toJena(Record record) {
        return JenaModels.toJena(RecordMapper.toRdf(Objects.requireNonNull(record, "record")));
    }

    /** Several records as one new Jena model. */
    public static Model toJena(Collection<? extends Record> records) {
        return JenaModels.toJena(RecordMapper.toRdf(Objects.requireNonNull(records, "records")));
    }

    /**
     * The record {@code iri} of a Jena model.
     *
     * @throws org.chmexchange.rdf.RecordMappingException if the model has no such record or it does
     *     not map (a missing record class, a value of the wrong kind); the message says which
     */
    public static Record fromJena(Model model, String iri) {
        return RecordMapper.fromRdf(JenaModels.toRdf4j(model), Values.iri(Objects.requireNonNull(iri, "iri")));
    }

    /** Every record of a Jena model, in the order of {@link RecordMapper#allFromRdf}. */
    public static List<Record> allFromJena(Model model) {
        return RecordMapper.allFromRdf(JenaModels.toRdf4j(model));
    }
}
