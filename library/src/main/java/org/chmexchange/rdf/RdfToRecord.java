package org.chmexchange.rdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chmexchange.model.Common;
import org.chmexchange.model.Decision;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.Meeting;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.Organization;
import org.chmexchange.model.Record;
import org.chmexchange.model.RecordType;
import org.chmexchange.model.Treaty;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;

/** Reads one typed record from a model (MODEL.md, "Properties"). Not thread-safe; one per record. */
final class RdfToRecord {

    /** The RDF class of every record type. */
    static final Set<IRI> RECORD_CLASSES =
            Arrays.stream(RecordType.values()).map(RecordType::rdfClass).collect(Collectors.toUnmodifiableSet());

    private final Model model;
    private final IRI iri;
    private final SubjectReader in;

    RdfToRecord(Model model, IRI iri) {
        this.model = model;
        this.iri = iri;
        this.in = new SubjectReader(model, iri, iri);
    }

    Record read() {
        if (!model.contains(iri, null, null)) {
            throw in.error("no statements about it in the model");
        }
        RecordType type = type();
        try {
            Common common = common();
            return switch (type) {
                case TREATY -> treaty(common);
                case MEETING -> meeting(common);
                case DECISION -> new Decision(
                        common,
                        in.requiredIri(CHM.treaty),
                        in.requiredIri(CHM.decisionType),
                        in.iri(CHM.meeting),
                        in.date(CHM.adoptionDate));
                case DOCUMENT -> new org.chmexchange.model.Document(
                        common,
                        in.requiredIri(CHM.treaty),
                        in.iri(CHM.documentType),
                        in.iri(CHM.meeting),
                        in.date(DCTERMS.ISSUED));
                case NATIONAL_REPORT -> nationalReport(common);
                case NATIONAL_TARGET -> org.chmexchange.model.NationalTarget.of(
                        common,
                        in.iris(CHM.treaty),
                        in.requiredIri(CHM.country),
                        in.iris(CHM.globalGoalAlignment),
                        in.iris(CHM.globalTargetAlignment));
                case FOCAL_POINT -> focalPoint(common);
                case SITE -> org.chmexchange.model.Site.of(
                        common,
                        in.requiredIri(CHM.treaty),
                        in.requiredIris(CHM.country),
                        in.decimal(org.chmexchange.vocab.Std.SCHEMA_LATITUDE),
                        in.decimal(org.chmexchange.vocab.Std.SCHEMA_LONGITUDE));
                case ORGANIZATION -> Organization.of(
                        common,
                        in.string(CHM.acronym),
                        in.iri(CHM.country),
                        in.iri(FOAF.HOMEPAGE),
                        in.iris(VCARD4.HAS_EMAIL),
                        in.iris(CHM.treaty));
            };
        } catch (IllegalArgumentException e) {
            throw new RecordMappingException(iri, e.getMessage(), e);
        }
    }

    private RecordType type() {
        List<IRI> classes = in.typesAmong(RECORD_CLASSES);
        if (classes.isEmpty()) {
            throw in.error("no record class among its rdf:type values (one of "
                    + RECORD_CLASSES.stream().map(Prefixes::shortName).sorted().collect(Collectors.joining(", "))
                    + ")");
        }
        if (classes.size() > 1) {
            throw in.error("several record classes: "
                    + classes.stream().map(Prefixes::shortName).collect(Collectors.joining(", ")));
        }
        return RecordType.fromClass(classes.get(0)).orElseThrow();
    }

    private Common common() {
        return Common.builder(iri, in.requiredString(DCTERMS.IDENTIFIER))
                .title(in.text(DCTERMS.TITLE))
                .summary(in.text(DCTERMS.DESCRIPTION))
                .modified(in.dateTime(DCTERMS.MODIFIED))
                .modifiedAtSource(in.dateTime(CHM.modifiedAtSource))
                .concepts(in.iris(DCTERMS.SUBJECT))
                .status(in.iri(CHM.status))
                .files(files())
                .cites(in.iris(CHM.cites))
                .cbdIdentifier(in.string(CHM.cbdIdentifier))
                .informeaId(in.string(CHM.informeaId))
                .build();
    }

