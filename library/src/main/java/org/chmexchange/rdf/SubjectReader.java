package org.chmexchange.rdf;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chmexchange.model.LangText;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.base.CoreDatatype;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * Reads the values of one subject with the cardinalities and kinds of MODEL.md, throwing a
 * {@link RecordMappingException} about the record that names the property otherwise. Not
 * thread-safe; one per subject.
 */
final class SubjectReader {

    private final Model model;
    private final Resource record;
    private final Resource subject;
    private final String context;

    /**
     * @param record the record reported in errors
     * @param subject the subject read: the record itself or one of its nested resources
     */
    SubjectReader(Model model, Resource record, Resource subject) {
        this.model = model;
        this.record = record;
        this.subject = subject;
        this.context = record.equals(subject) ? "" : "<" + subject.stringValue() + "> ";
    }

    RecordMappingException error(String detail) {
        return new RecordMappingException(record, context + detail);
    }

    /** Every value of {@code p}, in lexical order. */
    List<Value> all(IRI p) {
        List<Value> values = new ArrayList<>(model.filter(subject, p, null).objects());
        values.sort(Comparator.comparing(Value::stringValue));
        return values;
    }

    Optional<Value> single(IRI p) {
        List<Value> values = all(p);
        if (values.size() > 1) {
            throw error(Prefixes.shortName(p) + " has " + values.size() + " values, at most 1 allowed");
        }
        return values.stream().findFirst();
    }

    Value required(IRI p) {
        return single(p).orElseThrow(() -> error(Prefixes.shortName(p) + " missing"));
    }

    String string(IRI p) {
        return single(p).map(v -> plainString(p, v)).orElse(null);
    }

    String requiredString(IRI p) {
        return plainString(p, required(p));
    }

    IRI iri(IRI p) {
        return single(p).map(v -> asIri(p, v)).orElse(null);
    }

    IRI requiredIri(IRI p) {
        return asIri(p, required(p));
    }

    List<IRI> iris(IRI p) {
        List<IRI> iris = new ArrayList<>();
        for (Value value : all(p)) {
            iris.add(asIri(p, value));
        }
        return iris;
    }

    List<IRI> requiredIris(IRI p) {
        List<IRI> iris = iris(p);
        if (iris.isEmpty()) {
            throw error(Prefixes.shortName(p) + " missing");
        }
        return iris;
    }

    LangText text(IRI p) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Value value : all(p)) {
            Literal literal = literal(p, value);
            String tag = literal.getLanguage()
                    .orElseThrow(() -> error(Prefixes.shortName(p) + " must have a language tag: " + value));
            String normalized;
            try {
                normalized = LangText.normalizeTag(tag);
            } catch (IllegalArgumentException e) {
                throw new RecordMappingException(record, context + Prefixes.shortName(p) + ": " + e.getMessage(), e);
            }
            if (texts.put(normalized, literal.getLabel()) != null) {
                throw error(Prefixes.shortName(p) + " has several values in language " + normalized);
            }
        }
        return new LangText(texts);
    }

    LangText requiredText(IRI p) {
        LangText text = text(p);
        if (text.isEmpty()) {
            throw error(Prefixes.shortName(p) + " missing");
        }
        return text;
    }

    LocalDate date(IRI p) {
        Optional<Value> value = single(p);
        if (value.isEmpty()) {
            return null;
        }
        Literal literal = typed(p, value.get(), XSD.DATE);
        try {
            return LocalDate.parse(literal.getLabel());
        } catch (DateTimeParseException e) {
            throw new RecordMappingException(
                    record, context + Prefixes.shortName(p) + " is not an xsd:date without time zone: " + literal, e);
        }
    }

    LocalDate requiredDate(IRI p) {
        required(p);
        return date(p);
    }

    Instant dateTime(IRI p) {
        Optional<Value> value = single(p);
        if (value.isEmpty()) {
            return null;
        }
        Literal literal = typed(p, value.get(), XSD.DATETIME);
        try {
            return OffsetDateTime.parse(literal.getLabel()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RecordMappingException(
                    record, context + Prefixes.shortName(p) + " is not an xsd:dateTime with time zone: " + literal, e);
        }
    }

    Integer integer(IRI p) {
        Optional<Value> value = single(p);
        if (value.isEmpty()) {
            return null;
        }
        Literal literal = literal(p, value.get());
        CoreDatatype datatype = literal.getCoreDatatype();
        if (!datatype.isXSDDatatype() || !datatype.asXSDDatatype().orElseThrow().isIntegerDatatype()) {
            throw error(Prefixes.shortName(p) + " must be an xsd:integer: " + literal);
        }
        try {
            return new BigInteger(literal.getLabel().trim()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new RecordMappingException(
                    record, context + Prefixes.shortName(p) + " is not an integer in the int range: " + literal, e);
        }
    }

    /**
     * A number of any XSD numeric datatype ({@code xsd:double}, {@code xsd:decimal}, {@code
     * xsd:integer}, ...) as a double; null when absent.
     */
    Double decimal(IRI p) {
        Optional<Value> value = single(p);
        if (value.isEmpty()) {
            return null;
        }
        Literal literal = literal(p, value.get());
        CoreDatatype datatype = literal.getCoreDatatype();
        if (!datatype.isXSDDatatype() || !datatype.asXSDDatatype().orElseThrow().isNumericDatatype()) {
            throw error(Prefixes.shortName(p) + " must be a number (xsd:double, xsd:decimal, ...): " + literal);
        }
        try {
            return Double.valueOf(literal.getLabel().trim());
        } catch (NumberFormatException e) {
            throw new RecordMappingException(
                    record, context + Prefixes.shortName(p) + " is not a number: " + literal, e);
        }
    }

    String language(IRI p) {
        Optional<Value> value = single(p);
        if (value.isEmpty()) {
            return null;
        }
        Literal literal = typed(p, value.get(), XSD.LANGUAGE);
        try {
            return LangText.normalizeTag(literal.getLabel());
        } catch (IllegalArgumentException e) {
            throw new RecordMappingException(record, context + Prefixes.shortName(p) + ": " + e.getMessage(), e);
        }
    }

    /** The types of the subject among {@code candidates}. */
    List<IRI> typesAmong(Set<IRI> candidates) {
        List<IRI> found = new ArrayList<>();
        for (Value type : all(RDF.TYPE)) {
            if (type.isIRI() && candidates.contains((IRI) type)) {
                found.add((IRI) type);
            }
        }
        return found;
    }

    private IRI asIri(IRI p, Value value) {
        if (!value.isIRI()) {
            String kind = value.isBNode() ? "a blank node" : "a literal";
            throw error(Prefixes.shortName(p) + " must be an IRI, not " + kind + ": " + value);
        }
        return (IRI) value;
    }

    private Literal literal(IRI p, Value value) {
        if (!value.isLiteral()) {
            throw error(Prefixes.shortName(p) + " must be a literal: " + value);
        }
        return (Literal) value;
    }

    private Literal typed(IRI p, Value value, IRI datatype) {
        Literal literal = literal(p, value);
        if (!literal.getDatatype().equals(datatype)) {
            throw error(Prefixes.shortName(p) + " must be typed " + Prefixes.shortName(datatype) + ": " + literal);
        }
        return literal;
    }

    private String plainString(IRI p, Value value) {
        Literal literal = literal(p, value);
        if (!literal.getDatatype().equals(XSD.STRING)) {
            throw error(Prefixes.shortName(p) + " must be a plain xsd:string: " + literal);
        }
        return literal.getLabel();
    }
}
