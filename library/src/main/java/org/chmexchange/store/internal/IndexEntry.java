package org.chmexchange.store.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.store.StoreException;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;

/**
 * What the record index extracts from one record: the summary it lists, the filter keys and the
 * text it searches. Built in one pass over the record's statements.
 */
public record IndexEntry(
        RecordSummary summary,
        Set<String> treaties,
        Set<String> countries,
        Set<String> meetings,
        Set<String> concepts,
        List<String> texts,
        Set<String> identifiers,
        Integer year) {

    /**
     * The dates a record's year is read from, in this order, the first with a year from 1000 to 9999
     * winning (a value without such a year is passed over): adoption (decisions, treaties),
     * publication, submission (national reports), start (meetings, reporting periods), then {@code
     * dcterms:date}.
     */
    static final List<IRI> YEAR_PROPERTIES = List.of(
            CHM.adoptionDate,
            DCTERMS.ISSUED,
            DCTERMS.DATE_SUBMITTED,
            org.chmexchange.vocab.Std.SCHEMA_START_DATE,
            DCTERMS.DATE);

    /**
     * Properties whose values a record is found by exactly ({@code RecordQuery#identifiers}): the
     * identifier as issued, and the identifiers of the incumbents (docs/MODEL.md).
     */
    static final Set<IRI> IDENTIFIER_PROPERTIES = Set.of(
            DCTERMS.IDENTIFIER,
            CHM.cbdIdentifier,
            CHM.cbdUniqueIdentifier,
            CHM.cbdDocumentId,
            CHM.informeaId,
            org.eclipse.rdf4j.model.vocabulary.OWL.SAMEAS);

    /** Concept-valued properties a concept filter matches (docs/MODEL.md). */
    static final Set<IRI> CONCEPT_PROPERTIES = Set.of(
            DCTERMS.SUBJECT,
            CHM.decisionType,
            CHM.documentType,
            CHM.reportType,
            CHM.focalPointCategory,
            CHM.status,
            CHM.globalGoalAlignment,
            CHM.globalTargetAlignment);

    /** Text-valued properties full-text search covers. */
    static final Set<IRI> TEXT_PROPERTIES = Set.of(
            DCTERMS.IDENTIFIER,
            DCTERMS.TITLE,
            DCTERMS.DESCRIPTION,
            CHM.acronym,
            CHM.city,
            VCARD4.FN,
            VCARD4.ORGANIZATION_NAME,
            VCARD4.TITLE);

    /**
     * Extracts the index entry of one record.
     *
     * @throws StoreException if the record has no record type or a malformed {@code dcterms:modified}
     */
    public static IndexEntry of(IRI iri, Model record) {
        RecordType type = RecordGraphs.typeOf(record, iri)
                .orElseThrow(() -> new StoreException("Cannot index <" + iri + ">: it has no record type"));
        String identifier = "";
        Map<String, String> title = new LinkedHashMap<>();
        Instant modified = null;
        Set<String> treaties = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        Set<String> meetings = new LinkedHashSet<>();
        Set<String> concepts = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        Set<String> identifiers = new LinkedHashSet<>();
        Integer[] years = new Integer[YEAR_PROPERTIES.size()];
        for (Statement st : record) {
            if (!st.getSubject().equals(iri)) {
                continue;
            }
            IRI p = st.getPredicate();
            Value o = st.getObject();
            if (IDENTIFIER_PROPERTIES.contains(p)) {
                identifiers.add(o.stringValue());
            }
            int dateRank = YEAR_PROPERTIES.indexOf(p);
            if (dateRank >= 0 && years[dateRank] == null && o instanceof Literal date) {
                years[dateRank] = yearOf(date);
            }
            if (TEXT_PROPERTIES.contains(p)) {
                texts.add(o.stringValue());
            }
            if (p.equals(DCTERMS.IDENTIFIER) && identifier.isEmpty()) {
                identifier = o.stringValue();
            } else if (p.equals(DCTERMS.TITLE) && o instanceof Literal l) {
                title.putIfAbsent(l.getLanguage().orElse(""), l.getLabel());
            } else if (p.equals(DCTERMS.MODIFIED)) {
                modified = parseInstant(iri, o);
            } else if (o.isIRI()) {
                if (p.equals(CHM.treaty)) {
                    treaties.add(o.stringValue());
                } else if (p.equals(CHM.country)) {
                    countries.add(o.stringValue());
                } else if (p.equals(CHM.meeting)) {
                    meetings.add(o.stringValue());
                } else if (CONCEPT_PROPERTIES.contains(p)) {
                    concepts.add(o.stringValue());
                }
            }
        }
        return new IndexEntry(
                new RecordSummary(iri, type, identifier, title, modified),
                treaties,
                countries,
                meetings,
                concepts,
                texts,
                identifiers,
                java.util.Arrays.stream(years)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null));
    }

    /** The year of an {@code xsd:date}, {@code xsd:dateTime}, {@code xsd:gYear} or similar; null if it has none. */
    private static Integer yearOf(Literal date) {
        try {
            int year = date.calendarValue().getYear();
            return year >= 1000 && year <= 9999 ? year : null; // FIELD_UNDEFINED is negative
        } catch (IllegalArgumentException notADate) {
            return null; // a free-text date has no year to facet on
        }
    }

    private static Instant parseInstant(IRI iri, Value v) {
        try {
            return ((Literal) v).calendarValue().toGregorianCalendar().toInstant();
        } catch (ClassCastException | IllegalArgumentException | DateTimeParseException e) {
            throw new StoreException("Cannot index <" + iri + ">: dcterms:modified is not an xsd:dateTime: " + v, e);
        }
    }
}
