package org.chmexchange.model;

import java.util.Arrays;
import java.util.Optional;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/** PROVISIONAL (replaced by the records branch): record types, their slugs and classes. */
public enum RecordType {
    TREATY("treaty", CHM.Treaty),
    MEETING("meeting", CHM.Meeting),
    DECISION("decision", CHM.Decision),
    NATIONAL_REPORT("national-report", CHM.NationalReport),
    FOCAL_POINT("focal-point", CHM.FocalPoint),
    DOCUMENT("document", CHM.Document),
    ORGANIZATION("organization", CHM.Organization);

    private final String slug;
    private final IRI rdfClass;

    RecordType(String slug, IRI rdfClass) {
        this.slug = slug;
        this.rdfClass = rdfClass;
    }

    public String slug() {
        return slug;
    }

    public IRI rdfClass() {
        return rdfClass;
    }

    public IRI mint(String base, String id) {
        return Values.iri(base + "records/" + slug + "/" + id);
    }

    public static Optional<RecordType> fromSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    public static Optional<RecordType> fromClass(IRI rdfClass) {
        return Arrays.stream(values()).filter(t -> t.rdfClass.equals(rdfClass)).findFirst();
    }
}
