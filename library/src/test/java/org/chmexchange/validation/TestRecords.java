package org.chmexchange.validation;

import static org.chmexchange.vocab.ChmThesaurus.concept;
import static org.chmexchange.vocab.ChmThesaurus.scheme;

import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.ModelBuilder;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/** Small fictional test data: a tiny thesaurus and one valid record of each type under example.org. */
final class TestRecords {

    static final String BASE = "http://example.org/records/";

    static final IRI CBD = concept(ChmThesaurus.TREATIES, "cbd");
    static final IRI FRANCE = concept(ChmThesaurus.COUNTRIES, "fr");
    static final IRI FINAL = concept(ChmThesaurus.STATUSES, "final");
    static final IRI DECISION = concept(ChmThesaurus.DECISION_TYPES, "decision");
    static final IRI INFORMATION_DOCUMENT = concept(ChmThesaurus.DOCUMENT_TYPES, "information-document");
    static final IRI NATIONAL_REPORT_7 = concept(ChmThesaurus.REPORT_TYPES, "national-report-7");
    static final IRI CBD_FP1 = concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "CBD-FP1");
    static final IRI GBF_TARGET_3 = concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03");
    static final IRI AICHI_TARGET_11 = concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-11");

    static final IRI TREATY = record("treaty", "cbd");
    static final IRI MEETING = record("meeting", "cbd-cop-15-2");
    static final IRI DECISION_15_4 = record("decision", "cbd-decision-15-4");
    static final IRI DOCUMENT = record("document", "unep-cbd-cop-13-inf-22");
    static final IRI DOCUMENT_FILE = Values.iri(DOCUMENT.stringValue() + "#file-1");
    static final IRI REPORT = record("national-report", "fr-nr7");
    static final IRI FOCAL_POINT = record("focal-point", "fr-cbd-fp1-jane-example");
    static final IRI ORGANIZATION = record("organization", "example-institute");

    private TestRecords() {}

    static IRI record(String type, String id) {
        return Values.iri(BASE + type + "/" + id);
    }

    /** The schemes and concepts the test records use; France is also a chm:Country. */
    static Model thesaurus() {
        ModelBuilder b = new ModelBuilder();
        addConcept(b, CBD, ChmThesaurus.TREATIES, "Convention on Biological Diversity");
        addConcept(b, FRANCE, ChmThesaurus.COUNTRIES, "France");
        b.subject(FRANCE).add(RDF.TYPE, CHM.Country);
        addConcept(b, FINAL, ChmThesaurus.STATUSES, "final");
        addConcept(b, DECISION, ChmThesaurus.DECISION_TYPES, "decision");
        addConcept(b, INFORMATION_DOCUMENT, ChmThesaurus.DOCUMENT_TYPES, "information document");
        addConcept(b, NATIONAL_REPORT_7, ChmThesaurus.REPORT_TYPES, "seventh national report");
        addConcept(b, CBD_FP1, ChmThesaurus.FOCAL_POINT_CATEGORIES, "CBD national focal point");
        addConcept(b, GBF_TARGET_3, ChmThesaurus.GBF_TARGETS, "Target 3");
        addConcept(b, AICHI_TARGET_11, ChmThesaurus.AICHI_TARGETS, "Aichi Target 11");
        return b.build();
    }

    private static void addConcept(ModelBuilder b, IRI concept, String schemeName, String label) {
        b.subject(scheme(schemeName)).add(RDF.TYPE, SKOS.CONCEPT_SCHEME);
        b.subject(concept)
                .add(RDF.TYPE, SKOS.CONCEPT)
                .add(SKOS.IN_SCHEME, scheme(schemeName))
                .add(SKOS.PREF_LABEL, Values.literal(label, "en"));
    }

    static Model treaty() {
        return new ModelBuilder()
                .subject(TREATY)
                .add(RDF.TYPE, CHM.Treaty)
                .add(DCTERMS.IDENTIFIER, "cbd")
                .add(DCTERMS.TITLE, Values.literal("Convention on Biological Diversity", "en"))
                .add(DCTERMS.TITLE, Values.literal("Convention sur la diversité biologique", "fr"))
                .add(CHM.treaty, CBD)
                .add(CHM.acronym, "CBD")
                .add(CHM.adoptionDate, Values.literal("1992-05-22", XSD.DATE))
                .add(CHM.openedForSignature, Values.literal("1992-06-05", XSD.DATE))
                .add(CHM.entryIntoForce, Values.literal("1993-12-29", XSD.DATE))
                .add(CHM.placeOfAdoption, "Nairobi")
                .add(CHM.secretariatSeat, "Montreal")
                .add(CHM.untcReference, "1760 UNTS 79")
                .add(CHM.informeaId, "cbd")
                .add(CHM.status, FINAL)
                .add(DCTERMS.MODIFIED, Values.literal("2024-01-02T03:04:05Z", XSD.DATETIME))
                .build();
    }

    static Model meeting() {
        return new ModelBuilder()
                .subject(MEETING)
                .add(RDF.TYPE, CHM.Meeting)
                .add(DCTERMS.IDENTIFIER, "COP-15-2")
                .add(DCTERMS.TITLE, Values.literal("Fifteenth meeting of the Conference of the Parties, part 2", "en"))
                .add(CHM.treaty, CBD)
                .add(CHM.body, "COP")
                .add(CHM.session, Values.literal("15", XSD.INTEGER))
                .add(CHM.part, Values.literal("2", XSD.INTEGER))
                .add(Std.SCHEMA_START_DATE, Values.literal("2022-12-07", XSD.DATE))
                .add(Std.SCHEMA_END_DATE, Values.literal("2022-12-19", XSD.DATE))
                .add(CHM.city, "Montreal")
                .build();
    }

    static Model decision() {
        return new ModelBuilder()
                .subject(DECISION_15_4)
                .add(RDF.TYPE, CHM.Decision)
                .add(DCTERMS.IDENTIFIER, "15/4")
                .add(DCTERMS.TITLE, Values.literal("Kunming-Montreal Global Biodiversity Framework", "en"))
                .add(DCTERMS.DESCRIPTION, Values.literal("Adopts the framework.", "en"))
                .add(CHM.treaty, CBD)
                .add(CHM.decisionType, DECISION)
                .add(CHM.meeting, MEETING)
                .add(CHM.adoptionDate, Values.literal("2022-12-19", XSD.DATE))
                .add(DCTERMS.SUBJECT, GBF_TARGET_3)
                .add(DCTERMS.SUBJECT, AICHI_TARGET_11)
                .add(CHM.cites, record("decision", "cbd-decision-14-1"))
                .build();
    }

    static Model document() {
        return new ModelBuilder()
                .subject(DOCUMENT)
                .add(RDF.TYPE, CHM.Document)
                .add(DCTERMS.IDENTIFIER, "UNEP/CBD/COP/13/INF/22")
                .add(DCTERMS.DESCRIPTION, Values.literal("An information document.", "en"))
                .add(CHM.treaty, CBD)
                .add(CHM.documentType, INFORMATION_DOCUMENT)
                .add(CHM.meeting, MEETING)
                .add(DCTERMS.ISSUED, Values.literal("2016-11-20", XSD.DATE))
                .add(CHM.file, DOCUMENT_FILE)
                .subject(DOCUMENT_FILE)
                .add(RDF.TYPE, CHM.File)
                .add(DCAT.DOWNLOAD_URL, Values.iri("http://example.org/files/cop-13-inf-22-en.pdf"))
                .add(DCAT.MEDIA_TYPE, Values.iri("https://www.iana.org/assignments/media-types/application/pdf"))
                .add(DCTERMS.LANGUAGE, Values.literal("en", XSD.LANGUAGE))
                .add(CHM.fileName, "cop-13-inf-22-en.pdf")
                .build();
    }

    static Model nationalReport() {
        return new ModelBuilder()
                .subject(REPORT)
                .add(RDF.TYPE, CHM.NationalReport)
                .add(DCTERMS.IDENTIFIER, "FR-NR7")
                .add(DCTERMS.TITLE, Values.literal("Septième rapport national", "fr"))
                .add(CHM.treaty, CBD)
                .add(CHM.country, FRANCE)
                .add(CHM.reportType, NATIONAL_REPORT_7)
                .add(DCTERMS.DATE_SUBMITTED, Values.literal("2026-02-27", XSD.DATE))
                .add(Std.SCHEMA_START_DATE, Values.literal("2022-01-01", XSD.DATE))
                .add(Std.SCHEMA_END_DATE, Values.literal("2025-12-31", XSD.DATE))
                .build();
    }

    static Model focalPoint() {
        return new ModelBuilder()
                .subject(FOCAL_POINT)
                .add(RDF.TYPE, CHM.FocalPoint)
                .add(DCTERMS.IDENTIFIER, "fr-cbd-fp1-jane-example")
                .add(CHM.treaty, CBD)
                .add(CHM.country, FRANCE)
                .add(CHM.focalPointCategory, CBD_FP1)
                .add(CHM.contactKind, "person")
                .add(VCARD4.FN, "Dr Jane Example")
                .add(VCARD4.HONORIFIC_PREFIX, "Dr")
                .add(VCARD4.GIVEN_NAME, "Jane")
                .add(VCARD4.FAMILY_NAME, "Example")
                .add(VCARD4.TITLE, Values.literal("Head of unit", "en"))
                .add(VCARD4.ORGANIZATION_NAME, Values.literal("Example Institute", "en"))
                .add(VCARD4.HAS_EMAIL, Values.iri("mailto:jane.example@example.org"))
                .add(VCARD4.HAS_TELEPHONE, Values.iri("tel:+1-555-0100"))
                .build();
    }

    static Model organization() {
        return new ModelBuilder()
                .subject(ORGANIZATION)
                .add(RDF.TYPE, CHM.Organization)
                .add(DCTERMS.IDENTIFIER, "example-institute")
                .add(DCTERMS.TITLE, Values.literal("Example Institute", "en"))
                .add(CHM.acronym, "EXI")
                .add(CHM.country, FRANCE)
                .add(FOAF.HOMEPAGE, Values.iri("http://example.org/"))
                .add(VCARD4.HAS_EMAIL, Values.iri("mailto:info@example.org"))
                .add(CHM.treaty, CBD)
                .build();
    }

    /** One valid record of every type. */
    static Model allRecords() {
        Model all = new LinkedHashModel();
        all.addAll(treaty());
        all.addAll(meeting());
        all.addAll(decision());
        all.addAll(document());
        all.addAll(nationalReport());
        all.addAll(focalPoint());
        all.addAll(organization());
        return all;
    }
}
