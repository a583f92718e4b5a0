package org.chmexchange.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A record of the common format: one of the eight record types of MODEL.md. The accessors here are
 * the properties every record has; they read {@link #common()}. Each type adds its own.
 *
 * <p>Nullability: {@link #modified()}, {@link #status()}, {@link #cbdIdentifier()} and
 * {@link #informeaId()} return {@code null} when absent; every other accessor is non-null.
 *
 * <pre>{@code
 * Record record = RecordMapper.fromRdf(model, iri);
 * if (record instanceof Decision decision) {
 *     System.out.println(decision.identifier() + " " + decision.title().best("fr").orElse(""));
 * }
 * }</pre>
 *
 * <p>Thread-safety: every implementation is an immutable Java record.
 */
public sealed interface Record
        permits Treaty, Meeting, Decision, NationalReport, NationalTarget, FocalPoint, Document, Organization, Site {

    /** The properties every record has. */
    Common common();

    /** The type of this record, fixed by its Java class. */
    RecordType type();

    /**
     * {@code chm:treaty}: the treaties this record belongs to. One treaty for a treaty, meeting,
     * decision and document; one or more for a national report and a focal point; any number for
     * an organisation.
     */
    Set<IRI> treaties();

    /** A copy of this record with {@code common} instead of its common properties. */
    Record withCommon(Common common);

    /** The record IRI. */
    default IRI iri() {
        return common().iri();
    }

    /** {@code dcterms:identifier}. */
    default String identifier() {
        return common().identifier();
    }

    /** {@code dcterms:title}; possibly empty. */
    default LangText title() {
        return common().title();
    }

    /** {@code dcterms:description}; possibly empty. */
    default LangText summary() {
        return common().summary();
    }

    /** {@code dcterms:modified}; null when absent. */
    default Instant modified() {
        return common().modified();
    }

    /** {@code dcterms:subject}. */
    default Set<IRI> concepts() {
        return common().concepts();
    }

    /** {@code chm:status}; null when absent. */
    default IRI status() {
        return common().status();
    }

    /** {@code chm:file}, in IRI order. */
    default List<FileRef> files() {
        return common().files();
    }

    /** {@code chm:cites}. */
    default Set<IRI> cites() {
        return common().cites();
    }

    /** {@code chm:cbdIdentifier}; null when absent. */
    default String cbdIdentifier() {
        return common().cbdIdentifier();
    }

    /** {@code chm:informeaId}; null when absent. */
    default String informeaId() {
        return common().informeaId();
    }
}
