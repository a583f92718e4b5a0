package org.chmexchange.cbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.chmexchange.model.Common;
import org.chmexchange.model.Decision;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.LangText;
import org.chmexchange.model.Meeting;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.NationalTarget;
import org.chmexchange.model.Organization;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mapping of CBD documents (written in the shapes of INCUMBENTS.md part A 1.2 and 1.5; the people
 * are fictional) to the common format, each result checked against the SHACL shapes.
 */
class CbdMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://api.cbd.int/";
    private static final Thesaurus THESAURUS = Thesaurus.fromClasspath();
    private static final CbdMapper MAPPER = new CbdMapper(BASE, THESAURUS);
    private static RecordValidator validator;

    @BeforeAll
    static void openValidator() {
        validator = new RecordValidator();
    }

    @AfterAll
    static void closeValidator() {
        validator.close();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode index(String identifier, String schema, String more) {
        return json(
                """
                {"id": "5f2b1c0e4a1b2c3d00000001", "identifier_s": "%s", "schema_s": "%s",
                 "_documentId_i": 900001, "_revision_i": 4, "uniqueIdentifier_s": "chm-nfp-tg-900001-4",
                 "realm_ss": ["chm"], "_state_s": "public", "updatedDate_dt": "2024-05-02T08:15:00.000Z" %s}
                """
                        .formatted(identifier, schema, more.isEmpty() ? "" : ", " + more));
    }

    private static void assertValid(CbdRecord record) {
        ValidationReport report = validator.validate(record.statements());
        assertTrue(report.conforms(), report::toString);
    }

    @Test
    void aFocalPointKeepsItsPersonCategoriesTreatiesAndIdentity() {
        JsonNode body = json(
                """
                {"header": {"identifier": "F0C4A1P0-0001", "schema": "focalPoint", "languages": ["en", "fr"]},
                 "government": {"identifier": "tg"},
                 "categories": [{"identifier": "CBD-FP1"}, {"identifier": "CPB-FP1"}, {"identifier": "XYZ-FP"}],
                 "prefix": {"en": "Dr."}, "firstName": "Ama", "lastName": "Example",
                 "designation": {"en": "Director (fictional)", "fr": "Directrice (fictive)"},
                 "organization": {"en": "Ministry (example)"},
                 "emails": ["ama.example@example.org", "not an address"], "phones": ["+228 22 00 00 01"],
                 "mobiles": ["+228 90 00 00 01"]}
                """);
        CbdRecord mapped = MAPPER.map(CbdSchema.FOCAL_POINT, index("F0C4A1P0-0001", "focalPoint", ""), body);

        FocalPoint fp = (FocalPoint) mapped.record();
        assertEquals(Values.iri(BASE + "records/focal-point/F0C4A1P0-0001"), fp.iri());
        assertEquals(ChmThesaurus.country("tg"), fp.country());
        assertEquals(
                Set.of(
                        ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "CBD-FP1"),
                        ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "CPB-FP1")),
                fp.categories());
        assertEquals(Set.of(ChmThesaurus.treaty("cbd"), ChmThesaurus.treaty("cartagena")), fp.treaties());
        assertEquals("Ama Example", fp.name());
        assertEquals("Dr.", fp.prefix());
        assertEquals(LangText.of("en", "Director (fictional)", "fr", "Directrice (fictive)"), fp.designation());
        assertEquals(Set.of(Values.iri("mailto:ama.example@example.org")), fp.emails());
        assertEquals(Set.of(Values.iri("tel:+228-22-00-00-01"), Values.iri("tel:+228-90-00-00-01")), fp.phones());
        assertEquals("F0C4A1P0-0001", fp.cbdIdentifier());
        assertEquals(Instant.parse("2024-05-02T08:15:00Z"), fp.common().modifiedAtSource());
        // kept as data
        IRI iri = fp.iri();
        assertTrue(mapped.statements().contains(iri, CHM.cbdTerm, Values.literal("XYZ-FP")));
        assertTrue(mapped.statements().contains(iri, CHM.cbdDocumentId, Values.literal("900001", XSD.INTEGER)));
        assertTrue(mapped.statements().contains(iri, CHM.cbdRevision, Values.literal("4", XSD.INTEGER)));
        assertTrue(mapped.statements().contains(iri, CHM.cbdUniqueIdentifier, Values.literal("chm-nfp-tg-900001-4")));
        assertTrue(mapped.statements()
                .contains(iri, OWL.SAMEAS, Values.iri("https://chm.cbd.int/database/record?documentID=900001")));
        assertEquals(4, mapped.revision());
        assertTrue(mapped.notices().stream().anyMatch(n -> n.contains("XYZ-FP")), mapped.notices()::toString);
        assertTrue(mapped.notices().stream().anyMatch(n -> n.contains("not an address")), mapped.notices()::toString);
        assertValid(mapped);
    }

    @Test
    void theSourceDocumentIsKeptAsJsonEqualToTheBody() throws Exception {
        JsonNode body = json(
                """
                {"header": {"identifier": "ORG-000000011", "schema": "organization"},
                 "name": {"en": "Example Institute", "fr": "Institut exemple"}, "acronym": {"en": "EI"},
                 "country": {"identifier": "ke"}, "websites": [{"url": "https://www.example.org/ei/"}],
                 "thematicAreas": [{"identifier": "CBD-SUBJECT-XYZ"}], "profile": {"en": "A profile."}}
                """);
        CbdRecord mapped = MAPPER.map(CbdSchema.ORGANIZATION, index("ORG-000000011", "organization", ""), body);
        Literal source = (Literal) mapped.statements()
                .filter(mapped.iri(), CHM.sourceDocument, null)
                .objects()
                .iterator()
                .next();
        assertEquals(Values.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"), source.getDatatype());
        assertEquals(body, JSON.readTree(source.getLabel()), "every field, also those without a property");
        Organization org = (Organization) mapped.record();
        assertEquals(LangText.of("en", "Example Institute", "fr", "Institut exemple"), org.title());
        assertEquals("EI", org.acronym());
        assertEquals(ChmThesaurus.country("ke"), org.country());
        assertEquals(Values.iri("https://www.example.org/ei/"), org.homepage());
        assertValid(mapped);
    }

    @Test
    void anNbsapIsFoundByItsReportTypeTermAndTheOthersByTheirSchema() {
        JsonNode nbsap = json(
                """
                {"header": {"identifier": "NR-0000000003", "schema": "nationalReport"},
                 "government": {"identifier": "fr"},
                 "title": {"fr": "Stratégie (exemple)", "en": "Strategy (example)"},
                 "reportType": {"identifier": "B0EBAE91-9581-4BB2-9C02-52FCF9D82721"},
                 "startDate": "2011-01-01", "endDate": "2020-12-31", "adoptionDate": "2012-05-19T00:00:00.000Z",
                 "aichiTargets": [{"identifier": "AICHI-TARGET-11"}, {"identifier": "AICHI-TARGET-01-C2"}],
                 "documentLinks": [{"url": "https://www.example.org/nbsap.pdf", "name": "nbsap.pdf", "language": "fr"},
                                   {"url": "ftp://example.org/x"}]}
                """);
        CbdRecord mapped = MAPPER.map(CbdSchema.NATIONAL_REPORT, index("NR-0000000003", "nationalReport", ""), nbsap);
        NationalReport report = (NationalReport) mapped.record();
        assertEquals(ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "nbsap"), report.reportType());
        assertEquals(Set.of(ChmThesaurus.treaty("cbd")), report.treaties());
        assertEquals(ChmThesaurus.country("fr"), report.country());
        assertEquals(LangText.of("en", "Strategy (example)", "fr", "Stratégie (exemple)"), report.title());
        assertEquals(LocalDate.parse("2011-01-01"), report.startDate());
        assertEquals(LocalDate.parse("2020-12-31"), report.endDate());
        assertEquals(LocalDate.parse("2012-05-19"), report.published());
        assertEquals(Set.of(ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-11")), report.concepts());
        assertEquals(1, report.files().size());
        FileRef file = report.files().get(0);
        assertEquals(Values.iri("https://www.example.org/nbsap.pdf"), file.url());
        assertEquals("fr", file.language());
        assertEquals("nbsap.pdf", file.fileName());
        assertTrue(mapped.statements().contains(report.iri(), CHM.cbdTerm, Values.literal("AICHI-TARGET-01-C2")));
        assertValid(mapped);

        JsonNode nr6 = json(
                """
                {"header": {"identifier": "NR-0000000004", "schema": "nationalReport6"},
                 "government": {"identifier": "FJ"}, "title": {"en": "Sixth national report (example)"}}
                """);
        NationalReport sixth = (NationalReport)
                MAPPER.map(CbdSchema.NATIONAL_REPORT_6, index("NR-0000000004", "nationalReport6", ""), nr6)
                        .record();
        assertEquals(ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "national-report-6"), sixth.reportType());
        assertEquals(ChmThesaurus.country("fj"), sixth.country(), "country codes in any case");

        JsonNode ort = json(
                """
                {"header": {"identifier": "NB-0000000006", "schema": "nbsap"}, "government": {"identifier": "ca"},
                 "title": {"en": "Nature strategy (example)"},
                 "globalTargetAlignment": [{"identifier": "GBF-TARGET-03"}]}
                """);
        NationalReport plan = (NationalReport) MAPPER.map(CbdSchema.NBSAP, index("NB-0000000006", "nbsap", ""), ort)
                .record();
        assertEquals(ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "nbsap"), plan.reportType());
        assertEquals(Set.of(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03")), plan.concepts());
    }

    @Test
    void aNationalTargetKeepsItsGoalAndTargetAlignment() {
        JsonNode body = json(
                """
                {"header": {"identifier": "NT-0000000016", "schema": "nationalTarget7", "languages": ["en", "fr"]},
                 "government": {"identifier": "ca"},
                 "title": {"en": "Target 1 (example)", "fr": "Cible 1 (exemple)"},
                 "description": {"en": "A fixture target."}, "sequence": 1,
                 "globalGoalAlignment": [{"identifier": "GBF-GOAL-A"}],
                 "globalTargetAlignment": [{"identifier": "GBF-TARGET-01"}, {"identifier": "GBF-TARGET-99"}],
                 "headlineIndicators": [{"identifier": "GBF-INDICATOR-A.1"}]}
                """);
        CbdRecord mapped = MAPPER.map(CbdSchema.NATIONAL_TARGET_7, index("NT-0000000016", "nationalTarget7", ""), body);
        NationalTarget target = (NationalTarget) mapped.record();
        assertEquals(Values.iri(BASE + "records/national-target/NT-0000000016"), target.iri());
        assertEquals(ChmThesaurus.country("ca"), target.country());
        assertEquals(Set.of(ChmThesaurus.treaty("cbd")), target.treaties());
        assertEquals(Set.of(ChmThesaurus.concept(ChmThesaurus.GBF_GOALS, "GBF-GOAL-A")), target.goals());
        assertEquals(Set.of(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-01")), target.targets());
        assertEquals(LangText.of("en", "A fixture target."), target.summary());
        assertTrue(mapped.statements().contains(target.iri(), CHM.cbdTerm, Values.literal("GBF-TARGET-99")));
        assertValid(mapped);
        assertEquals(target, RecordMapper.fromRdf(mapped.statements(), target.iri()), "RDF and back");
    }

    @Test
    void aDecisionIsMappedFromItsIndexFieldsInEveryLanguageWithItsMeetingAndFiles() {
        JsonNode doc = index(
                "SCBD-DEC-CBD-COP-15-04",
                "decision",
                """
                "treaty_s": "XXVII8", "body_s": "COP", "session_i": 15, "decision_i": 4,
                "code_s": "CBD/COP/15/04", "symbol_s": "CBD/COP/DEC/15/4", "meeting_ss": ["COP-15"],
                "title_EN_t": "Kunming-Montreal Global Biodiversity Framework",
                "title_FR_t": "Cadre mondial de la biodiversité de Kunming-Montréal",
                "file_ss": ["{\\"url\\":\\"https://www.cbd.int/doc/decisions/cop-15/cop-15-dec-04-en.pdf\\",\\"language\\":\\"en\\"}",
                            "not json"]
                """);
        CbdRecord mapped = MAPPER.map(CbdSchema.DECISION, doc, null);
        Decision decision = (Decision) mapped.record();
        assertEquals("CBD/COP/DEC/15/4", decision.identifier());
        assertEquals(ChmThesaurus.treaty("cbd"), decision.treaty());
        assertEquals(ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, "decision"), decision.decisionType());
        assertEquals(MAPPER.meetingIri("COP-15"), decision.meeting());
        assertEquals(
                LangText.of(
                        "en",
                        "Kunming-Montreal Global Biodiversity Framework",
                        "fr",
                        "Cadre mondial de la biodiversité de Kunming-Montréal"),
                decision.title());
        assertEquals(1, decision.files().size());
        assertTrue(mapped.notices().stream().anyMatch(n -> n.contains("not JSON")), mapped.notices()::toString);
        assertValid(mapped);

        JsonNode nagoya =
                index("SCBD-DEC-NP-MOP-04-01", "recommendation", "\"treaty_s\": \"XXVII8b\", \"title_t\": \"A text\"");
        Decision rec =
                (Decision) MAPPER.map(CbdSchema.RECOMMENDATION, nagoya, null).record();
        assertEquals(ChmThesaurus.treaty("nagoya"), rec.treaty());
        assertEquals(ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, "recommendation"), rec.decisionType());
        assertEquals(LangText.of("en", "A text"), rec.title());
        assertEquals("SCBD-DEC-NP-MOP-04-01", rec.identifier(), "no symbol or code: the identifier");

        CbdMappingException unknown = assertThrows(
                CbdMappingException.class,
                () -> MAPPER.map(
                        CbdSchema.DECISION, index("SCBD-DEC-X-00001", "decision", "\"treaty_s\": \"XXVII9\""), null));
        assertTrue(unknown.getMessage().contains("XXVII9"), unknown.getMessage());
    }

    @Test
    void aMeetingIsNamedBySymbolSoThatDecisionsPointAtIt() {
        JsonNode doc = index(
                "SCBD-MTG-COP-15",
                "meeting",
                """
                "treaty_s": "XXVII8", "body_s": "COP", "session_i": 15, "symbol_s": "COP-15",
                "title_EN_t": "Fifteenth meeting of the Conference of the Parties",
                "startDate_dt": "2022-12-07T00:00:00.000Z", "endDate_dt": "2022-12-19T00:00:00.000Z",
                "eventCity_t": "Montréal", "eventCountry_s": "ca"
                """);
        CbdRecord mapped = MAPPER.map(CbdSchema.MEETING, doc, null);
        Meeting meeting = (Meeting) mapped.record();
        assertEquals(MAPPER.meetingIri("COP-15"), meeting.iri());
        assertEquals(Values.iri(BASE + "records/meeting/COP-15"), meeting.iri());
        assertEquals("COP-15", meeting.identifier());
        assertEquals(LocalDate.parse("2022-12-07"), meeting.startDate());
        assertEquals(LocalDate.parse("2022-12-19"), meeting.endDate());
        assertEquals("Montréal", meeting.city());
        assertEquals(ChmThesaurus.country("ca"), meeting.country());
        assertEquals(15, meeting.session());
        assertEquals("COP", meeting.body());
        assertValid(mapped);

        assertThrows(
                CbdMappingException.class,
                () -> MAPPER.map(CbdSchema.MEETING, index("SCBD-MTG-X-0001", "meeting", ""), null),
                "a meeting needs its start date");
    }

    @Test
    void anOrganizationContactIsAnOrganizationAndAPersonContactIsRefusedWithItsReason() {
        JsonNode org = json(
                """
                {"header": {"identifier": "CON-000000012", "schema": "contact"}, "type": "organization",
                 "organization": {"es": "Herbario de ejemplo"}, "organizationAcronym": {"es": "HE"},
                 "country": {"identifier": "pe"}, "emails": ["herbario@example.org"]}
                """);
        CbdRecord mapped = MAPPER.map(CbdSchema.CONTACT, index("CON-000000012", "contact", ""), org);
        Organization o = (Organization) mapped.record();
        assertEquals(LangText.of("es", "Herbario de ejemplo"), o.title());
        assertEquals("HE", o.acronym(), "an acronym without English: the first language");
        assertEquals(Set.of(Values.iri("mailto:herbario@example.org")), o.emails());
        assertValid(mapped);

        JsonNode person = json(
                """
                {"header": {"identifier": "CON-000000013", "schema": "contact"}, "type": "person",
                 "firstName": "Jo", "lastName": "Sample"}
                """);
        CbdMappingException e = assertThrows(
                CbdMappingException.class,
                () -> MAPPER.map(CbdSchema.CONTACT, index("CON-000000013", "contact", ""), person));
        assertTrue(e.getMessage().contains("no record type"), e.getMessage());
    }

    @Test
    void aBodyWithoutWhatTheModelNeedsIsRefusedWithTheReason() {
        JsonNode noCountry = json(
                """
                {"header": {"identifier": "NR-0000000099", "schema": "nationalReport6"}, "title": {"en": "x"}}
                """);
        CbdMappingException e = assertThrows(
                CbdMappingException.class,
                () -> MAPPER.map(
                        CbdSchema.NATIONAL_REPORT_6, index("NR-0000000099", "nationalReport6", ""), noCountry));
        assertTrue(e.getMessage().contains("government"), e.getMessage());
        JsonNode unknownCountry = json(
                """
                {"header": {"identifier": "NR-0000000098"}, "government": {"identifier": "xx"}, "title": {"en": "x"}}
                """);
        e = assertThrows(
                CbdMappingException.class,
                () -> MAPPER.map(
                        CbdSchema.NATIONAL_REPORT_6, index("NR-0000000098", "nationalReport6", ""), unknownCountry));
        assertTrue(e.getMessage().contains("'xx'"), e.getMessage());
        assertThrows(
                CbdMappingException.class,
                () -> MAPPER.map(CbdSchema.NATIONAL_REPORT_6, index("NR-0000000097", "nationalReport6", ""), null),
                "a national record needs its body");
    }

    @Test
    void aFocalPointWithoutAnyKnownCategoryIsRefusedNamingTheCategories() {
        JsonNode body = json(
                """
                {"header": {"identifier": "FP-0000000077"}, "government": {"identifier": "ca"},
                 "categories": [{"identifier": "CPB-FP9"}], "firstName": "Sam", "lastName": "Placeholder"}
                """);
        CbdMappingException e = assertThrows(
                CbdMappingException.class,
                () -> MAPPER.map(CbdSchema.FOCAL_POINT, index("FP-0000000077", "focalPoint", ""), body));
        assertTrue(e.getMessage().contains("no category the thesaurus knows (given: CPB-FP9)"), e.getMessage());
    }

    @Test
    void lstringsConvertToLanguageTaggedLiteralsAndBackWithoutLoss() {
        java.util.Random random = new java.util.Random(42);
        List<String> tags = List.of("ar", "en", "es", "fr", "ru", "zh", "pt", "zh-hans");
        for (int i = 0; i < 200; i++) {
            LangText text = LangText.of("en", "title " + i);
            for (String tag : tags) {
                if (random.nextBoolean()) {
                    text = text.with(tag, "t" + random.nextInt() + " \u00e9 \u4e2d\u6587 \u0628");
                }
            }
            JsonNode lstring = LString.write(text);
            LangText back = LString.read(lstring, "title", n -> {
                throw new AssertionError(n);
            });
            assertEquals(text, back, "lstring");
            IRI iri = Values.iri("https://example.org/records/organization/o" + i);
            Organization record =
                    Organization.of(Common.builder(iri, "o").title(back).build(), null, null, null, null, null);
            assertEquals(
                    text, RecordMapper.fromRdf(RecordMapper.toRdf(record), iri).title(), "rdf:langString");
        }
        List<String> notices = new java.util.ArrayList<>();
        LangText read = LString.read(
                json("{\"en\": \"a\", \"fr\": \"\", \"not a tag!\": \"b\", \"de\": 3}"), "f", notices::add);
        assertEquals(LangText.of("en", "a"), read, "blank texts dropped quietly, the others noticed");
        assertEquals(2, notices.size(), notices::toString);
    }
}
