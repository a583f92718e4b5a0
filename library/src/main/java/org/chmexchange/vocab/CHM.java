package org.chmexchange.vocab;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.impl.SimpleNamespace;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Constants for the CHM Exchange ontology, namespace {@value #NAMESPACE} (prefix {@value #PREFIX}).
 *
 * <p>The terms are specified in {@code docs/MODEL.md} and defined in {@code ontology.ttl} of the
 * vocabularies module; a test checks that every constant here is declared there. Terms reused from
 * standard vocabularies (DCTERMS, SKOS, vCard, DCAT, schema.org, PROV-O) are used through RDF4J's
 * own vocabulary classes and {@link Std}.
 *
 * <p>Thread-safety: immutable constants.
 */
public final class CHM {

    /** The ontology namespace. */
    public static final String NAMESPACE = "https://w3id.org/chm-exchange/ns#";

    /** The recommended prefix. */
    public static final String PREFIX = "chm";

    /** The namespace as an RDF4J {@link Namespace}. */
    public static final Namespace NS = new SimpleNamespace(PREFIX, NAMESPACE);

    /** The ontology IRI (the namespace without its {@code #}). */
    public static final IRI ONTOLOGY = Values.iri("https://w3id.org/chm-exchange/ns");

    // Classes
    public static final IRI Record = term("Record");
    public static final IRI Treaty = term("Treaty");
    public static final IRI Meeting = term("Meeting");
    public static final IRI Decision = term("Decision");
    public static final IRI NationalReport = term("NationalReport");
    public static final IRI NationalTarget = term("NationalTarget");
    /** A Ramsar site or World Heritage property. */
    public static final IRI Site = term("Site");

    public static final IRI FocalPoint = term("FocalPoint");
    public static final IRI Document = term("Document");
    public static final IRI Organization = term("Organization");
    public static final IRI File = term("File");
    public static final IRI Country = term("Country");
    public static final IRI Party = term("Party");

    // Object properties
    public static final IRI treaty = term("treaty");
    public static final IRI parentTreaty = term("parentTreaty");
    public static final IRI meeting = term("meeting");
    public static final IRI country = term("country");
    public static final IRI status = term("status");
    public static final IRI file = term("file");
    public static final IRI cites = term("cites");
    public static final IRI decisionType = term("decisionType");
    public static final IRI documentType = term("documentType");
    public static final IRI reportType = term("reportType");
    /** A GBF goal a national target aligns with (sub-property of {@code dcterms:subject}). */
    public static final IRI globalGoalAlignment = term("globalGoalAlignment");
    /** A GBF target a national target aligns with (sub-property of {@code dcterms:subject}). */
    public static final IRI globalTargetAlignment = term("globalTargetAlignment");

    public static final IRI focalPointCategory = term("focalPointCategory");
    public static final IRI partyTo = term("partyTo");
    /** The record class of the record a change-log entry is about (docs/EXCHANGE.md). */
    public static final IRI recordClass = term("recordClass");

    // Datatype properties
    public static final IRI acronym = term("acronym");
    public static final IRI adoptionDate = term("adoptionDate");
    public static final IRI openedForSignature = term("openedForSignature");
    public static final IRI entryIntoForce = term("entryIntoForce");
    public static final IRI placeOfAdoption = term("placeOfAdoption");
    public static final IRI secretariatSeat = term("secretariatSeat");
    public static final IRI untcReference = term("untcReference");
    public static final IRI informeaId = term("informeaId");
    /** When a record last changed at the node it comes from (sub-property of {@code dcterms:modified}). */
    public static final IRI modifiedAtSource = term("modifiedAtSource");

    public static final IRI cbdIdentifier = term("cbdIdentifier");
    /** The CBD's integer documentID (index field {@code _documentId_i}). */
    public static final IRI cbdDocumentId = term("cbdDocumentId");
    /** The CBD revision a copy holds (index field {@code _revision_i}). */
    public static final IRI cbdRevision = term("cbdRevision");
    /** The CBD unique identifier of a revision (index field {@code uniqueIdentifier_s}). */
    public static final IRI cbdUniqueIdentifier = term("cbdUniqueIdentifier");
    /** The CBD schema of a record (index field {@code schema_s}). */
    public static final IRI cbdSchema = term("cbdSchema");
    /** A CBD thesaurus term identifier the shared thesaurus has no concept for. */
    public static final IRI cbdTerm = term("cbdTerm");
    /** The record as its non-RDF source served it, an {@code rdf:JSON} literal. */
    public static final IRI sourceDocument = term("sourceDocument");
    /** {@code chm:ImportedConceptScheme}: a SKOS scheme a node imported next to the shared thesaurus. */
    public static final IRI ImportedConceptScheme = term("ImportedConceptScheme");
    /** {@code chm:displayOrder}: the order of a decision or document within its meeting (InforMEA {@code displayOrder}). */
    public static final IRI displayOrder = term("displayOrder");
    /** {@code chm:keyword}: a keyword the source tagged the record with that no concept of the thesaurus matches. */
    public static final IRI keyword = term("keyword");
    /** {@code chm:primaryContact}: whether a focal point is the primary contact of its treaty (InforMEA {@code primary}). */
    public static final IRI primaryContact = term("primaryContact");

    public static final IRI body = term("body");
    public static final IRI session = term("session");
    public static final IRI part = term("part");
    public static final IRI city = term("city");
    public static final IRI contactKind = term("contactKind");
    public static final IRI fileName = term("fileName");

    // Harvest provenance counts (docs/EXCHANGE.md)
    public static final IRI recordsCreated = term("recordsCreated");
    public static final IRI recordsUpdated = term("recordsUpdated");
    public static final IRI recordsDeleted = term("recordsDeleted");
    public static final IRI recordsRejected = term("recordsRejected");

    // Datatypes of country notations
    public static final IRI iso3166Alpha2 = term("iso3166Alpha2");
    public static final IRI iso3166Alpha3 = term("iso3166Alpha3");
    /** Datatype of a notation that is the identifier of a CBD thesaurus term. */
    public static final IRI cbdTermIdentifier = term("cbdTermIdentifier");

    private CHM() {}

    private static IRI term(String localName) {
        return Values.iri(NAMESPACE, localName);
    }
}
