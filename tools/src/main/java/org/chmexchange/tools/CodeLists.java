package org.chmexchange.tools;

import java.util.List;
import org.chmexchange.vocab.ChmThesaurus;

/**
 * Builds the small code lists {@code report-types}, {@code decision-types}, {@code document-types}
 * and {@code statuses} (docs/MODEL.md). Labels and definitions are ours, in English; CBD schema names
 * (INCUMBENTS.md 1.1, 1.2) are kept as plain {@code skos:notation}s, their short codes as
 * {@code skos:altLabel}, and a CBD thesaurus term as a notation typed {@code chm:cbdTermIdentifier}
 * (so no concept has two notations of one type).
 *
 * <p>Thread-safety: stateless; the tables are immutable.
 */
final class CodeLists {

    /** CBD thesaurus term of the NBSAP report type (INCUMBENTS.md 1.2). */
    static final String NBSAP_TERM = "B0EBAE91-9581-4BB2-9C02-52FCF9D82721";

    static final List<CodeEntry> REPORT_TYPES = List.of(
            new CodeEntry(
                    "nbsap",
                    "National biodiversity strategy and action plan",
                    "A national biodiversity strategy and action plan (NBSAP) under Article 6 of the Convention on "
                            + "Biological Diversity; CBD report type " + NBSAP_TERM + " and ORT schema nbsap.",
                    List.of("nbsap"),
                    List.of("NBSAP"),
                    NBSAP_TERM),
            new CodeEntry(
                    "national-report",
                    "National report",
                    "A national report to the Convention on Biological Diversity of the reporting cycles before "
                            + "2020 (first to fifth national reports; CBD schema nationalReport).",
                    List.of("nationalReport"),
                    List.of("NR"),
                    null),
            new CodeEntry(
                    "national-report-6",
                    "Sixth national report",
                    "The sixth national report to the Convention on Biological Diversity (CBD schema "
                            + "nationalReport6).",
                    List.of("nationalReport6"),
                    List.of("NR6"),
                    null),
            new CodeEntry(
                    "national-report-7",
                    "Seventh national report",
                    "The seventh national report to the Convention on Biological Diversity, on the implementation "
                            + "of the Kunming-Montreal Global Biodiversity Framework (ORT schema nationalReport7).",
                    List.of("nationalReport7"),
                    List.of(),
                    null),
            new CodeEntry(
                    "national-plan",
                    "National plan",
                    "A national plan under a multilateral environmental agreement other than an NBSAP, such as a "
                            + "national implementation plan or a national adaptation programme of action "
                            + "(InforMEA NationalPlans).",
                    List.of(),
                    List.of(),
                    null),
            new CodeEntry(
                    "nip",
                    "National implementation plan",
                    "A national implementation plan under Article 7 of the Stockholm Convention on Persistent "
                            + "Organic Pollutants (InforMEA NationalPlans type nip).",
                    List.of("nip"),
                    List.of("NIP"),
                    null),
            new CodeEntry(
                    "napa",
                    "National adaptation programme of action",
                    "A national adaptation programme of action of a least developed country under the United "
                            + "Nations Framework Convention on Climate Change (InforMEA NationalPlans type napa).",
                    List.of("napa"),
                    List.of("NAPA"),
                    null),
            new CodeEntry(
                    "nap",
                    "National adaptation plan",
                    "A national adaptation plan under the United Nations Framework Convention on Climate Change "
                            + "(InforMEA NationalPlans type nap).",
                    List.of("nap"),
                    List.of("NAP"),
                    null),
            new CodeEntry(
                    "country-report",
                    "Country report",
                    "A national report to a multilateral environmental agreement, as its secretariat lists it "
                            + "(InforMEA CountryReports), when no finer report type applies.",
                    List.of(),
                    List.of(),
                    null));

    static final List<CodeEntry> DECISION_TYPES = List.of(
            new CodeEntry(
                    "decision",
                    "Decision",
                    "A decision adopted by the governing body of a treaty, such as a Conference of the Parties, "
                            + "a Meeting of the Parties or a Plenary.",
                    List.of("decision"),
                    List.of(),
                    null),
            CodeEntry.of(
                    "resolution",
                    "Resolution",
                    "A resolution adopted by the governing body of a treaty (for example the CMS Conference of the "
                            + "Parties), usually of lasting effect."),
            new CodeEntry(
                    "recommendation",
                    "Recommendation",
                    "A recommendation of a subsidiary body (for example SBSTTA) to the governing body of a treaty.",
                    List.of("recommendation"),
                    List.of(),
                    null));

    static final List<CodeEntry> DOCUMENT_TYPES = List.of(
            new CodeEntry(
                    "working-document",
                    "Working document",
                    "A pre-session document of a meeting prepared for its agenda items, which the meeting "
                            + "considers formally.",
                    List.of(),
                    List.of("working document"),
                    null),
            new CodeEntry(
                    "information-document",
                    "Information document",
                    "A document made available to a meeting for information (symbol with INF), not negotiated.",
                    List.of(),
                    List.of("information document", "INF document"),
                    null),
            CodeEntry.of(
                    "report",
                    "Report",
                    "The report of a meeting, or another report issued as a meeting " + "document."));

    static final List<CodeEntry> STATUSES = List.of(
            CodeEntry.of("draft", "Draft", "Prepared but not yet final or adopted."),
            CodeEntry.of("final", "Final", "Finalized, submitted or published; not expected to change."),
            CodeEntry.of("active", "Active", "In force or in use."),
            CodeEntry.of("amended", "Amended", "In force or in use, with changes made after its adoption."),
            CodeEntry.of("superseded", "Superseded", "Replaced by a later record."),
            CodeEntry.of("retired", "Retired", "No longer in force or in use, and not replaced."));

    private CodeLists() {}

    static SkosScheme reportTypes() {
        return build(ChmThesaurus.REPORT_TYPES, "National report types", REPORT_TYPES);
    }

    static SkosScheme decisionTypes() {
        return build(ChmThesaurus.DECISION_TYPES, "Decision types", DECISION_TYPES);
    }

    static SkosScheme documentTypes() {
        return build(ChmThesaurus.DOCUMENT_TYPES, "Meeting document types", DOCUMENT_TYPES);
    }

    static SkosScheme statuses() {
        return build(ChmThesaurus.STATUSES, "Record statuses", STATUSES);
    }

    static SkosScheme build(String scheme, String title, List<CodeEntry> entries) {
        SkosScheme out = new SkosScheme(scheme, title);
        entries.forEach(entry -> entry.addTo(out));
        return out;
    }
}
