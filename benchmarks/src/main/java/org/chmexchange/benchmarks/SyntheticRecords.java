package org.chmexchange.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.chmexchange.model.RecordType;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * Deterministic synthetic records in the common format, shaped like real CHM content: national
 * reports and focal points of every country, decisions and documents of meetings of the CBD family,
 * multilingual titles, GBF and Aichi concepts, files. Record {@code i} is always the same, so two
 * runs (and the raw baseline) load identical triples. People are fictional (example.org).
 */
final class SyntheticRecords {

    private static final List<String> TREATIES =
            List.of("cbd", "cbd", "cbd", "cartagena", "nagoya", "cms", "ramsar", "cites");
    private static final List<String> REPORT_TYPES =
            List.of("nbsap", "national-report-6", "national-report-7", "national-report");
    private static final List<String> FP_CATEGORIES =
            List.of("CBD-FP1", "CBD-FP2", "CHM-FP", "SBSTTA-FP", "ABS-FP", "BCH-FP", "GTI-FP");
    private static final List<String> DECISION_TYPES = List.of("decision", "decision", "recommendation", "resolution");
    private static final List<String> DOC_TYPES = List.of("working-document", "information-document", "report");
    private static final String[] WORDS = {
        "biodiversity", "conservation", "sustainable", "use", "genetic", "resources", "benefit", "sharing",
        "protected", "areas", "restoration", "ecosystems", "species", "invasive", "pollution", "finance",
        "capacity", "cooperation", "knowledge", "indigenous", "peoples", "marine", "forests", "wetlands",
        "monitoring", "indicators", "targets", "implementation", "review", "clearing-house", "mechanism"
    };
    private static final String[][] TRANSLATIONS = {
        {"fr", "Rapport sur la diversité biologique"},
        {"es", "Informe sobre la diversidad biológica"},
        {"ru", "Доклад о биологическом разнообразии"},
        {"zh", "生物多样性报告"},
        {"ar", "تقرير عن التنوع البيولوجي"}
    };
    private static final String[] COUNTRIES = Locale.getISOCountries();

    private final String base;

    SyntheticRecords(String base) {
        this.base = base;
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive) as one model. */
    Model batch(int from, int to) {
        Model m = new LinkedHashModel();
        for (int i = from; i < to; i++) {
            record(i, m);
        }
        return m;
    }

