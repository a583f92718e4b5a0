package org.chmexchange.cbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.stream.Stream;
import org.chmexchange.model.Common;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.LangText;
import org.chmexchange.model.Treaty;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CBD JSON -> common format (RDF) -> CBD JSON gives the same document for every field the common
 * format holds ({@link CbdWriter#fields}), for every schema a national node submits. Documents in the
 * shapes of INCUMBENTS.md part A 1.2 (fictional content).
 */
class CbdRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Thesaurus THESAURUS = Thesaurus.fromClasspath();
    private static final CbdMapper MAPPER = new CbdMapper("https://api.cbd.int/", THESAURUS);
    private static final CbdWriter WRITER = new CbdWriter(THESAURUS);

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of(
                        CbdSchema.NATIONAL_REPORT,
                        """
                        {"header": {"identifier": "NR-ROUNDTRIP-0001", "schema": "nationalReport", "languages": ["en", "fr"]},
                         "government": {"identifier": "fr"},
                         "title": {"en": "Strategy (example)", "fr": "Stratégie (exemple)"},
                         "summary": {"en": "Summary (example)."},
                         "reportType": {"identifier": "B0EBAE91-9581-4BB2-9C02-52FCF9D82721"},
                         "startDate": "2011-01-01", "endDate": "2020-12-31", "adoptionDate": "2012-05-19",
                         "aichiTargets": [{"identifier": "AICHI-TARGET-01"}, {"identifier": "AICHI-TARGET-11"}],
                         "documentLinks": [{"url": "https://www.example.org/a.pdf", "name": "a.pdf", "language": "fr"},
                                           {"url": "https://www.example.org/b.pdf"}],
                         "status": {"identifier": "ED7CDBD8-0000-0000-0000-EXAMPLE00000"}, "notes": "not held"}
                        """),
                Arguments.of(
                        CbdSchema.NATIONAL_REPORT_6,
                        """
                        {"header": {"identifier": "NR-ROUNDTRIP-0006", "schema": "nationalReport6", "languages": ["en"]},
                         "government": {"identifier": "fj"}, "title": {"en": "Sixth national report (example)"},
                         "aichiTargets": [{"identifier": "AICHI-TARGET-05"}],
                         "gbfTargets": [{"identifier": "GBF-TARGET-02"}], "jurisdiction": {"identifier": "528B1187-F1BD-4479-9FB3-ADBD9076D361"}}
                        """),
                Arguments.of(
                        CbdSchema.NATIONAL_REPORT_7,
                        """
                        {"header": {"identifier": "NR-ROUNDTRIP-0007", "schema": "nationalReport7", "languages": ["en", "es"]},
                         "government": {"identifier": "br"},
                         "title": {"en": "Seventh national report (example)", "es": "Séptimo informe (ejemplo)"},
                         "gbfGoal": [{"identifier": "GBF-GOAL-A"}, {"identifier": "GBF-GOAL-B"}],
                         "sectionI": {"not": "held"}}
                        """),
                Arguments.of(
                        CbdSchema.NBSAP,
                        """
                        {"header": {"identifier": "NB-ROUNDTRIP-0001", "schema": "nbsap", "languages": ["en", "fr"]},
                         "government": {"identifier": "ca"},
                         "title": {"en": "Nature strategy (example)", "fr": "Stratégie nature (exemple)"},
                         "summary": {"fr": "Résumé (exemple)."}, "startDate": "2024-06-01", "endDate": "2030-12-31",
                         "globalGoalAlignment": [{"identifier": "GBF-GOAL-C"}],
                         "globalTargetAlignment": [{"identifier": "GBF-TARGET-02"}, {"identifier": "GBF-TARGET-03"}],
                         "documentLinks": [{"url": "https://www.example.org/ca.pdf", "name": "ca.pdf", "language": "en"}],
                         "isGbfAligned": true}
                        """),
                Arguments.of(
                        CbdSchema.NATIONAL_TARGET_7,
                        """
                        {"header": {"identifier": "NT-ROUNDTRIP-0001", "schema": "nationalTarget7", "languages": ["en", "fr"]},
                         "government": {"identifier": "ca"},
                         "title": {"en": "Target 1 (example)", "fr": "Cible 1 (exemple)"},
                         "description": {"en": "A target (example)."},
                         "globalGoalAlignment": [{"identifier": "GBF-GOAL-A"}],
                         "globalTargetAlignment": [{"identifier": "GBF-TARGET-01"}],
                         "relevantDocuments": [{"url": "https://www.example.org/t1.pdf", "name": "t1.pdf"}],
                         "sequence": 1, "headlineIndicators": [{"identifier": "GBF-INDICATOR-A.1"}]}
                        """),
                Arguments.of(
                        CbdSchema.CONTACT,
                        """
                        {"header": {"identifier": "CON-ROUNDTRIP-01", "schema": "contact", "languages": ["es"]},
                         "type": "organization", "organization": {"es": "Herbario (ejemplo)"},
                         "organizationAcronym": {"es": "HE"}, "description": {"es": "Un herbario (ejemplo)."},
                         "country": {"identifier": "pe"}, "emails": ["a@example.org", "b@example.org"],
                         "websites": [{"url": "https://www.example.org/herbario/"}], "government": {"identifier": "pe"}}
                        """),
                Arguments.of(
                        CbdSchema.ORGANIZATION,
                        """
                        {"header": {"identifier": "ORG-ROUNDTRIP-1", "schema": "organization", "languages": ["en", "fr"]},
                         "name": {"en": "Example Institute", "fr": "Institut exemple"}, "acronym": {"en": "EI"},
                         "profile": {"en": "A profile (example)."}, "country": {"identifier": "ke"},
                         "emails": ["info@example.org"], "websites": [{"url": "https://www.example.org/ei/"}],
                         "thematicAreas": [{"identifier": "CBD-SUBJECT-XYZ"}]}
                        """));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyFieldTheModelHoldsComesBackTheSame(CbdSchema schema, String text) throws Exception {
        ObjectNode original = (ObjectNode) JSON.readTree(text);
        String identifier = original.path("header").path("identifier").asText();
        JsonNode index = JSON.readTree("{\"id\": \"x1\", \"identifier_s\": \"" + identifier + "\", \"schema_s\": \""
                + schema.schemaName() + "\", \"_revision_i\": 1}");
        CbdRecord mapped = MAPPER.map(schema, index, original);

        CbdWriter.CbdDocument written = WRITER.write(mapped.statements(), mapped.iri());

        assertEquals(schema.schemaName(), written.schema());
        assertEquals(identifier, written.identifier());
        ObjectNode expected = original.deepCopy().retain(CbdWriter.fields(schema.schemaName()));
        if (schema == CbdSchema.CONTACT) {
            expected.remove("government"); // an organisation of the common format has a country only
        }
        assertEquals(expected, written.document());
        assertTrue(original.size() > expected.size(), "the document has fields the model does not hold");
    }

    @Test
    void aRecordMadeHereGetsAStableIdentifierAndItsDefaultSchema() {
        IRI iri = Values.iri("http://national.example.org/records/focal-point/co-cbd-fp1-ana-ejemplo");
        FocalPoint fp = FocalPoint.builder(
                        Common.of(iri, "co-cbd-fp1-ana-ejemplo"),
                        Set.of(ChmThesaurus.treaty("cbd")),
                        ChmThesaurus.country("co"),
                        Set.of(ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "CBD-FP1")),
                        FocalPoint.ContactKind.PERSON,
                        "Ana Ejemplo")
                .firstName("Ana")
                .lastName("Ejemplo")
                .designation(LangText.of("es", "Directora (ficticia)"))
                .emails(Set.of(Values.iri("mailto:ana.ejemplo@example.org")))
                .build();
        CbdWriter.CbdDocument d = WRITER.write(fp, null);
        assertEquals("contact", d.schema());
        assertEquals(d.identifier(), WRITER.write(fp, null).identifier(), "stable");
        assertTrue(d.identifier().matches("[A-F0-9-]{36}"), d.identifier());
        assertEquals("person", d.document().path("type").asText());
        assertEquals("co", d.document().path("government").path("identifier").asText());
        assertEquals(
                "ana.ejemplo@example.org", d.document().path("emails").get(0).asText());
        assertEquals(
                "Directora (ficticia)",
                d.document().path("designation").path("es").asText());
        assertEquals("es", d.document().path("header").path("languages").get(0).asText());

        Treaty treaty = new Treaty(
                Common.builder(Values.iri("http://national.example.org/records/treaty/x"), "x")
                        .title(LangText.of("en", "x"))
                        .build(),
                ChmThesaurus.treaty("cbd"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        CbdMappingException e = assertThrows(CbdMappingException.class, () -> WRITER.write(treaty, null));
        assertTrue(e.getMessage().contains("not a national record"), e.getMessage());
    }
}
