package org.chmexchange.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A decision, resolution or recommendation ({@code chm:Decision}, MODEL.md "Decision") of a treaty
 * body.
 *
 * <pre>{@code
 * Decision d = new Decision(common, ChmThesaurus.treaty("cbd"),
 *         ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, "decision"), meetingIri, LocalDate.of(2022, 12, 19));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param common the properties every record has; title or summary must not both be empty
 * @param treaty {@code chm:treaty}; not null
 * @param decisionType {@code chm:decisionType}, a concept of {@code chmt:decision-types}; not null
 * @param meeting {@code chm:meeting}, the IRI of the meeting that adopted it; null when absent
 * @param adopted {@code chm:adoptionDate}; null when absent
 */
public record Decision(Common common, IRI treaty, IRI decisionType, IRI meeting, LocalDate adopted) implements Record {

    /**
     * @throws NullPointerException if {@code common}, {@code treaty} or {@code decisionType} is
     *     {@code null}
     * @throws IllegalArgumentException if both title and summary are empty
     */
    public Decision {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(treaty, "treaty");
        Objects.requireNonNull(decisionType, "decisionType");
        Check.titledOrSummarised(common, "Decision " + common.iri());
    }

    @Override
    public RecordType type() {
        return RecordType.DECISION;
    }

    @Override
    public Set<IRI> treaties() {
        return Set.of(treaty);
    }

    @Override
    public Decision withCommon(Common newCommon) {
        return new Decision(newCommon, treaty, decisionType, meeting, adopted);
    }
}