    private void record(int i, Model m) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        int kind = i % 20;
        if (kind == 0) {
            meeting(i, r, m);
        } else if (kind <= 4) {
            decision(i, r, m);
        } else if (kind <= 9) {
            document(i, r, m);
        } else if (kind <= 14) {
            report(i, r, m);
        } else {
            focalPoint(i, r, m);
        }
    }

    private IRI common(int i, SplittableRandom r, Model m, RecordType type, IRI cls, String identifier) {
        IRI iri = type.mint(base, "syn-" + i);
        m.add(iri, RDF.TYPE, cls);
        m.add(iri, DCTERMS.IDENTIFIER, Values.literal(identifier));
        m.add(iri, DCTERMS.TITLE, Values.literal(sentence(r, 6) + " " + i, "en"));
        String[] t = TRANSLATIONS[r.nextInt(TRANSLATIONS.length)];
        m.add(iri, DCTERMS.TITLE, Values.literal(t[1] + " " + i, t[0]));
        m.add(iri, DCTERMS.DESCRIPTION, Values.literal(sentence(r, 25), "en"));
        // As a source would send it; the store replaces it with its own time (same triple count).
        m.add(
                iri,
                DCTERMS.MODIFIED,
                Values.literal(
                        String.format(
                                "%04d-%02d-%02dT12:00:00Z", 2000 + r.nextInt(25), 1 + r.nextInt(12), 1 + r.nextInt(28)),
                        XSD.DATETIME));
        m.add(iri, CHM.treaty, ChmThesaurus.treaty(pick(r, TREATIES)));
        int concepts = 1 + r.nextInt(3);
        for (int c = 0; c < concepts; c++) {
            if (r.nextBoolean()) {
                m.add(
                        iri,
                        DCTERMS.SUBJECT,
                        ChmThesaurus.concept(
                                ChmThesaurus.GBF_TARGETS, String.format("GBF-TARGET-%02d", 1 + r.nextInt(23))));
            } else {
                m.add(
                        iri,
                        DCTERMS.SUBJECT,
                        ChmThesaurus.concept(
                                ChmThesaurus.AICHI_TARGETS, String.format("AICHI-TARGET-%02d", 1 + r.nextInt(20))));
            }
        }
        return iri;
    }

    private void meeting(int i, SplittableRandom r, Model m) {
        IRI iri = common(i, r, m, RecordType.MEETING, CHM.Meeting, "SYN-MTG-" + i);
        m.add(iri, CHM.body, Values.literal(r.nextBoolean() ? "COP" : "SBSTTA"));
        m.add(iri, CHM.session, Values.literal(Integer.toString(1 + r.nextInt(30)), XSD.INTEGER));
        m.add(iri, Std.SCHEMA_START_DATE, date(r));
        m.add(iri, CHM.city, Values.literal("Montreal"));
        m.add(iri, CHM.country, ChmThesaurus.country(pick(r, COUNTRIES)));
    }

    private void decision(int i, SplittableRandom r, Model m) {
        IRI iri = common(i, r, m, RecordType.DECISION, CHM.Decision, (1 + r.nextInt(16)) + "/" + i);
        m.add(iri, CHM.decisionType, ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, pick(r, DECISION_TYPES)));
        m.add(iri, CHM.meeting, meetingOf(i));
        m.add(iri, CHM.adoptionDate, date(r));
    }

    private void document(int i, SplittableRandom r, Model m) {
        IRI iri = common(i, r, m, RecordType.DOCUMENT, CHM.Document, "SYN/DOC/" + i);
        m.add(iri, CHM.documentType, ChmThesaurus.concept(ChmThesaurus.DOCUMENT_TYPES, pick(r, DOC_TYPES)));
        m.add(iri, CHM.meeting, meetingOf(i));
        m.add(iri, CHM.cites, RecordType.DECISION.mint(base, "syn-" + (i - i % 20 + 1)));
        file(iri, i, r, m);
    }

    private void report(int i, SplittableRandom r, Model m) {
        IRI iri = common(i, r, m, RecordType.NATIONAL_REPORT, CHM.NationalReport, "SYN-NR-" + i);
        m.add(iri, CHM.country, ChmThesaurus.country(pick(r, COUNTRIES)));
        m.add(iri, CHM.reportType, ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, pick(r, REPORT_TYPES)));
        m.add(iri, DCTERMS.DATE_SUBMITTED, date(r));
        file(iri, i, r, m);
    }

    private void focalPoint(int i, SplittableRandom r, Model m) {
        IRI iri = common(i, r, m, RecordType.FOCAL_POINT, CHM.FocalPoint, "SYN-NFP-" + i);
        m.add(iri, CHM.country, ChmThesaurus.country(pick(r, COUNTRIES)));
        m.add(
                iri,
                CHM.focalPointCategory,
                ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, pick(r, FP_CATEGORIES)));
        m.add(iri, CHM.contactKind, Values.literal("person"));
        m.add(iri, VCARD4.FN, Values.literal("Focal Point " + i));
        m.add(iri, VCARD4.HAS_EMAIL, Values.iri("mailto:focal.point." + i + "@example.org"));
        m.add(iri, VCARD4.ORGANIZATION_NAME, Values.literal("Ministry of Environment " + (i % 97), "en"));
    }

    private void file(IRI record, int i, SplittableRandom r, Model m) {
        IRI file = Values.iri(record + "#file-1");
        m.add(record, CHM.file, file);
        m.add(file, RDF.TYPE, CHM.File);
        m.add(file, DCAT.DOWNLOAD_URL, Values.iri("https://files.example.org/syn/" + i + ".pdf"));
        m.add(file, DCAT.MEDIA_TYPE, Values.iri("https://www.iana.org/assignments/media-types/application/pdf"));
        m.add(file, DCTERMS.LANGUAGE, Values.literal(r.nextBoolean() ? "en" : "fr", XSD.LANGUAGE));
    }

    private IRI meetingOf(int i) {
        return RecordType.MEETING.mint(base, "syn-" + (i - i % 20));
    }

    private static org.eclipse.rdf4j.model.Literal date(SplittableRandom r) {
        return Values.literal(
                String.format("%04d-%02d-%02d", 1995 + r.nextInt(30), 1 + r.nextInt(12), 1 + r.nextInt(28)), XSD.DATE);
    }

    private static String sentence(SplittableRandom r, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            s.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
