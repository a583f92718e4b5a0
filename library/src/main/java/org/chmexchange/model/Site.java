package org.chmexchange.model;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/**
 * A designated site ({@code chm:Site}, MODEL.md "Site"): a Wetland of International Importance
 * under the Ramsar Convention or a World Heritage property, with where it lies. Its name is the
 * title of {@link #common()}. InforMEA's {@code Sites} entity set (INCUMBENTS.md part B 1.2: {@code
 * id, type (whc|ramsar), country, treaty, name, url, latitude, longitude, updated}) maps to it; the
 * {@code type} is the treaty.
 *
 * <p>Thread-safety: immutable.
 *
 * @param common the properties every record has; its title (the site's name) must not be empty
 * @param treaty {@code chm:treaty}, the treaty the site is designated under; not null
 * @param countries {@code chm:country}, the countries the site lies in (more than one for a
 *     transboundary site); at least one
 * @param latitude {@code schema:latitude}, WGS 84 decimal degrees from -90 to 90; null when unknown
 * @param longitude {@code schema:longitude}, WGS 84 decimal degrees from -180 to 180; null when
 *     unknown
 */
public record Site(Common common, IRI treaty, Set<IRI> countries, Double latitude, Double longitude) implements Record {

    /**
     * @throws NullPointerException if {@code common} or {@code treaty} is {@code null}, or {@code
     *     countries} contains {@code null}
     * @throws IllegalArgumentException if the title or {@code countries} is empty, or a coordinate
     *     is out of range or not a number
     */
    public Site {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(treaty, "treaty");
        countries = Check.nonEmptyIris(countries, "countries");
        Check.titled(common.title(), "Site " + common.iri());
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException(
                    "Site " + common.iri() + ": latitude must be from -90 to 90: " + latitude);
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException(
                    "Site " + common.iri() + ": longitude must be from -180 to 180: " + longitude);
        }
    }

    /** The site with these values; {@code countries} is copied. */
    public static Site of(Common common, IRI treaty, Collection<IRI> countries, Double latitude, Double longitude) {
        return new Site(common, treaty, Check.set(countries), latitude, longitude);
    }

    @Override
    public RecordType type() {
        return RecordType.SITE;
    }

    @Override
    public Set<IRI> treaties() {
        return Set.of(treaty);
    }

    @Override
    public Site withCommon(Common newCommon) {
        return new Site(newCommon, treaty, countries, latitude, longitude);
    }
}
