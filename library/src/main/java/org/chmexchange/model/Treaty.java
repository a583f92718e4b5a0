package org.chmexchange.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A treaty ({@code chm:Treaty}, MODEL.md "Treaty"): a convention or protocol, with its own concept
 * in {@code chmt:treaties}.
 *
 * <pre>{@code
 * Treaty cbd = Treaty.builder(common, ChmThesaurus.treaty("cbd"))
 *         .acronym("CBD").adopted(LocalDate.of(1992, 5, 22)).build();
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 *
 * @param common the properties every record has; its title must not be empty
 * @param treaty {@code chm:treaty}, the treaty's own concept; not null
 * @param acronym {@code chm:acronym}; null when absent
 * @param parentTreaty {@code chm:parentTreaty}, the concept of the treaty this one belongs to (a
 *     protocol's convention); null when absent
 * @param adopted {@code chm:adoptionDate}; null when absent
 * @param openedForSignature {@code chm:openedForSignature}; null when absent
 * @param entryIntoForce {@code chm:entryIntoForce}; null when absent
 * @param placeOfAdoption {@code chm:placeOfAdoption}; null when absent
 * @param secretariatSeat {@code chm:secretariatSeat}; null when absent
 * @param untcReference {@code chm:untcReference}; null when absent
 */
public record Treaty(
        Common common,
        IRI treaty,
        String acronym,
        IRI parentTreaty,
        LocalDate adopted,
        LocalDate openedForSignature,
        LocalDate entryIntoForce,
        String placeOfAdoption,
        String secretariatSeat,
        String untcReference)
        implements Record {

    /**
     * @throws NullPointerException if {@code common} or {@code treaty} is {@code null}
     * @throws IllegalArgumentException if the title is empty
     */
    public Treaty {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(treaty, "treaty");
        Check.titled(common.title(), "Treaty " + common.iri());
    }

    /** A builder with the required values. */
    public static Builder builder(Common common, IRI treaty) {
        return new Builder(common, treaty);
    }

    @Override
    public RecordType type() {
        return RecordType.TREATY;
    }

    @Override
    public Set<IRI> treaties() {
        return Set.of(treaty);
    }

    @Override
    public Treaty withCommon(Common newCommon) {
        return new Treaty(
                newCommon,
                treaty,
                acronym,
                parentTreaty,
                adopted,
                openedForSignature,
                entryIntoForce,
                placeOfAdoption,
                secretariatSeat,
                untcReference);
    }

    /** Builds a {@link Treaty}; optional values default to {@code null}. */
    public static final class Builder {

        private final Common common;
        private final IRI treaty;
        private String acronym;
        private IRI parentTreaty;
        private LocalDate adopted;
        private LocalDate openedForSignature;
        private LocalDate entryIntoForce;
        private String placeOfAdoption;
        private String secretariatSeat;
        private String untcReference;

        private Builder(Common common, IRI treaty) {
            this.common = common;
            this.treaty = treaty;
        }

        public Builder acronym(String value) {
            this.acronym = value;
            return this;
        }

        public Builder parentTreaty(IRI value) {
            this.parentTreaty = value;
            return this;
        }

        public Builder adopted(LocalDate value) {
            this.adopted = value;
            return this;
        }

        public Builder openedForSignature(LocalDate value) {
            this.openedForSignature = value;
            return this;
        }

        public Builder entryIntoForce(LocalDate value) {
            this.entryIntoForce = value;
            return this;
        }

        public Builder placeOfAdoption(String value) {
            this.placeOfAdoption = value;
            return this;
        }

        public Builder secretariatSeat(String value) {
            this.secretariatSeat = value;
            return this;
        }

        public Builder untcReference(String value) {
            this.untcReference = value;
            return this;
        }

        /** @throws NullPointerException or IllegalArgumentException as the {@link Treaty} constructor */
        public Treaty build() {
            return new Treaty(
                    common,
                    treaty,
                    acronym,
                    parentTreaty,
                    adopted,
                    openedForSignature,
                    entryIntoForce,
                    placeOfAdoption,
                    secretariatSeat,
                    untcReference);
        }
    }
}
