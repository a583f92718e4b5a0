package org.chmexchange.rdf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.chmexchange.model.Record;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * Maps typed {@link Record}s to RDF and back, following MODEL.md ("Properties"), losslessly:
 * language tags, datatypes ({@code xsd:date}, {@code xsd:dateTime}, {@code xsd:integer},
 * {@code xsd:language}) and nested files as {@code {record}#file-N} IRIs (never blank nodes) all
 * survive {@code fromRdf(toRdf(r)).equals(r)}, and {@code toRdf(fromRdf(m, iri))} is isomorphic
 * to the record's triples in {@code m}.
 *
 * <p>What belongs to a record (MODEL.md, "Namespaces"): the triples whose subject is the record
 * IRI or a nested resource {@code {record}#...} reached from it. {@link #fromRdf} reads the
 * properties of MODEL.md and ignores any other triple (provenance stamps, labels, ...). It is strict
 * about what it reads: a missing required property, a second value where at most one is allowed,
 * a literal where an IRI is expected, a string with a language tag where a plain string is
 * expected, or a blank-node file each throw a {@link RecordMappingException} naming the record and
 * the property.
 *
 * <pre>{@code
 * Model model = RecordMapper.toRdf(decision);
 * Record again = RecordMapper.fromRdf(model, decision.iri());   // equals(decision)
 * for (Record r : RecordMapper.allFromRdf(harvested)) { ... }
 * }</pre>
 *
 * <p>Thread-safety: stateless; safe from any thread. Models passed in must not be modified
 * concurrently.
 */
public final class RecordMapper {

    private RecordMapper() {}

    /**
     * The triples of one record, with the {@link Prefixes#ALL} namespaces set.
     *
     * @param record not null
     * @return a new, mutable model the caller owns
     */
    public static Model toRdf(Record record) {
        return toRdf(List.of(Objects.requireNonNull(record, "record")));
    }

    /**
     * The triples of several records in one model, with the {@link Prefixes#ALL} namespaces set.
     *
     * @param records not null, no null element
     * @return a new, mutable model the caller owns
     */
    public static Model toRdf(Collection<? extends Record> records) {
        Model model = new LinkedHashModel();
        for (Namespace ns : Prefixes.ALL) {
            model.setNamespace(ns);
        }
        RecordToRdf writer = new RecordToRdf(model);
        for (Record record : records) {
            writer.add(Objects.requireNonNull(record, "records contains null"));
        }
        return model;
    }

    /**
     * The typed record {@code iri} in {@code model}; its type is its record class
     * ({@code rdf:type chm:Decision} gives a {@link org.chmexchange.model.Decision}).
     *
     * @param model the RDF to read; not null; statements of other subjects are ignored
     * @param iri the record IRI; not null
     * @return the record, never null
     * @throws RecordMappingException if the model has no statement about {@code iri}, the subject
     *     has no or several record classes, or a property of MODEL.md is missing, repeated beyond
     *     its cardinality or of the wrong kind
     */
    public static Record fromRdf(Model model, IRI iri) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(iri, "iri");
        return new RdfToRecord(model, iri).read();
    }

    /**
     * Every record of {@code model}, in the order of {@link #recordSubjects(Model)}.
     *
     * @throws RecordMappingException at the first subject that cannot be mapped, including a blank
     *     node typed with a record class; map {@link #recordSubjects} one by one to skip bad ones
     */
    public static List<Record> allFromRdf(Model model) {
        List<Record> records = new ArrayList<>();
        for (IRI iri : recordSubjects(model)) {
            records.add(fromRdf(model, iri));
        }
        return records;
    }

    /**
     * The subjects of {@code model} typed with a record class ({@code chm:Treaty}, ...), in IRI
     * order.
     *
     * @throws RecordMappingException if a blank node is typed with a record class (records have
     *     IRIs)
     */
    public static List<IRI> recordSubjects(Model model) {
        List<IRI> subjects = new ArrayList<>();
        for (Statement st : model.getStatements(null, RDF.TYPE, null)) {
            if (st.getObject().isIRI() && RdfToRecord.RECORD_CLASSES.contains((IRI) st.getObject())) {
                Resource subject = st.getSubject();
                if (!subject.isIRI()) {
                    throw new RecordMappingException(subject, "a record must be an IRI, not a blank node");
                }
                if (!subjects.contains(subject)) {
                    subjects.add((IRI) subject);
                }
            }
        }
        subjects.sort(Comparator.comparing(IRI::stringValue));
        return subjects;
    }
}
