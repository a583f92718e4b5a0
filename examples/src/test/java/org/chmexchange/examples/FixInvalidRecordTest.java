package org.chmexchange.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.rdf.RecordMappingException;
import org.chmexchange.validation.Violation;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FixInvalidRecordTest {

    private static final IRI RECORD = Values.iri(FixInvalidRecord.RECORD);
    private static final IRI CBD_TERM = Values.iri(ChmThesaurus.CBD_TERM_BASE + "AICHI-TARGET-11");

    private static FixInvalidRecord.Result result;
    private static String printed;

    @BeforeAll
    static void runExample() throws IOException {
        Outputs out = new Outputs();
        result = FixInvalidRecord.run(out.stream());
        printed = out.printed();
    }

    @Test
    void theFirstReportNamesTheBrokenFields() {
        assertFalse(result.before().conforms());
        Set<String> fields = new TreeSet<>();
        for (Violation violation : result.before().violations()) {
            assertEquals(RECORD, violation.focusNode());
            fields.add(violation.field());
        }
        assertEquals(Set.of("concepts", "country"), fields);
        Violation concept = result.before().violations().stream()
                .filter(violation -> violation.field().equals("concepts"))
                .findFirst()
                .orElseThrow();
        assertEquals(CBD_TERM, concept.value());
    }

    @Test
    void thePerFieldMessagesArePrinted() {
        assertTrue(printed.contains("\n  country: a national report needs exactly one country"), printed);
        assertTrue(printed.contains("\n  concepts: each concept must be a concept of"), printed);
        assertTrue(printed.contains("(value " + CBD_TERM + ")"), printed);
    }

    @Test
    void theSecondReportConforms() {
        assertTrue(result.after().conforms(), result.after().toString());
        assertTrue(printed.endsWith(": valid\n"), printed);
    }

    @Test
    void theFixedRecordHasTheCountryAndOurConcept() {
        assertEquals(ChmThesaurus.country("ke"), result.record().country());
        assertEquals(
                Set.of(ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-11")),
                result.record().concepts());
        assertEquals(result.record(), RecordMapper.fromRdf(result.fixed(), RECORD));
    }

    @Test
    void theReceivedRecordCannotBeTyped() throws IOException {
        Model received = Rio.parse(new StringReader(FixInvalidRecord.RECEIVED), "", RDFFormat.TURTLE);
        assertThrows(RecordMappingException.class, () -> RecordMapper.fromRdf(received, RECORD));
    }
}
