package org.chmexchange.validation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * One result of validating records against the SHACL shapes: which record (focus node) breaks
 * which rule, on which field, with which value.
 *
 * <p>Thread-safety: immutable.
 *
 * @param focusNode the node that breaks the rule, usually the record IRI (or the IRI of one of its
 *     files); null only if custom shapes target literals, which the shapes of this project never do
 * @param field the field, as the JSON-LD term of docs/MODEL.md: the {@code sh:name} of the source
 *     shape, else the local name of {@code path}, else (node-level rules such as "a title or a
 *     summary") the term that starts the {@code sh:message}, {@code "title: ..."}; null when none
 *     of these exists
 * @param path the property of the broken rule ({@code sh:resultPath}); null for node-level rules
 *     (for example "a title or a summary") and for complex SHACL paths
 * @param value the offending value ({@code sh:value}); null when the rule is about a missing value
 *     (for example {@code sh:minCount})
 * @param message a human-readable message: the {@code sh:message} of the source shape (English
 *     preferred), else a default message for the SHACL constraint component; not null
 * @param severity the severity of the source shape; not null
 * @param sourceShape the shape whose rule is broken ({@code sh:sourceShape}); not null
 * @param constraint the SHACL constraint component that failed ({@code sh:sourceConstraintComponent},
 *     for example {@code sh:MinCountConstraintComponent}); not null
 */
public record Violation(
        Resource focusNode,
        String field,
        IRI path,
        Value value,
        String message,
        Severity severity,
        Resource sourceShape,
        IRI constraint) {

    /** @throws NullPointerException if {@code message}, {@code severity}, {@code sourceShape} or {@code constraint} is null */
    public Violation {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(sourceShape, "sourceShape");
        Objects.requireNonNull(constraint, "constraint");
    }

    /**
     * This violation as plain JSON-ready data (strings only), the element of the {@code violations}
     * array of an HTTP 422 body. Keys, in this order, absent when the component is null:
     * {@code focusNode}, {@code field}, {@code path}, {@code value}, {@code datatype} and
     * {@code language} (for a literal value), {@code message}, {@code severity} ({@code Violation},
     * {@code Warning} or {@code Info}), {@code sourceShape}, {@code constraint} (the local name of the
     * constraint component, for example {@code MinCountConstraintComponent}).
     *
     * @return a new mutable map
     */
    @JsonValue
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfNotNull(map, "focusNode", focusNode == null ? null : focusNode.stringValue());
        putIfNotNull(map, "field", field);
        putIfNotNull(map, "path", path == null ? null : path.stringValue());
        if (value != null) {
            map.put("value", value.stringValue());
            if (value instanceof Literal literal) {
                if (literal.getLanguage().isPresent()) {
                    map.put("language", literal.getLanguage().get());
                } else if (!XSD.STRING.equals(literal.getDatatype())) {
                    map.put("datatype", literal.getDatatype().stringValue());
                }
            }
        }
        map.put("message", message);
        map.put("severity", severity.iri().getLocalName());
        map.put("sourceShape", sourceShape.stringValue());
        map.put("constraint", constraint.getLocalName());
        return map;
    }

    /**
     * One line: {@code <focus> field: message (value ..., shape ...)}; values and nodes in N-Triples
     * syntax.
     */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        line.append(focusNode == null ? "(no focus node)" : NTriplesUtil.toNTriplesString(focusNode));
        line.append(' ');
        if (field != null && !message.startsWith(field + ":")) {
            line.append(field).append(": ");
        }
        line.append(message.replace('\n', ' '));
        line.append(" (");
        if (value != null) {
            line.append("value ").append(NTriplesUtil.toNTriplesString(value)).append(", ");
        }
        if (severity != Severity.VIOLATION) {
            line.append("severity ").append(severity.iri().getLocalName()).append(", ");
        }
        line.append("shape ").append(NTriplesUtil.toNTriplesString(sourceShape)).append(')');
        return line.toString();
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
