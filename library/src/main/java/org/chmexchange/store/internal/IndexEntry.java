package org.chmexchange.store.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;

/**
 * What the record index extracts from one record: the summary it lists, the filter keys and the
 * text it searches.
 */
record IndexEntry(
        RecordSummary summary,
        Set<String> treaties,
        Set<String> countries,
        Set<String> meetings,
        Set<String> concepts,
        List<String> texts) {

    /** Concept-valued properties a concept filter matches (docs/MODEL.md). */
    static final List<IRI> CONCEPT_PROPERTIES = List.of(
            DCTERMS.SUBJECT,
            CHM.decisionType,
            CHM.documentType,
            CHM.reportType,
            CHM.focalPointCategory,
            CHM.status);

    /** Text-valued properties full-text search covers. */
    static final List<IRI> TEXT_PROPERTIES = List.of(
            DCTERMS.IDENTIFIER,
            DCTERMS.TITLE,
            DCTERMS.DESCRIPTION,
            CHM.acronym,
            CHM.city,
            VCARD4.FN,
            VCARD4.ORGANIZATION_NAME,
            VCARD4.TITLE);

    static IndexEntry of(IRI iri, Model record) {
        RecordType type = RecordGraphs.typeOf(record, iri)
                .orElseThrow(() -> new StoreException("Cannot index <" + iri + ">: it has no record type"));
        String identifier = record.filter(iri, DCTERMS.IDENTIFIER, null).objects().stream()
                .map(Value::stringValue)
                .findFirst()
                .orElse("");
        Map<String, String> title = new LinkedHashMap<>();
        for (Value v : record.filter(iri, DCTERMS.TITLE, null).objects()) {
            if (v instanceof Literal l) {
                title.putIfAbsent(l.getLanguage().orElse(""), l.getLabel());
            }
        }
        Instant modified = null;
        for (Value v : record.filter(iri, DCTERMS.MODIFIED, null).objects()) {
            modified = parseInstant(iri, v);
        }
        Set<String> concepts = new LinkedHashSet<>();
        for (IRI p : CONCEPT_PROPERTIES) {
            concepts.addAll(iris(record, iri, p));
        }
        List<String> texts = record.filter(iri, null, null).stream()
                .filter(st -> TEXT_PROPERTIES.contains(st.getPredicate()))
                .map(st -> st.getObject().stringValue())
                .toList();
        return new IndexEntry(
                new RecordSummary(iri, type, identifier, title, modified),
                iris(record, iri, CHM.treaty),
                iris(record, iri, CHM.country),
                iris(record, iri, CHM.meeting),
                concepts,
                texts);
    }

    private static Instant parseInstant(IRI iri, Value v) {
        try {
            return ((Literal) v).calendarValue().toGregorianCalendar().toInstant();
        } catch (ClassCastException | IllegalArgumentException | DateTimeParseException e) {
            throw new StoreException("Cannot index <" + iri + ">: dcterms:modified is not an xsd:dateTime: " + v, e);
        }
    }

    private static Set<String> iris(Model record, IRI iri, IRI property) {
        Set<String> values = new LinkedHashSet<>();
        for (Value v : record.filter(iri, property, null).objects()) {
            if (v.isIRI()) {
                values.add(v.stringValue());
            }
        }
        return values;
    }
}
