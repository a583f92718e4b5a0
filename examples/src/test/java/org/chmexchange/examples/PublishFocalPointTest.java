package org.chmexchange.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishFocalPointTest {

    private static final String CONCEPT = ChmThesaurus.BASE;
    private static final IRI IRI = RecordType.FOCAL_POINT.mint(PublishFocalPoint.BASE, PublishFocalPoint.ID);

    @TempDir
    static Path folder;

    private static PublishFocalPoint.Result result;
    private static String printed;

    @BeforeAll
    static void runExample() throws IOException {
        Outputs out = new Outputs();
        result = PublishFocalPoint.run(folder.resolve("out"), out.stream());
        printed = out.printed();
    }

    @Test
    void theRecordValidates() {
        assertTrue(result.report().conforms(), result.report().toString());
        assertTrue(printed.contains("\nvalid\n"), printed);
    }

    @Test
    void theSubjectsAreTheBestAutocompleteHits() {
        assertEquals(
                List.of(CONCEPT + "gbf-targets/GBF-TARGET-03", CONCEPT + "gbf-targets/GBF-TARGET-02"),
                result.subjects().stream()
                        .map(match -> match.concept().iri().stringValue())
                        .toList());
        // No Spanish labels for the GBF targets: the labels shown fall back to English, and are printed.
        result.subjects().forEach(match -> assertEquals("en", match.labelLanguage()));
        assertTrue(printed.contains("GBF-T03. Conserve 30% of Land, Waters and Seas"), printed);
    }

    @Test
    void theJsonLdIsPlainJsonWithTheExpectedIris() throws IOException {
        assertEquals(folder.resolve("out/co-cbd-fp1-ana-example.jsonld"), result.jsonLd());
        JsonNode json = Outputs.json(result.jsonLd());
        assertEquals(Vocabularies.CONTEXT_IRI, json.path("@context").asText());
        assertEquals(IRI.stringValue(), json.path("id").asText());
        assertEquals("FocalPoint", json.path("type").asText());
        assertEquals("co-cbd-fp1-ana-example", json.path("identifier").asText());
        assertEquals(CONCEPT + "countries/co", json.path("country").asText());
        assertEquals(
                List.of(CONCEPT + "focal-point-categories/CBD-FP1", CONCEPT + "focal-point-categories/CHM-FP"),
                Outputs.texts(json.path("categories")));
        assertEquals(List.of(CONCEPT + "treaties/cbd"), Outputs.texts(json.path("treaty")));
        assertEquals(List.of("mailto:ana.example@example.org"), Outputs.texts(json.path("emails")));
        assertEquals(
                "Ministerio de Ambiente y Desarrollo Sostenible de Colombia",
                json.path("organization").path("es").asText());
        assertEquals("Ana Example", json.path("name").asText());
    }

    @Test
    void theJsonLdIsPrinted() throws IOException {
        assertTrue(printed.endsWith(Files.readString(result.jsonLd())), printed);
    }

    @Test
    void theTurtleMapsBackToTheSameRecordAndValidates() throws IOException {
        assertEquals(folder.resolve("out/co-cbd-fp1-ana-example.ttl"), result.turtle());
        Model model = Outputs.turtle(result.turtle());
        FocalPoint back = (FocalPoint) RecordMapper.fromRdf(model, IRI);
        assertEquals(result.record(), back);
        try (RecordValidator validator = new RecordValidator()) {
            ValidationReport report = validator.validate(model);
            assertTrue(report.conforms(), report.toString());
        }
    }

    @Test
    void mainWritesIntoTheFolderGivenAsFirstArgument() throws IOException {
        Path other = folder.resolve("main");
        PrintStream console = System.out;
        Outputs out = new Outputs();
        System.setOut(out.stream());
        try {
            PublishFocalPoint.main(new String[] {other.toString()});
        } finally {
            System.setOut(console);
        }
        assertTrue(out.printed().contains("\nvalid\n"), out.printed());
        assertTrue(Files.isRegularFile(other.resolve("co-cbd-fp1-ana-example.jsonld")));
        assertTrue(Files.isRegularFile(other.resolve("co-cbd-fp1-ana-example.ttl")));
    }
}
