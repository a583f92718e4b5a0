package org.chmexchange.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/** Fully populated records of every type, multilingual in the six UN languages; fictional people. */
public final class Samples {

    public static final String BASE = "http://node.example.org/";

    public static final IRI CBD = ChmThesaurus.treaty("cbd");
    public static final IRI NAGOYA = ChmThesaurus.treaty("nagoya");
    public static final IRI CARTAGENA = ChmThesaurus.treaty("cartagena");

    private Samples() {}

    /** One record of each type, every field set. */
    public static List<Record> all() {
        return List.of(
                treaty(), meeting(), decision(), document(), nationalReport(), focalPoint(), organization(), site());
    }

    /** A text in ar, en, es, fr, ru and zh. */
    public static LangText sixLanguages(String english) {
        return LangText.of(
                "ar", "إطار كونمينغ-مونتريال العالمي للتنوع البيولوجي: " + english,
                "en", english,
                "es", "Marco Mundial de Biodiversidad de Kunming-Montreal: " + english,
                "fr", "Cadre mondial de la biodiversité de Kunming-Montréal : " + english,
                "ru", "Куньминско-Монреальская глобальная рамочная программа: " + english,
                "zh", "昆明-蒙特利尔全球生物多样性框架：" + english);
    }

    /** Common properties with every field set, two files. */
    public static Common common(RecordType type, String id, String identifier) {
        IRI iri = type.mint(BASE, id);
        return Common.builder(iri, identifier)
                .title(sixLanguages("Title of " + identifier))
                .summary(sixLanguages("Summary of " + identifier))
                .modified(Instant.parse("2025-11-30T08:15:30.123Z"))
                .modifiedAtSource(Instant.parse("2025-11-29T17:00:00Z"))
                .concepts(List.of(
                        ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-01"),
                        ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-11"),
                        ChmThesaurus.concept(ChmThesaurus.GBF_GOALS, "GBF-GOAL-A")))
                .status(ChmThesaurus.concept(ChmThesaurus.STATUSES, "final"))
                .files(List.of(
                        new FileRef(
                                FileRef.iriFor(iri, 2),
                                Values.iri("https://files.example.org/" + id + "-fr.pdf"),
                                "application/pdf",
                                "fr",
                                id + "-fr.pdf"),
                        new FileRef(
                                FileRef.iriFor(iri, 1),
                                Values.iri("https://files.example.org/" + id + "-en.docx"),
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                "en",
                                id + "-en.docx")))
                .cites(List.of(
                        RecordType.DOCUMENT.mint(BASE, "unep-cbd-cop-15-17"),
                        RecordType.DECISION.mint(BASE, "cbd-decision-14-1")))
                .cbdIdentifier("chm-" + id + "-0001")
                .informeaId("informea-" + id)
                .build();
    }

    public static Treaty treaty() {
        return Treaty.builder(common(RecordType.TREATY, "nagoya", "nagoya"), NAGOYA)
                .acronym("NP")
                .parentTreaty(CBD)
                .adopted(LocalDate.of(2010, 10, 29))
                .openedForSignature(LocalDate.of(2011, 2, 2))
                .entryIntoForce(LocalDate.of(2014, 10, 12))
                .placeOfAdoption("Nagoya, Japan")
                .secretariatSeat("Montreal, Canada")
                .untcReference("XXVII-8-b")
                .build();
    }

    public static Meeting meeting() {
        return Meeting.builder(common(RecordType.MEETING, "cbd-cop-15-2", "COP-15-2"), CBD, LocalDate.of(2022, 12, 7))
                .body("COP")
                .session(15)
                .part(2)
                .endDate(LocalDate.of(2022, 12, 19))
                .city("Montreal")
                .country(ChmThesaurus.country("CA"))
                .build();
    }

    public static Decision decision() {
        return new Decision(
                common(RecordType.DECISION, "cbd-decision-15-4", "15/4"),
                CBD,
                ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, "decision"),
                RecordType.MEETING.mint(BASE, "cbd-cop-15-2"),
                LocalDate.of(2022, 12, 19));
    }

    public static Document document() {
        return new Document(
                common(RecordType.DOCUMENT, "unep-cbd-cop-13-inf-22", "UNEP/CBD/COP/13/INF/22"),
                CBD,
                ChmThesaurus.concept(ChmThesaurus.DOCUMENT_TYPES, "information-document"),
                RecordType.MEETING.mint(BASE, "cbd-cop-13"),
                LocalDate.of(2016, 11, 20));
    }

    public static NationalReport nationalReport() {
        return NationalReport.builder(
                        common(RecordType.NATIONAL_REPORT, "fr-nr7", "FR-NR7"),
                        List.of(CBD, NAGOYA),
                        ChmThesaurus.country("fr"),
                        ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "national-report-7"))
                .submitted(LocalDate.of(2026, 2, 27))
                .published(LocalDate.of(2026, 3, 2))
                .period(LocalDate.of(2022, 12, 19), LocalDate.of(2025, 12, 31))
                .build();
    }

    public static FocalPoint focalPoint() {
        return FocalPoint.builder(
                        common(RecordType.FOCAL_POINT, "fp-xx-0042", "FP-XX-0042"),
                        List.of(CBD, CARTAGENA),
                        ChmThesaurus.country("fr"),
                        List.of(
                                ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "CBD-FP1"),
                                ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "BCH-NFP")),
                        FocalPoint.ContactKind.PERSON,
                        "Dr. Ada Example")
                .prefix("Dr.")
                .firstName("Ada")
                .lastName("Example")
                .designation(sixLanguages("Head of the Biodiversity Office"))
                .organization(sixLanguages("Ministry of Examples"))
                .emails(List.of(Values.iri("mailto:ada.example@example.org"), Values.iri("mailto:office@example.org")))
                .phones(List.of(Values.iri("tel:+1-555-0100"), Values.iri("tel:+1-555-0199")))
                .build();
    }

    /** A transboundary Ramsar site (two countries) with its coordinates. */
    public static Site site() {
        return Site.of(
                common(RecordType.SITE, "ramsar-site-example", "RS-0001"),
                ChmThesaurus.treaty("ramsar"),
                List.of(ChmThesaurus.country("at"), ChmThesaurus.country("sk")),
                48.1375,
                16.9375);
    }

    public static Organization organization() {
        return Organization.of(
                common(RecordType.ORGANIZATION, "example-secretariat", "EXS"),
                "EXS",
                ChmThesaurus.country("ca"),
                Values.iri("https://secretariat.example.org/"),
                List.of(Values.iri("mailto:secretariat@example.org")),
                List.of(CBD, NAGOYA, CARTAGENA));
    }
}
