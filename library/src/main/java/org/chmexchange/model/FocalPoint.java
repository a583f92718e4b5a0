package org.chmexchange.model;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A focal point ({@code chm:FocalPoint}, MODEL.md "FocalPoint"): a person or organisation holding
 * one or more focal-point roles for treaties in a country.
 *
 * <pre>{@code
 * FocalPoint fp = FocalPoint.builder(common, List.of(ChmThesaurus.treaty("cbd")), ChmThesaurus.country("fr"),
 *                 List.of(ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "CBD-FP1")),
 *                 FocalPoint.ContactKind.PERSON, "Dr. Ada Example")
 *         .prefix("Dr.").firstName("Ada").lastName("Example")
 *         .emails(List.of(Values.iri("mailto:ada@example.org"))).build();
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 *
 * @param common the properties every record has (a focal point needs no title)
 * @param treaties {@code chm:treaty}, at least one
 * @param country {@code chm:country}; not null
 * @param categories {@code chm:focalPointCategory}, concepts of {@code chmt:focal-point-categories},
 *     at least one
 * @param contactKind {@code chm:contactKind}; not null
 * @param name {@code vcard:fn}, the full name; not null or blank
 * @param prefix {@code vcard:honorific-prefix}; null when absent
 * @param firstName {@code vcard:given-name}; null when absent
 * @param lastName {@code vcard:family-name}; null when absent
 * @param designation {@code vcard:title}, the job title; never null, may be empty
 * @param organization {@code vcard:organization-name}; never null, may be empty
 * @param emails {@code vcard:hasEmail}, {@code mailto:} IRIs; never null
 * @param phones {@code vcard:hasTelephone}, {@code tel:} IRIs; never null
 */
public record FocalPoint(
        Common common,
        Set<IRI> treaties,
        IRI country,
        Set<IRI> categories,
        ContactKind contactKind,
        String name,
        String prefix,
        String firstName,
        String lastName,
        LangText designation,
        LangText organization,
        Set<IRI> emails,
        Set<IRI> phones)
        implements Record {

    /**
     * @throws NullPointerException if a required value is {@code null} or a collection contains
     *     {@code null}
     * @throws IllegalArgumentException if {@code treaties} or {@code categories} is empty,
     *     {@code name} is blank, an email is not {@code mailto:} or a phone not {@code tel:}
     */
    public FocalPoint {
        Objects.requireNonNull(common, "common");
        treaties = Check.nonEmptyIris(treaties, "treaties");
        Objects.requireNonNull(country, "country");
        categories = Check.nonEmptyIris(categories, "categories");
        Objects.requireNonNull(contactKind, "contactKind");
        Check.nonBlank(name, "name");
        designation = Check.text(designation);
        organization = Check.text(organization);
        emails = Check.schemeIris(emails, "mailto:", "emails");
        phones = Check.schemeIris(phones, "tel:", "phones");
    }

    /** A builder with the required values. */
    public static Builder builder(
            Common common,
            Collection<IRI> treaties,
            IRI country,
            Collection<IRI> categories,
            ContactKind contactKind,
            String name) {
        return new Builder(common, treaties, country, categories, contactKind, name);
    }

    @Override
    public RecordType type() {
        return RecordType.FOCAL_POINT;
    }

    @Override
    public FocalPoint withCommon(Common newCommon) {
        return new FocalPoint(
                newCommon,
                treaties,
                country,
                categories,
                contactKind,
                name,
                prefix,
                firstName,
                lastName,
                designation,
                organization,
                emails,
                phones);
    }

    /** {@code chm:contactKind}: whether the focal point is a person or an organisation. */
    public enum ContactKind {
        PERSON("person"),
        ORGANIZATION("organization");

        private final String value;

        ContactKind(String value) {
            this.value = value;
        }

        /** The literal in RDF and JSON: {@code "person"} or {@code "organization"}. */
        public String value() {
            return value;
        }

        /** The kind whose {@link #value()} is {@code value}, if any. */
        public static Optional<ContactKind> fromValue(String value) {
            for (ContactKind kind : values()) {
                if (kind.value.equals(value)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** Builds a {@link FocalPoint}; optional values default to {@code null} or empty. */
    public static final class Builder {

        private final Common common;
        private final Collection<IRI> treaties;
        private final IRI country;
        private final Collection<IRI> categories;
        private final ContactKind contactKind;
        private final String name;
        private String prefix;
        private String firstName;
        private String lastName;
        private LangText designation;
        private LangText organization;
        private Collection<IRI> emails;
        private Collection<IRI> phones;

        private Builder(
                Common common,
                Collection<IRI> treaties,
                IRI country,
                Collection<IRI> categories,
                ContactKind contactKind,
                String name) {
            this.common = common;
            this.treaties = treaties;
            this.country = country;
            this.categories = categories;
            this.contactKind = contactKind;
            this.name = name;
        }

        public Builder prefix(String value) {
            this.prefix = value;
            return this;
        }

        public Builder firstName(String value) {
            this.firstName = value;
            return this;
        }

        public Builder lastName(String value) {
            this.lastName = value;
            return this;
        }

        public Builder designation(LangText value) {
            this.designation = value;
            return this;
        }

        public Builder organization(LangText value) {
            this.organization = value;
            return this;
        }

        public Builder emails(Collection<IRI> value) {
            this.emails = value;
            return this;
        }

        public Builder phones(Collection<IRI> value) {
            this.phones = value;
            return this;
        }

        /** @throws NullPointerException or IllegalArgumentException as the {@link FocalPoint} constructor */
        public FocalPoint build() {
            return new FocalPoint(
                    common,
                    Check.set(treaties),
                    country,
                    Check.set(categories),
                    contactKind,
                    name,
                    prefix,
                    firstName,
                    lastName,
                    designation,
                    organization,
                    Check.set(emails),
                    Check.set(phones));
        }
    }
}
