package org.chmexchange.informea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.model.Decision;
import org.chmexchange.model.Document;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.Meeting;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.Site;
import org.chmexchange.model.Treaty;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.junit.jupiter.api.Test;

/** The InforMEA mapper on rows in the exact shapes of real feeds (INCUMBENTS.md part B 1.5, 1.6). */
class InformeaMapperTest {

    static final Thesaurus THESAURUS = Thesaurus.fromClasspath();
    static final String BASE = "https://informea.example.org/svc/";
    static final InformeaMapper MAPPER = new InformeaMapper(BASE, THESAURUS, new InformeaTreaties(THESAURUS), null);
    static final ObjectMapper JSON = new ObjectMapper();
    static final RecordValidator VALIDATOR = new RecordValidator();

    /** The rows of a fixture: {@code d.results}, a bare {@code d} array, or v4 {@code value}. */
    static List<JsonNode> rows(String name) {
        try (InputStream in = InformeaMapperTest.class.getResourceAsStream(name)) {
            JsonNode root = JSON.readTree(in);
            JsonNode list = root.has("value")
                    ? root.get("value")
                    : root.get("d").isArray() ? root.get("d") : root.get("d").get("results");
            List<JsonNode> out = new ArrayList<>();
            list.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    static InformeaRecord map(InformeaEntitySet set, String fixture, int index) {
        InformeaRecord r = MAPPER.map(set, rows(fixture).get(index));
        ValidationReport report = VALIDATOR.validate(r.statements());
        assertTrue(report.conforms(), () -> r.iri() + ": " + report);
        return r;
    }

    static boolean noticed(InformeaRecord r, String part) {
        return r.notices().stream().anyMatch(n -> n.contains(part));
    }

    @Test
    void aToolkitDecisionKeepsEveryLanguageItsFilesAndItsMeeting() {
        InformeaRecord r = map(InformeaEntitySet.DECISIONS, "decisions-v1.json", 0);
        Decision d = (Decision) r.record();
        assertEquals(Values.iri(BASE + "records/decision/8fc906c1-820c-4a38-ad7c-00879971fee8"), d.iri());
        assertEquals("SC-3/7", d.common().identifier());
        assertEquals("8fc906c1-820c-4a38-ad7c-00879971fee8", d.common().informeaId());
        assertEquals(ChmThesaurus.treaty("stockholm"), d.treaty());
        assertEquals(ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, "decision"), d.decisionType());
        assertEquals(
                ChmThesaurus.concept(ChmThesaurus.STATUSES, "active"),
                d.common().status());
        assertEquals(Values.iri(BASE + "records/meeting/0066da14-412c-e411-855b-005056856044"), d.meeting());
        assertEquals(LocalDate.of(2008, 3, 23), d.adopted());
        assertEquals(Instant.ofEpochMilli(1206271611000L), d.common().modifiedAtSource());
        assertEquals(Set.of("en", "fr", "zh"), d.common().title().languages());
        assertTrue(noticed(r, "language 'zh-cn' read as zh"));
        assertEquals(
                "The Conference of the Parties adopts the guidelines & invites Parties to report.",
                d.common().summary().get("en").orElseThrow());
        assertTrue(noticed(r, "summary had HTML"));
        List<FileRef> files = d.common().files();
        assertEquals(2, files.size(), "the link that is not a URL is left out");
        assertTrue(noticed(r, "not an http(s) URL: not a url"));
        assertEquals("UNEP-POPS-COP.3-SC-3-7.English.doc", files.get(0).fileName(), "from download.aspx?d=");
        assertEquals("application/pdf", files.get(1).mediaType(), "mimeType pdf read as its media type");
        assertEquals("fr", files.get(1).language(), "fre read as fr");
        assertTrue(
                r.statements().contains(d.iri(), CHM.displayOrder, Values.literal(java.math.BigInteger.valueOf(3370))));
        assertTrue(r.statements().contains(d.iri(), FOAF.PAGE, Values.iri("http://chm.pops.int/decisions/SC-3-7")));
        Literal source = (Literal) r.statements()
                .filter(d.iri(), CHM.sourceDocument, null)
                .objects()
                .iterator()
                .next();
        assertTrue(source.getLabel().contains("<b>adopts</b>"), "the HTML stays in the source document");
        assertFalse(source.getLabel().contains("__metadata"));
    }

    @Test
    void aCbdDecisionWithPlainArraysResolvesKnownKeywordsAndKeepsTheOthers() {
        InformeaRecord r = map(InformeaEntitySet.DECISIONS, "decisions-v3.json", 0);
        Decision d = (Decision) r.record();
        assertEquals(ChmThesaurus.treaty("nagoya"), d.treaty());
        assertEquals(Set.of("en", "es"), d.common().title().languages());
        assertEquals(Values.iri(BASE + "records/meeting/NP-MOP-01"), d.meeting());
        assertEquals(1, d.common().files().size());
        assertEquals(
                Set.of(Values.literal("access and benefit-sharing"), Values.literal("Target 1")),
                r.statements().filter(d.iri(), CHM.keyword, null).objects());
    }

    @Test
    void aCbdContactHasItsRolesAsCategoriesPerTreatyAndThePrimaryFlag() {
        InformeaRecord r = map(InformeaEntitySet.CONTACTS, "contacts-v3.json", 0);
        FocalPoint f = (FocalPoint) r.record();
        assertEquals(
                Set.of(ChmThesaurus.treaty("cbd"), ChmThesaurus.treaty("cartagena"), ChmThesaurus.treaty("nagoya")),
                f.treaties());
        assertEquals(
                Set.of(
                        ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "CPB-FP1"),
                        ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "BCH-FP"),
                        ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "CBD-FP1")),
                f.categories());
        assertEquals(ChmThesaurus.country("bb"), f.country());
        assertEquals("Ada Example", f.name());
        assertEquals(Set.of(Values.iri("mailto:ada.example@example.org")), f.emails());
        assertEquals(Set.of(Values.iri("tel:+1-555-0100")), f.phones());
        assertTrue(r.statements().contains(f.iri(), CHM.primaryContact, Values.literal(true)));
    }

    @Test
    void aToolkitContactWithIdPhoneAlpha3AndVendorFieldsIsReadWithNotices() {
        InformeaRecord r = map(InformeaEntitySet.CONTACTS, "contacts-v1.json", 0);
        FocalPoint f = (FocalPoint) r.record();
        assertEquals("1b7c0e52-0000-4000-8000-000000000001", f.common().informeaId());
        assertEquals(Set.of(ChmThesaurus.treaty("rotterdam")), f.treaties());
        assertEquals(Set.of(ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "NFP")), f.categories());
        assertEquals(ChmThesaurus.country("hu"), f.country());
        assertEquals(Set.of(Values.iri("tel:+36-1-555-0100")), f.phones());
        assertEquals(Set.of(Values.iri("mailto:b.sample@example.org")), f.emails());
        assertTrue(r.statements().contains(f.iri(), CHM.primaryContact, Values.literal(false)));
        assertTrue(noticed(r, "'Id', not 'id'"));
        assertTrue(noticed(r, "'phone'"));
        assertTrue(noticed(r, "country 'hun' read as HU"));
        assertTrue(noticed(r, "vendor fields [brsRegionPic, brsRegionUn]"));
        assertTrue(noticed(r, "no updated"));
        assertTrue(noticed(r, "email 'invalid'"));
    }

    @Test
    void meetingsNeedAStartDate() {
        InformeaRecord r = map(InformeaEntitySet.MEETINGS, "meetings-v1.json", 0);
        Meeting m = (Meeting) r.record();
        assertEquals(LocalDate.of(2019, 8, 17), m.startDate());
        assertEquals("COP", m.body());
        assertEquals("Geneva", m.city());
        assertEquals(ChmThesaurus.country("ch"), m.country());
        assertEquals("CoP18", m.common().title().get("und").orElseThrow(), "und is kept");
        assertEquals(
                "Geneva (Switzerland), 17-28 August 2019",
                m.common().summary().get("en").orElseThrow());
        assertTrue(noticed(r, "control characters"));
        InformeaMappingException e = assertThrows(
                InformeaMappingException.class,
                () -> MAPPER.map(
                        InformeaEntitySet.MEETINGS, rows("meetings-v1.json").get(1)));
        assertTrue(e.getMessage().contains("no start date (status nodate)"), e.getMessage());
    }

    @Test
    void countryReportsAndNationalPlansAreNationalReportsOfTheirType() {
        NationalReport report = (NationalReport) map(InformeaEntitySet.COUNTRY_REPORTS, "countryreports-v1.json", 0)
                .record();
        assertEquals(ChmThesaurus.country("sn"), report.country());
        assertEquals(ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "country-report"), report.reportType());
        assertEquals(LocalDate.of(2018, 1, 15), report.submitted());

        NationalReport nip = (NationalReport) map(InformeaEntitySet.NATIONAL_PLANS, "nationalplans-v1.json", 0)
                .record();
        assertEquals(Values.iri(BASE + "records/national-report/plan-nip-42"), nip.iri());
        assertEquals(ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "nip"), nip.reportType());
        assertEquals(ChmThesaurus.country("ec"), nip.country());
        InformeaRecord other = map(InformeaEntitySet.NATIONAL_PLANS, "nationalplans-v1.json", 1);
        assertEquals(
                ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "national-plan"),
                ((NationalReport) other.record()).reportType());
        assertTrue(noticed(other, "type 'lowEmissionStrategy' is not in report-types"));
    }

    @Test
    void sitesHaveTheirTreatyCountriesAndCoordinates() {
        Site ramsar = (Site) map(InformeaEntitySet.SITES, "sites-v1.json", 0).record();
        assertEquals(ChmThesaurus.treaty("ramsar"), ramsar.treaty());
        assertEquals(Set.of(ChmThesaurus.country("au")), ramsar.countries());
        assertEquals(-11.35, ramsar.latitude());
        assertEquals(132.2, ramsar.longitude());
        Site whc = (Site) map(InformeaEntitySet.SITES, "sites-v1.json", 1).record();
        assertEquals(ChmThesaurus.treaty("whc"), whc.treaty(), "the type names the treaty");
        assertEquals(-0.6833, whc.latitude(), "coordinates sent as strings");
        InformeaMappingException e = assertThrows(
                InformeaMappingException.class,
                () -> MAPPER.map(InformeaEntitySet.SITES, rows("sites-v1.json").get(2)));
        assertTrue(e.getMessage().contains("no country the thesaurus knows"), e.getMessage());
    }

    @Test
    void treatiesMapToTheirConceptAndUnknownOnesAreRefused() {
        InformeaRecord r = map(InformeaEntitySet.TREATIES, "treaties-v1.json", 0);
        Treaty t = (Treaty) r.record();
        assertEquals(ChmThesaurus.treaty("stockholm"), t.treaty());
        assertEquals(Values.iri(BASE + "records/treaty/stockholm"), t.iri());
        JsonNode unknown = JSON.createObjectNode().put("id", "atlantis").put("titleEnglish", "Atlantis Accord");
        assertThrows(InformeaMappingException.class, () -> MAPPER.map(InformeaEntitySet.TREATIES, unknown));
    }

    @Test
    void documentsLinkTheirMeetingAndReferencedRecordsAndKeepTheirTags() {
        InformeaRecord r = map(InformeaEntitySet.DOCUMENTS, "documents-v4.json", 0);
        Document d = (Document) r.record();
        assertEquals(ChmThesaurus.treaty("basel"), d.treaty(), "the first of treaties");
        assertTrue(noticed(r, "treaties lists 2"));
        assertEquals(Values.iri(BASE + "records/meeting/bc-cop-14"), d.meeting());
        assertEquals(
                Set.of(Values.iri(BASE + "records/national-report/plan-nip-42")),
                d.common().cites());
        assertTrue(noticed(r, "'legislation' is not an entity set"));
        assertEquals(ChmThesaurus.concept(ChmThesaurus.DOCUMENT_TYPES, "report"), d.documentType());
        assertEquals(LocalDate.of(2019, 5, 10), d.published());
        assertEquals(
                Set.of(Values.literal("hazardous waste"), Values.literal("plastic waste")),
                r.statements().filter(d.iri(), CHM.keyword, null).objects());
    }

    @Test
    void rowsWithoutTreatyUseTheDefaultOrAreRefused() {
        JsonNode row = JSON.createObjectNode()
                .put("id", "m1")
                .put("start", "/Date(1566000000000)/")
                .set(
                        "title",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("language", "en")
                                        .put("value", "M")));
        InformeaMappingException e =
                assertThrows(InformeaMappingException.class, () -> MAPPER.map(InformeaEntitySet.MEETINGS, row));
        assertTrue(e.getMessage().contains("no default treaty"), e.getMessage());
        InformeaMapper withDefault =
                new InformeaMapper(BASE, THESAURUS, new InformeaTreaties(THESAURUS), ChmThesaurus.treaty("cms"));
        assertEquals(
                ChmThesaurus.treaty("cms"),
                ((Meeting) withDefault.map(InformeaEntitySet.MEETINGS, row).record()).treaty());
    }

    @Test
    void treatiesAreFoundByIdentifierNameAcronymAndExtraNames() {
        InformeaTreaties treaties = new InformeaTreaties(THESAURUS)
                .withNames(Map.of(
                        "Protocol concerning Specially Protected Areas and Biological Diversity in the Mediterranean",
                        "barcelona"));
        assertEquals(
                ChmThesaurus.treaty("stockholm"), treaties.resolve("Stockholm").orElseThrow());
        assertEquals(
                ChmThesaurus.treaty("stockholm"), treaties.resolve("STOCKHOLM").orElseThrow());
        assertEquals(
                ChmThesaurus.treaty("stockholm"),
                treaties.resolve("Stockholm Convention on Persistent Organic Pollutants")
                        .orElseThrow());
        assertEquals(ChmThesaurus.treaty("cites"), treaties.resolve("CITES").orElseThrow());
        assertEquals(
                ChmThesaurus.treaty("barcelona"),
                treaties.resolve("protocol concerning  specially protected areas and biological diversity in the"
                                + " mediterranean")
                        .orElseThrow());
        assertTrue(treaties.resolve("Atlantis Accord").isEmpty());
        assertEquals(
                "plant_treaty",
                treaties.identifier(ChmThesaurus.treaty("plant_treaty")).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> treaties.withNames(Map.of("X", "atlantis")));
    }

    @Test
    void everyTreatyOfTheSchemeHasItsInformeaIdentifierAndAnEnglishLabel() {
        IRI scheme = ChmThesaurus.scheme(ChmThesaurus.TREATIES);
        InformeaTreaties treaties = new InformeaTreaties(THESAURUS);
        for (String id : List.of(
                "cbd",
                "cartagena",
                "nagoya",
                "cites",
                "cms",
                "aewa",
                "ascobans",
                "eurobats",
                "ramsar",
                "whc",
                "unccd",
                "unfccc",
                "kyoto",
                "paris",
                "vienna",
                "montreal",
                "basel",
                "rotterdam",
                "stockholm",
                "minamata",
                "plant_treaty",
                "barcelona")) {
            IRI treaty = treaties.resolve(id).orElseThrow(() -> new AssertionError(id));
            assertTrue(THESAURUS.concept(treaty).orElseThrow().inScheme(scheme));
            assertFalse(
                    THESAURUS
                            .concept(treaty)
                            .orElseThrow()
                            .prefLabels()
                            .get("en")
                            .isBlank(),
                    id);
        }
    }
}
