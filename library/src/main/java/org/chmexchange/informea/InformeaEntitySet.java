package org.chmexchange.informea;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chmexchange.model.RecordType;

/**
 * The entity sets of the InforMEA OData API (INCUMBENTS.md part B 1.2) that map to records, with the
 * navigation properties the InforMEA harvester expands (part B 1.3).
 *
 * <p>Thread-safety: immutable constants.
 */
public enum InformeaEntitySet {
    /** {@code Decisions} to {@code chm:Decision}. */
    DECISIONS(
            "Decisions",
            "Decision",
            RecordType.DECISION,
            List.of("title", "longTitle", "summary", "content", "keywords", "files")),
    /** {@code Meetings} to {@code chm:Meeting}. */
    MEETINGS("Meetings", "Meeting", RecordType.MEETING, List.of("title", "description")),
    /** {@code Contacts} (national focal points) to {@code chm:FocalPoint}. */
    CONTACTS("Contacts", "Contact", RecordType.FOCAL_POINT, List.of("treaties")),
    /** {@code CountryReports} (national reports) to {@code chm:NationalReport}. */
    COUNTRY_REPORTS("CountryReports", "CountryReport", RecordType.NATIONAL_REPORT, List.of("title", "files")),
    /** {@code NationalPlans} (NBSAPs, NIPs, NAPAs) to {@code chm:NationalReport} of the plan's type. */
    NATIONAL_PLANS("NationalPlans", "NationalPlan", RecordType.NATIONAL_REPORT, List.of("title", "files")),
    /** {@code Sites} (Ramsar and World Heritage sites) to {@code chm:Site}. */
    SITES("Sites", "Site", RecordType.SITE, List.of("name")),
    /** {@code Treaties} to {@code chm:Treaty}. */
    TREATIES("Treaties", "Treaty", RecordType.TREATY, List.of("title", "description")),
    /** {@code Documents} (the InforMEA Document schema) to {@code chm:Document}. */
    DOCUMENTS(
            "Documents",
            "Document",
            RecordType.DOCUMENT,
            List.of(
                    "authors",
                    "description",
                    "files",
                    "identifiers",
                    "keywords",
                    "referenceToEntities",
                    "tags",
                    "treaties",
                    "title",
                    "types"));

    private final String setName;
    private final String typeName;
    private final RecordType recordType;
    private final List<String> expand;

    InformeaEntitySet(String setName, String typeName, RecordType recordType, List<String> expand) {
        this.setName = setName;
        this.typeName = typeName;
        this.recordType = recordType;
        this.expand = expand;
    }

    /** The entity set's name on the wire ({@code Decisions}). */
    public String setName() {
        return setName;
    }

    /** The entity type's name ({@code Decision}). */
    public String typeName() {
        return typeName;
    }

    /** The record type its rows map to. */
    public RecordType recordType() {
        return recordType;
    }

    /** The navigation properties to expand, in the harvester's order; unmodifiable. */
    public List<String> expand() {
        return expand;
    }

    /** The entity set of that name, ignoring case ({@code decisions} too). */
    public static Optional<InformeaEntitySet> named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (InformeaEntitySet set : values()) {
            if (set.setName.toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
    }
}
