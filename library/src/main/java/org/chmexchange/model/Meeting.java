package org.chmexchange.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A meeting ({@code chm:Meeting}, MODEL.md "Meeting"): a session of a treaty body such as a COP or
 * SBSTTA.
 *
 * <pre>{@code
 * Meeting cop15 = Meeting.builder(common, ChmThesaurus.treaty("cbd"), LocalDate.of(2022, 12, 7))
 *         .body("COP").session(15).part(2).city("Montreal").country(ChmThesaurus.country("ca"))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 *
 * @param common the properties every record has; its title must not be empty
 * @param treaty {@code chm:treaty}; not null
 * @param body {@code chm:body} (COP, SBSTTA, Plenary...); null when absent
 * @param session {@code chm:session}, the session number; null when absent
 * @param part {@code chm:part}, the part of a resumed session; null when absent
 * @param startDate {@code schema:startDate}; not null
 * @param endDate {@code schema:endDate}; null when absent
 * @param city {@code chm:city}; null when absent
 * @param country {@code chm:country}, the host-country concept; null when absent
 */
public record Meeting(
        Common common,
        IRI treaty,
        String body,
        Integer session,
        Integer part,
        LocalDate startDate,
        LocalDate endDate,
        String city,
        IRI country)
        implements Record {

    /**
     * @throws NullPointerException if {@code common}, {@code treaty} or {@code startDate} is
     *     {@code null}
     * @throws IllegalArgumentException if the title is empty
     */
    public Meeting {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(treaty, "treaty");
        Objects.requireNonNull(startDate, "startDate");
        Check.titled(common.title(), "Meeting " + common.iri());
    }

    /** A builder with the required values. */
    public static Builder builder(Common common, IRI treaty, LocalDate startDate) {
        return new Builder(common, treaty, startDate);
    }

    @Override
    public RecordType type() {
        return RecordType.MEETING;
    }

    @Override
    public Set<IRI> treaties() {
        return Set.of(treaty);
    }

    @Override
    public Meeting withCommon(Common newCommon) {
        return new Meeting(newCommon, treaty, body, session, part, startDate, endDate, city, country);
    }

    /** Builds a {@link Meeting}; optional values default to {@code null}. */
    public static final class Builder {

        private final Common common;
        private final IRI treaty;
        private final LocalDate startDate;
        private String body;
        private Integer session;
        private Integer part;
        private LocalDate endDate;
        private String city;
        private IRI country;

        private Builder(Common common, IRI treaty, LocalDate startDate) {
            this.common = common;
            this.treaty = treaty;
            this.startDate = startDate;
        }

        public Builder body(String value) {
            this.body = value;
            return this;
        }

        public Builder session(Integer value) {
            this.session = value;
            return this;
        }

        public Builder part(Integer value) {
            this.part = value;
            return this;
        }

        public Builder endDate(LocalDate value) {
            this.endDate = value;
            return this;
        }

        public Builder city(String value) {
            this.city = value;
            return this;
        }

        public Builder country(IRI value) {
            this.country = value;
            return this;
        }

        /** @throws NullPointerException or IllegalArgumentException as the {@link Meeting} constructor */
        public Meeting build() {
            return new Meeting(common, treaty, body, session, part, startDate, endDate, city, country);
        }
    }
}
