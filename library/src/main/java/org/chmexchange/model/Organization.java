package org.chmexchange.model;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * An organisation ({@code chm:Organization}, MODEL.md "Organization"): a secretariat, agency or
 * other body.
 *
 * <p>Thread-safety: immutable.
 *
 * @param common the properties every record has; its title must not be empty
 * @param acronym {@code chm:acronym}; null when absent
 * @param country {@code chm:country}, a country concept; null when absent
 * @param homepage {@code foaf:homepage}; null when absent
 * @param emails {@code vcard:hasEmail}, {@code mailto:} IRIs; never null
 * @param treaties {@code chm:treaty}, any number; never null
 */
public record Organization(Common common, String acronym, IRI country, IRI homepage, Set<IRI> emails, Set<IRI> treaties)
        implements Record {

    /**
     * @throws NullPointerException if {@code common} is {@code null} or a collection contains
     *     {@code null}
     * @throws IllegalArgumentException if the title is empty or an email is not a {@code mailto:}
     *     IRI
     */
    public Organization {
        Objects.requireNonNull(common, "common");
        Check.titled(common.title(), "Organization " + common.iri());
        emails = Check.schemeIris(emails, "mailto:", "emails");
        treaties = Check.iris(treaties, "treaties");
    }

    /** The organisation with these values; collections may be any collection or {@code null}. */
    public static Organization of(
            Common common,
            String acronym,
            IRI country,
            IRI homepage,
            Collection<IRI> emails,
            Collection<IRI> treaties) {
        return new Organization(common, acronym, country, homepage, Check.set(emails), Check.set(treaties));
    }

    @Override
    public RecordType type() {
        return RecordType.ORGANIZATION;
    }

    @Override
    public Organization withCommon(Common newCommon) {
        return new Organization(newCommon, acronym, country, homepage, emails, treaties);
    }
}
