package org.chmexchange.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordTypeTest {

    @Test
    void mintsRecordIrisUnderTheBase() {
        assertEquals(
                Values.iri("http://localhost:8080/records/decision/cbd-decision-15-4"),
                RecordType.DECISION.mint("http://localhost:8080/", "cbd-decision-15-4"));
        assertEquals(
                Values.iri("https://n.example.org/chm/records/national-report/FR_nr.7~a"),
                RecordType.NATIONAL_REPORT.mint("https://n.example.org/chm/", "FR_nr.7~a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a/b", "a#b", "a?b", "é", "15/4"})
    void rejectsIdsThatNeedEscaping(String id) {
        assertThrows(IllegalArgumentException.class, () -> RecordType.MEETING.mint("http://x.example/", id));
    }

    @Test
    void rejectsBaseWithoutSlash() {
        assertThrows(IllegalArgumentException.class, () -> RecordType.TREATY.mint("http://x.example", "cbd"));
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void slugAndClassLookUpTheType(RecordType type) {
        assertEquals(Optional.of(type), RecordType.fromSlug(type.slug()));
        assertEquals(Optional.of(type), RecordType.fromClass(type.rdfClass()));
        assertTrue(type.rdfClass().stringValue().startsWith(CHM.NAMESPACE));
    }

    @Test
    void slugsAndClassesOfMODEL() {
        assertEquals("focal-point", RecordType.FOCAL_POINT.slug());
        assertEquals("national-report", RecordType.NATIONAL_REPORT.slug());
        assertEquals(CHM.Organization, RecordType.ORGANIZATION.rdfClass());
        assertEquals(Optional.empty(), RecordType.fromSlug("focal_point"));
        assertEquals(Optional.empty(), RecordType.fromClass(CHM.File));
    }
}
