package org.chmexchange.model;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A national report, NBSAP or national plan ({@code chm:NationalReport}, MODEL.md
 * "NationalReport") submitted by a country under one or more treaties.
 *
 * <pre>{@code
 * NationalReport nr = NationalReport.builder(common, List.of(ChmThesaurus.treaty("cbd")),
 *                 ChmThesaurus.country("fr"), ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "national-report-7"))
 *         .submitted(LocalDate.of(2026, 2, 28)).build();
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 *
 * @param common the properties every record has; its title must not be empty
 * @param treaties {@code chm:treaty}, at least one
 * @param country {@code chm:country}, the reporting country's concept; not null
 * @param reportType {@code chm:reportType}, a concept of {@code chmt:report-types}; not null
 * @param submitted {@code dcterms:dateSubmitted}; null when absent
 * @param published {@code dcterms:issued}; null when absent
 * @param startDate {@code schema:startDate}, start of the period covered; null when absent
 * @param endDate {@code schema:endDate}, end of the period covered; null when absent
 */
public record NationalReport(
        Common common,
        Set<IRI> treaties,
        IRI country,
        IRI reportType,
        LocalDate submitted,
        LocalDate published,
        LocalDate startDate,
        LocalDate endDate)
        implements Record {

    /**
     * @throws NullPointerException if {@code common}, {@code country} or {@code reportType} is
     *     {@code null}, or {@code treaties} contains {@code null}
     * @throws IllegalArgumentException if {@code treaties} or the title is empty
     */
    public NationalReport {
        Objects.requireNonNull(common, "common");
        treaties = Check.nonEmptyIris(treaties, "treaties");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(reportType, "reportType");
        Check.titled(common.title(), "NationalReport " + common.iri());
    }

    /** A builder with the required values. */
    public static Builder builder(Common common, Collection<IRI> treaties, IRI country, IRI reportType) {
        return new Builder(common, treaties, country, reportType);
    }

    @Override
    public RecordType type() {
        return RecordType.NATIONAL_REPORT;
    }

    @Override
    public NationalReport withCommon(Common newCommon) {
        return new NationalReport(newCommon, treaties, country, reportType, submitted, published, startDate, endDate);
    }

    /** Builds a {@link NationalReport}; optional values default to {@code null}. */
    public static final class Builder {

        private final Common common;
        private final Collection<IRI> treaties;
        private final IRI country;
        private final IRI reportType;
        private LocalDate submitted;
        private LocalDate published;
        private LocalDate startDate;
        private LocalDate endDate;

        private Builder(Common common, Collection<IRI> treaties, IRI country, IRI reportType) {
            this.common = common;
            this.treaties = treaties;
            this.country = country;
            this.reportType = reportType;
        }

        public Builder submitted(LocalDate value) {
            this.submitted = value;
            return this;
        }

        public Builder published(LocalDate value) {
            this.published = value;
            return this;
        }

        /** The period covered: {@code schema:startDate} and {@code schema:endDate}, each nullable. */
        public Builder period(LocalDate start, LocalDate end) {
            this.startDate = start;
            this.endDate = end;
            return this;
        }

        /** @throws NullPointerException or IllegalArgumentException as the {@link NationalReport} constructor */
        public NationalReport build() {
            return new NationalReport(
                    common, Check.set(treaties), country, reportType, submitted, published, startDate, endDate);
        }
    }
}
