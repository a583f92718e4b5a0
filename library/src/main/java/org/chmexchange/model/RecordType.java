package org.chmexchange.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * The record types of MODEL.md ("Record types"): each with its slug (the IRI path segment) and
 * its RDF class.
 *
 * <p>Record IRIs are minted by the node that publishes them as
 * {@code {base}records/{slug}/{id}}, for example
 * {@code http://localhost:8080/records/decision/cbd-decision-15-4}:
 *
 * <pre>{@code
 * IRI iri = RecordType.DECISION.mint("http://localhost:8080/", "cbd-decision-15-4");
 * }</pre>
 *
 * <p>Thread-safety: immutable constants.
 */
public enum RecordType {
    TREATY("treaty", CHM.Treaty),
    MEETING("meeting", CHM.Meeting),
    DECISION("decision", CHM.Decision),
    NATIONAL_REPORT("national-report", CHM.NationalReport),
    NATIONAL_TARGET("national-target", CHM.NationalTarget),
    FOCAL_POINT("focal-point", CHM.FocalPoint),
    DOCUMENT("document", CHM.Document),
    ORGANIZATION("organization", CHM.Organization),
    SITE("site", CHM.Site);

    /** What a record id may contain: RFC 3986 unreserved characters, so it needs no escaping. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._~-]+");

    private final String slug;
    private final IRI rdfClass;

    RecordType(String slug, IRI rdfClass) {
        this.slug = slug;
        this.rdfClass = rdfClass;
    }

    /** The IRI path segment of this type: {@code treaty}, {@code national-report}, ... */
    public String slug() {
        return slug;
    }

    /** The RDF class of this type: {@code chm:Treaty}, ... */
    public IRI rdfClass() {
        return rdfClass;
    }

    /**
     * The IRI of the record {@code id} of this type on the node at {@code base}.
     *
     * @param base the node's base IRI, ending with {@code /}; not null
     * @param id the record id, matching {@link #ID}; not null
     * @return {@code base + "records/" + slug + "/" + id}
     * @throws IllegalArgumentException if {@code base} does not end with {@code /} or {@code id}
     *     does not match {@link #ID}
     */
    public IRI mint(String base, String id) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(id, "id");
        if (!base.endsWith("/")) {
            throw new IllegalArgumentException("Base IRI must end with '/': " + base);
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Record id must match " + ID + ": '" + id + "'");
        }
        return Values.iri(base + "records/" + slug + "/" + id);
    }

    /** The type with this slug, if any ({@code "focal-point"} gives {@link #FOCAL_POINT}). */
    public static Optional<RecordType> fromSlug(String slug) {
        for (RecordType type : values()) {
            if (type.slug.equals(slug)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type whose RDF class is {@code rdfClass}, if any. */
    public static Optional<RecordType> fromClass(IRI rdfClass) {
        for (RecordType type : values()) {
            if (type.rdfClass.equals(rdfClass)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
