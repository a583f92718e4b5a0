package org.chmexchange.rdf;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.chmexchange.model.Common;
import org.chmexchange.model.Decision;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.LangText;
import org.chmexchange.model.Meeting;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.Organization;
import org.chmexchange.model.Record;
import org.chmexchange.model.Treaty;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.datatypes.XMLDatatypeUtil;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/** Adds the triples of one typed record to a model (MODEL.md, "Properties"). Not thread-safe. */
final class RecordToRdf {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private final Model model;

    RecordToRdf(Model model) {
        this.model = model;
    }

    void add(Record record) {
        IRI s = record.iri();
        add(s, RDF.TYPE, record.type().rdfClass());
        common(record.common());
        iris(s, CHM.treaty, record.treaties());
        switch (record.type()) {
            case TREATY -> treaty((Treaty) record);
            case MEETING -> meeting((Meeting) record);
            case DECISION -> decision((Decision) record);
            case DOCUMENT -> document((org.chmexchange.model.Document) record);
            case NATIONAL_REPORT -> nationalReport((NationalReport) record);
            case NATIONAL_TARGET -> nationalTarget((org.chmexchange.model.NationalTarget) record);
            case FOCAL_POINT -> focalPoint((FocalPoint) record);
            case ORGANIZATION -> organization((Organization) record);
            case SITE -> site((org.chmexchange.model.Site) record);
            default -> throw new IllegalStateException("Unknown record type " + record.type());
        }
    }

    private void common(Common c) {
        IRI s = c.iri();
        string(s, DCTERMS.IDENTIFIER, c.identifier());
        text(s, DCTERMS.TITLE, c.title());
        text(s, DCTERMS.DESCRIPTION, c.summary());
        dateTime(s, DCTERMS.MODIFIED, c.modified());
        dateTime(s, CHM.modifiedAtSource, c.modifiedAtSource());
        iris(s, DCTERMS.SUBJECT, c.concepts());
        add(s, CHM.status, c.status());
        for (FileRef file : c.files()) {
            add(s, CHM.file, file.iri());
            add(file.iri(), RDF.TYPE, CHM.File);
            add(file.iri(), DCAT.DOWNLOAD_URL, file.url());
            add(file.iri(), DCAT.MEDIA_TYPE, file.mediaTypeIri());
            if (file.language() != null) {
                add(file.iri(), DCTERMS.LANGUAGE, VF.createLiteral(file.language(), XSD.LANGUAGE));
            }
            string(file.iri(), CHM.fileName, file.fileName());
        }
        iris(s, CHM.cites, c.cites());
        string(s, CHM.cbdIdentifier, c.cbdIdentifier());
        string(s, CHM.informeaId, c.informeaId());
    }

    private void treaty(Treaty t) {
        IRI s = t.iri();
        string(s, CHM.acronym, t.acronym());
        add(s, CHM.parentTreaty, t.parentTreaty());
        date(s, CHM.adoptionDate, t.adopted());
        date(s, CHM.openedForSignature, t.openedForSignature());
        date(s, CHM.entryIntoForce, t.entryIntoForce());
        string(s, CHM.placeOfAdoption, t.placeOfAdoption());
        string(s, CHM.secretariatSeat, t.secretariatSeat());
        string(s, CHM.untcReference, t.untcReference());
    }

    private void meeting(Meeting m) {
        IRI s = m.iri();
        string(s, CHM.body, m.body());
        integer(s, CHM.session, m.session());
        integer(s, CHM.part, m.part());
        date(s, Std.SCHEMA_START_DATE, m.startDate());
        date(s, Std.SCHEMA_END_DATE, m.endDate());
        string(s, CHM.city, m.city());
        add(s, CHM.country, m.country());
    }

    private void decision(Decision d) {
        IRI s = d.iri();
        add(s, CHM.decisionType, d.decisionType());
        add(s, CHM.meeting, d.meeting());
        date(s, CHM.adoptionDate, d.adopted());
    }