    private List<FileRef> files() {
        String prefix = iri.stringValue() + "#";
        List<FileRef> files = new ArrayList<>();
        for (Value value : in.all(CHM.file)) {
            if (!value.isIRI()) {
                throw in.error("chm:file must be an IRI {record}#file-N, not " + value);
            }
            IRI file = (IRI) value;
            if (!file.stringValue().startsWith(prefix)) {
                throw in.error("chm:file " + file + " is not nested in the record ({record}#file-N)");
            }
            SubjectReader f = new SubjectReader(model, iri, file);
            IRI mediaType = f.iri(DCAT.MEDIA_TYPE);
            if (mediaType != null && !mediaType.stringValue().startsWith(FileRef.IANA_MEDIA_TYPES)) {
                throw f.error("dcat:mediaType must be an IRI " + FileRef.IANA_MEDIA_TYPES + "{type}: " + mediaType);
            }
            try {
                files.add(new FileRef(
                        file,
                        f.requiredIri(DCAT.DOWNLOAD_URL),
                        mediaType == null ? null : mediaType.stringValue().substring(FileRef.IANA_MEDIA_TYPES.length()),
                        f.language(DCTERMS.LANGUAGE),
                        f.string(CHM.fileName)));
            } catch (IllegalArgumentException e) {
                throw new RecordMappingException(iri, "<" + file + "> " + e.getMessage(), e);
            }
        }
        return files;
    }

    private Treaty treaty(Common common) {
        in.requiredText(DCTERMS.TITLE);
        return Treaty.builder(common, in.requiredIri(CHM.treaty))
                .acronym(in.string(CHM.acronym))
                .parentTreaty(in.iri(CHM.parentTreaty))
                .adopted(in.date(CHM.adoptionDate))
                .openedForSignature(in.date(CHM.openedForSignature))
                .entryIntoForce(in.date(CHM.entryIntoForce))
                .placeOfAdoption(in.string(CHM.placeOfAdoption))
                .secretariatSeat(in.string(CHM.secretariatSeat))
                .untcReference(in.string(CHM.untcReference))
                .build();
    }

    private Meeting meeting(Common common) {
        in.requiredText(DCTERMS.TITLE);
        return Meeting.builder(common, in.requiredIri(CHM.treaty), in.requiredDate(Std.SCHEMA_START_DATE))
                .body(in.string(CHM.body))
                .session(in.integer(CHM.session))
                .part(in.integer(CHM.part))
                .endDate(in.date(Std.SCHEMA_END_DATE))
                .city(in.string(CHM.city))
                .country(in.iri(CHM.country))
                .build();
    }

    private NationalReport nationalReport(Common common) {
        in.requiredText(DCTERMS.TITLE);
        return NationalReport.builder(
                        common,
                        in.requiredIris(CHM.treaty),
                        in.requiredIri(CHM.country),
                        in.requiredIri(CHM.reportType))
                .submitted(in.date(DCTERMS.DATE_SUBMITTED))
                .published(in.date(DCTERMS.ISSUED))
                .period(in.date(Std.SCHEMA_START_DATE), in.date(Std.SCHEMA_END_DATE))
                .build();
    }

    private FocalPoint focalPoint(Common common) {
        String kindValue = in.requiredString(CHM.contactKind);
        FocalPoint.ContactKind kind = FocalPoint.ContactKind.fromValue(kindValue)
                .orElseThrow(() ->
                        in.error("chm:contactKind must be \"person\" or \"organization\": \"" + kindValue + "\""));
        return FocalPoint.builder(
                        common,
                        in.requiredIris(CHM.treaty),
                        in.requiredIri(CHM.country),
                        in.requiredIris(CHM.focalPointCategory),
                        kind,
                        in.requiredString(VCARD4.FN))
                .prefix(in.string(VCARD4.HONORIFIC_PREFIX))
                .firstName(in.string(VCARD4.GIVEN_NAME))
                .lastName(in.string(VCARD4.FAMILY_NAME))
                .designation(in.text(VCARD4.TITLE))
                .organization(in.text(VCARD4.ORGANIZATION_NAME))
                .emails(in.iris(VCARD4.HAS_EMAIL))
                .phones(in.iris(VCARD4.HAS_TELEPHONE))
                .build();
    }
}
