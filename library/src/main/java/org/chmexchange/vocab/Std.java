package org.chmexchange.vocab;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Terms of standard vocabularies that RDF4J's vocabulary classes do not provide (schema.org).
 * DCTERMS, SKOS, VCARD4, DCAT, FOAF, ORG and PROV come from {@code org.eclipse.rdf4j.model.vocabulary}.
 *
 * <p>Thread-safety: immutable constants.
 */
public final class Std {

    /** {@code rdf:JSON} (JSON-LD 1.1, section 10.2), the datatype of JSON literals, which RDF4J 5.2 has no constant for. */
    public static final IRI RDF_JSON = Values.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "JSON");

    /** schema.org namespace, {@code https://schema.org/} (the HTTPS form schema.org recommends). */
    public static final String SCHEMA = "https://schema.org/";

    public static final IRI SCHEMA_START_DATE = Values.iri(SCHEMA, "startDate");
    public static final IRI SCHEMA_END_DATE = Values.iri(SCHEMA, "endDate");
    /** {@code schema:latitude}: WGS 84 latitude in decimal degrees. */
    public static final IRI SCHEMA_LATITUDE = Values.iri(SCHEMA, "latitude");
    /** {@code schema:longitude}: WGS 84 longitude in decimal degrees. */
    public static final IRI SCHEMA_LONGITUDE = Values.iri(SCHEMA, "longitude");
    /** {@code schema:Place}. */
    public static final IRI SCHEMA_PLACE = Values.iri(SCHEMA, "Place");

    public static final IRI SCHEMA_LEGISLATION = Values.iri(SCHEMA, "Legislation");
    public static final IRI SCHEMA_EVENT = Values.iri(SCHEMA, "Event");
    public static final IRI SCHEMA_REPORT = Values.iri(SCHEMA, "Report");

    /** Activity Streams 2.0 namespace (https://www.w3.org/TR/activitystreams-vocabulary/). */
    public static final String AS = "https://www.w3.org/ns/activitystreams#";

    public static final IRI AS_CREATE = Values.iri(AS, "Create");
    public static final IRI AS_UPDATE = Values.iri(AS, "Update");
    public static final IRI AS_DELETE = Values.iri(AS, "Delete");
    public static final IRI AS_OBJECT = Values.iri(AS, "object");
    public static final IRI AS_END_TIME = Values.iri(AS, "endTime");
    public static final IRI AS_TOTAL_ITEMS = Values.iri(AS, "totalItems");
    public static final IRI AS_UPDATED = Values.iri(AS, "updated");

    private Std() {}
}