    private void document(org.chmexchange.model.Document d) {
        IRI s = d.iri();
        add(s, CHM.documentType, d.documentType());
        add(s, CHM.meeting, d.meeting());
        date(s, DCTERMS.ISSUED, d.published());
    }

    private void nationalReport(NationalReport r) {
        IRI s = r.iri();
        add(s, CHM.country, r.country());
        add(s, CHM.reportType, r.reportType());
        date(s, DCTERMS.DATE_SUBMITTED, r.submitted());
        date(s, DCTERMS.ISSUED, r.published());
        date(s, Std.SCHEMA_START_DATE, r.startDate());
        date(s, Std.SCHEMA_END_DATE, r.endDate());
    }

    private void site(org.chmexchange.model.Site site) {
        IRI s = site.iri();
        iris(s, CHM.country, site.countries());
        if (site.latitude() != null) {
            add(s, Std.SCHEMA_LATITUDE, decimalDegrees(site.latitude()));
        }
        if (site.longitude() != null) {
            add(s, Std.SCHEMA_LONGITUDE, decimalDegrees(site.longitude()));
        }
    }

    /**
     * An {@code xsd:double} in its canonical lexical form (XML Schema 1.1 part 2, 3.3.5.2: {@code
     * 4.81375E1}), which Turtle writers abbreviate and readers read back to the same literal.
     */
    private static Literal decimalDegrees(double value) {
        return VF.createLiteral(XMLDatatypeUtil.normalizeDouble(Double.toString(value)), XSD.DOUBLE);
    }

    private void nationalTarget(org.chmexchange.model.NationalTarget t) {
        IRI s = t.iri();
        add(s, CHM.country, t.country());
        iris(s, CHM.globalGoalAlignment, t.goals());
        iris(s, CHM.globalTargetAlignment, t.targets());
    }

    private void focalPoint(FocalPoint f) {
        IRI s = f.iri();
        add(s, CHM.country, f.country());
        iris(s, CHM.focalPointCategory, f.categories());
        string(s, CHM.contactKind, f.contactKind().value());
        string(s, VCARD4.FN, f.name());
        string(s, VCARD4.HONORIFIC_PREFIX, f.prefix());
        string(s, VCARD4.GIVEN_NAME, f.firstName());
        string(s, VCARD4.FAMILY_NAME, f.lastName());
        text(s, VCARD4.TITLE, f.designation());
        text(s, VCARD4.ORGANIZATION_NAME, f.organization());
        iris(s, VCARD4.HAS_EMAIL, f.emails());
        iris(s, VCARD4.HAS_TELEPHONE, f.phones());
    }

    private void organization(Organization o) {
        IRI s = o.iri();
        string(s, CHM.acronym, o.acronym());
        add(s, CHM.country, o.country());
        add(s, FOAF.HOMEPAGE, o.homepage());
        iris(s, VCARD4.HAS_EMAIL, o.emails());
    }

    private void add(Resource s, IRI p, Value o) {
        if (o != null) {
            model.add(s, p, o);
        }
    }

    private void iris(Resource s, IRI p, Collection<IRI> values) {
        for (IRI value : values) {
            model.add(s, p, value);
        }
    }

    private void string(Resource s, IRI p, String value) {
        if (value != null) {
            model.add(s, p, VF.createLiteral(value));
        }
    }

    private void text(Resource s, IRI p, LangText text) {
        for (Map.Entry<String, String> entry : text.texts().entrySet()) {
            model.add(s, p, VF.createLiteral(entry.getValue(), entry.getKey()));
        }
    }

    private void date(Resource s, IRI p, LocalDate value) {
        if (value != null) {
            model.add(s, p, VF.createLiteral(value.toString(), XSD.DATE));
        }
    }

    private void dateTime(Resource s, IRI p, Instant value) {
        if (value != null) {
            model.add(s, p, VF.createLiteral(value.toString(), XSD.DATETIME));
        }
    }

    private void integer(Resource s, IRI p, Integer value) {
        if (value != null) {
            model.add(s, p, VF.createLiteral(BigInteger.valueOf(value)));
        }
    }
}
