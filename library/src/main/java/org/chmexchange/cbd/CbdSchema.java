package org.chmexchange.cbd;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chmexchange.model.RecordType;

/**
 * The CBD schemas the {@code cbd} harvester reads (names exact as {@code schema_s} and {@code
 * header.schema}: INCUMBENTS.md part A 1.1, 1.2, 1.5), each with the record type it becomes and where
 * its content comes from.
 */
public enum CbdSchema {
    FOCAL_POINT("focalPoint", RecordType.FOCAL_POINT, true),
    NATIONAL_REPORT("nationalReport", RecordType.NATIONAL_REPORT, true),
    NATIONAL_REPORT_6("nationalReport6", RecordType.NATIONAL_REPORT, true),
    NATIONAL_REPORT_7("nationalReport7", RecordType.NATIONAL_REPORT, true),
    NBSAP("nbsap", RecordType.NATIONAL_REPORT, true),
    NATIONAL_TARGET_7("nationalTarget7", RecordType.NATIONAL_TARGET, true),
    DECISION("decision", RecordType.DECISION, false),
    RECOMMENDATION("recommendation", RecordType.DECISION, false),
    MEETING("meeting", RecordType.MEETING, false),
    CONTACT("contact", RecordType.ORGANIZATION, true),
    ORGANIZATION("organization", RecordType.ORGANIZATION, true);

    private final String schemaName;
    private final RecordType recordType;
    private final boolean hasBody;

    CbdSchema(String schemaName, RecordType recordType, boolean hasBody) {
        this.schemaName = schemaName;
        this.recordType = recordType;
        this.hasBody = hasBody;
    }

    /** The CBD schema name, as on the wire ({@code nationalReport6}). */
    public String schemaName() {
        return schemaName;
    }

    /**
     * The record type it maps to. A {@code contact} becomes an Organization when its {@code type} is
     * {@code organization}; a person contact holds no focal-point role and has no record type in the
     * common format ({@link CbdMapper}).
     */
    public RecordType recordType() {
        return recordType;
    }

    /**
     * Whether the record's content is its body at {@code /api/v2013/documents/{identifier}} (national
     * and reference records, focal points); false for the Secretariat's index-only schemas (decision,
     * recommendation, meeting), mapped from their index fields.
     */
    public boolean hasBody() {
        return hasBody;
    }

    /** Every schema, in declaration order: the harvester's default. */
    public static List<CbdSchema> all() {
        return List.of(values());
    }

    /** The schema with that name (exact case), if the harvester reads it. */
    public static Optional<CbdSchema> named(String name) {
        return Arrays.stream(values()).filter(s -> s.schemaName.equals(name)).findFirst();
    }
}
