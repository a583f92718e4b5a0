package org.chmexchange.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chmexchange.model.NationalReport;
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

class PublishNbsapTest {

    private static final String CONCEPT = ChmThesaurus.BASE;
    private static final IRI IRI = RecordType.NATIONAL_REPORT.mint(PublishNbsap.BASE, PublishNbsap.ID);

    @TempDir
    static Path folder;

    private static PublishNbsap.Result result;
    private static String printed;

    @BeforeAll
    static void runExample() throws IOException {
        Outputs out = new Outputs();
        result = PublishNbsap.run(folder, out.stream());
        printed = out.printed();
    }

    @Test
    void theRecordValidates() {
        assertTrue(result.report().conforms(), result.report().toString());
        assertTrue(printed.contains("\nvalid\n"), printed);
    }

    @Test
    void theJsonLdIsPlainJsonWithTheExpectedIris() throws IOException {
        assertEquals(folder.resolve("sn-nbsap-2025-2030.jsonld"), result.jsonLd());
        JsonNode json = Outputs.json(result.jsonLd());
        assertEquals(Vocabularies.CONTEXT_IRI, json.path("@context").asText());
        assertEquals(IRI.stringValue(), json.path("id").asText());
        assertEquals("NationalReport", json.path("type").asText());
        assertEquals("SN-NBSAP-2025-2030", json.path("identifier").asText());
        assertEquals(CONCEPT + "countries/sn", json.path("country").asText());
        assertEquals(CONCEPT + "report-types/nbsap", json.path("reportType").asText());
        assertEquals(List.of(CONCEPT + "treaties/cbd"), Outputs.texts(json.path("treaty")));
        assertEquals(
                List.of(
                        CONCEPT + "gbf-targets/GBF-TARGET-01",
                        CONCEPT + "gbf-targets/GBF-TARGET-02",
                        CONCEPT + "gbf-targets/GBF-TARGET-03",
                        CONCEPT + "gbf-targets/GBF-TARGET-14"),
                Outputs.texts(json.path("concepts")));
        assertTrue(
                json.path("title").path("en").asText().startsWith("National Biodiversity Strategy"), json.toString());
        assertTrue(json.path("title").path("fr").asText().startsWith("Stratégie et plan d'action"), json.toString());
        assertEquals("2025-02-28", json.path("submitted").asText());

        JsonNode file = json.path("files").path(0);
        assertEquals(IRI.stringValue() + "#file-1", file.path("id").asText());
        assertEquals("File", file.path("type").asText());
        assertEquals(
                "https://example.org/nbsap/sn-nbsap-2025-2030-fr.pdf",
                file.path("url").asText());
        assertEquals(
                "https://www.iana.org/assignments/media-types/application/pdf",
                file.path("mediaType").asText());
        assertEquals("fr", file.path("language").asText());
        assertEquals(2, json.path("files").size());
    }

    @Test
    void theJsonLdIsPrinted() throws IOException {
        assertTrue(printed.endsWith(Files.readString(result.jsonLd())), printed);
    }

    @Test
    void theTurtleMapsBackToTheSameRecordAndValidates() throws IOException {
        assertEquals(folder.resolve("sn-nbsap-2025-2030.ttl"), result.turtle());
        Model model = Outputs.turtle(result.turtle());
        NationalReport back = (NationalReport) RecordMapper.fromRdf(model, IRI);
        assertEquals(result.record(), back);
        assertEquals(2, back.files().size());
        try (RecordValidator validator = new RecordValidator()) {
            ValidationReport report = validator.validate(model);
            assertTrue(report.conforms(), report.toString());
        }
    }
}
