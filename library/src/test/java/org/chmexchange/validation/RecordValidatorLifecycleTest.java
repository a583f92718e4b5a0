package org.chmexchange.validation;

import static org.chmexchange.validation.RecordValidatorTest.single;
import static org.chmexchange.validation.RecordValidatorTest.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chmexchange.ChmException;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.SHACL;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordValidatorLifecycleTest {

    @BeforeAll
    static void quiet() {
        QuietLogs.rdf4jAtInfo();
    }

    private static RecordValidator testValidator() {
        return new RecordValidator(Vocabularies.shapes(), TestRecords.thesaurus());
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        try (RecordValidator validator = testValidator()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int task = 0; task < 16; task++) {
                    boolean valid = task % 2 == 0;
                    Callable<Boolean> check = () -> {
                        Model data = valid
                                ? TestRecords.allRecords()
                                : without(TestRecords.nationalReport(), CHM.reportType);
                        ValidationReport report = validator.validate(data);
                        return valid
                                ? report.conforms()
                                : report.violations().size() == 1
                                        && "reportType"
                                                .equals(report.violations()
                                                        .get(0)
                                                        .field());
                    };
                    results.add(pool.submit(check));
                }
                for (Future<Boolean> result : results) {
                    assertTrue(result.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void refusesToValidateOnceClosedAndClosesTwice() {
        RecordValidator validator = testValidator();
        validator.close();
        validator.close();

        ValidatorException e = assertThrows(ValidatorException.class, () -> validator.validate(TestRecords.treaty()));
        assertTrue(e.getMessage().contains("closed"));
        assertTrue(ChmException.class.isAssignableFrom(ValidatorException.class));
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> new RecordValidator(null, new LinkedHashModel()));
        assertThrows(NullPointerException.class, () -> new RecordValidator(new LinkedHashModel(), null));
        try (RecordValidator validator = testValidator()) {
            assertThrows(NullPointerException.class, () -> validator.validate(null));
        }
    }

    @Test
    void rejectsShapesTheEngineCannotUse() {
        Model shapes = turtle(
                """
                @prefix sh: <http://www.w3.org/ns/shacl#> .
                @prefix ex: <http://example.org/ns#> .
                ex:Broken a sh:NodeShape, sh:PropertyShape ;
                    sh:targetClass ex:Thing ;
                    sh:path ex:name ;
                    sh:minCount 1 .
                """);

        ValidatorException e = assertThrows(
                ValidatorException.class, () -> new RecordValidator(shapes, new LinkedHashModel()).close());
        assertTrue(e.getMessage().startsWith("Cannot load the SHACL shapes"), e.getMessage());
    }

    @Test
    void usesDefaultMessagesAndLocalNamesForShapesWithoutAnnotations() {
        Model shapes = turtle(
                """
                @prefix sh: <http://www.w3.org/ns/shacl#> .
                @prefix ex: <http://example.org/ns#> .
                ex:PersonShape a sh:NodeShape ;
                    sh:targetClass ex:Person ;
                    sh:property [ sh:path ex:familyName ; sh:minCount 1 ] ;
                    sh:property [ sh:path ex:nickname ; sh:maxCount 1 ;
                                  sh:name "alias" ; sh:message "alias: one alias at most"@en, "alias : un seul"@fr ] .
                """);
        Model data = turtle(
                """
                @prefix ex: <http://example.org/ns#> .
                <http://example.org/people/jane> a ex:Person ; ex:nickname "J", "JE" .
                """);

        try (RecordValidator validator = new RecordValidator(shapes, new LinkedHashModel())) {
            ValidationReport report = validator.validate(data);

            assertEquals(2, report.violations().size(), report::toString);
            Violation alias = report.violations().get(0);
            assertEquals("alias", alias.field());
            assertEquals("alias: one alias at most", alias.message());
            Violation familyName = report.violations().get(1);
            assertEquals("familyName", familyName.field());
            assertEquals("familyName: fewer values than required (sh:minCount)", familyName.message());
            assertTrue(familyName.sourceShape().isBNode());
        }
    }

    @Test
    void givesAJsonBodyAndOneLinePerViolation() throws Exception {
        try (RecordValidator validator = testValidator()) {
            Model data = without(TestRecords.focalPoint(), CHM.contactKind);
            data.add(TestRecords.FOCAL_POINT, CHM.contactKind, Values.literal("robot"));
            data.remove(TestRecords.FOCAL_POINT, DCTERMS.IDENTIFIER, null);
            ValidationReport report = validator.validate(data);

            JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));

            assertFalse(json.get("conforms").asBoolean());
            assertEquals(2, json.get("violationCount").asInt());
            JsonNode first = json.get("violations").get(0);
            assertEquals(
                    TestRecords.FOCAL_POINT.stringValue(),
                    first.get("focusNode").asText());
            assertEquals("contactKind", first.get("field").asText());
            assertEquals(CHM.contactKind.stringValue(), first.get("path").asText());
            assertEquals("robot", first.get("value").asText());
            assertEquals("Violation", first.get("severity").asText());
            assertEquals("InConstraintComponent", first.get("constraint").asText());
            assertTrue(first.get("message").asText().startsWith("contactKind: "));
            JsonNode second = json.get("violations").get(1);
            assertEquals("identifier", second.get("field").asText());
            assertNull(second.get("value"));

            List<String> lines = report.toString().lines().toList();
            assertEquals(2, lines.size());
            assertTrue(
                    lines.get(0).startsWith("<" + TestRecords.FOCAL_POINT.stringValue() + "> contactKind: "),
                    lines.get(0));
            assertTrue(lines.get(0).contains("value \"robot\""), lines.get(0));
        }
    }

    @Test
    void reportsAreValuesThatCheckTheirInvariant() {
        assertTrue(ValidationReport.of(List.of()).conforms());
        assertEquals(ValidationReport.conforming(), new ValidationReport(true, List.of()));
        Violation violation = new Violation(
                TestRecords.TREATY,
                "title",
                DCTERMS.TITLE,
                null,
                "title: missing",
                Severity.VIOLATION,
                Values.iri(CHM.NAMESPACE, "TreatyShape-title"),
                SHACL.MIN_COUNT_CONSTRAINT_COMPONENT);
        assertThrows(IllegalArgumentException.class, () -> new ValidationReport(true, List.of(violation)));
        assertThrows(IllegalArgumentException.class, () -> new ValidationReport(false, List.of()));
        assertEquals(List.of(violation), ValidationReport.of(List.of(violation)).violationsOf(TestRecords.TREATY));
        assertEquals(Severity.VIOLATION, Severity.of(Values.iri("http://example.org/severity#Fatal")));
        assertEquals(Severity.WARNING, Severity.of(SHACL.WARNING));
    }

    @Test
    void theDefaultValidatorUsesTheSharedThesaurus() {
        assertTrue(
                Vocabularies.THESAURUS_FILES.stream()
                        .allMatch(file -> Vocabularies.class.getResource(Vocabularies.ROOT + file) != null),
                "the thesaurus files are not on the classpath yet");
        try (RecordValidator validator = new RecordValidator()) {
            ValidationReport report = validator.validate(TestRecords.allRecords());
            assertTrue(report.conforms(), report::toString);
            Model noCountry = without(TestRecords.nationalReport(), CHM.country);
            noCountry.add(TestRecords.REPORT, CHM.country, TestRecords.CBD);
            assertEquals("country", single(validator.validate(noCountry)).field());
        }
    }

    private static Model turtle(String text) {
        try {
            return Rio.parse(new StringReader(text), "", RDFFormat.TURTLE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
