package org.chmexchange.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.Model;
import org.junit.jupiter.api.Test;

/** The sample data (sample/mea-facts.ttl) conforms to the shapes with the shared thesaurus. */
class SampleDataTest {

    @Test
    void theShapesAcceptAllOfTheSampleData() {
        assertTrue(exists("sample/mea-facts.ttl"), "sample/mea-facts.ttl must be on the classpath");
        assertTrue(
                Vocabularies.THESAURUS_FILES.stream().allMatch(SampleDataTest::exists),
                "the thesaurus files are not on the classpath yet");
        QuietLogs.rdf4jAtInfo();
        Model sample = Vocabularies.sampleData("http://localhost:8080/");
        assertFalse(sample.isEmpty());

        try (RecordValidator validator = new RecordValidator()) {
            ValidationReport report = validator.validate(sample);
            assertTrue(report.conforms(), () -> report.violations().size() + " violations:\n" + report);
        }
    }

    private static boolean exists(String relativePath) {
        return Vocabularies.class.getResource(Vocabularies.ROOT + relativePath) != null;
    }
}
