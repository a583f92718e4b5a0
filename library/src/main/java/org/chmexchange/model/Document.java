package org.chmexchange.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A meeting document or information document ({@code chm:Document}, MODEL.md "Document").
 *
 * <p>Thread-safety: immutable.
 *
 * @param common the properties every record has; title or summary must not both be empty
 * @param treaty {@code chm:treaty}; not null
 * @param documentType {@code chm:documentType}, a concept of {@code chmt:document-types}; null
 *     when absent
 * @param meeting {@code chm:meeting}, the IRI of the meeting; null when absent
 * @param published {@code dcterms:issued}; null when absent
 */
public record Document(Common common, IRI treaty, IRI documentType, IRI meeting, LocalDate published)
        implements Record {

    /**
     * @throws NullPointerException if {@code common} or {@code treaty} is {@code null}
     * @throws IllegalArgumentException if both title and summary are empty
     */
    public Document {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(treaty, "treaty");
        Check.titledOrSummarised(common, "Document " + common.iri());
    }

    @Override
    public RecordType type() {
        return RecordType.DOCUMENT;
    }

    @Override
    public Set<IRI> treaties() {
        return Set.of(treaty);
    }

    @Override
    public Document withCommon(Common newCommon) {
        return new Document(newCommon, treaty, documentType, meeting, published);
    }
}
