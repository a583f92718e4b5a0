package org.chmexchange.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SHACL;

/**
 * Turns a SHACL validation report (as RDF) into {@link Violation}s, adding the field and message
 * that the engine leaves out from the {@link ShapeIndex}. The field is the {@code sh:name} of the
 * source shape, else the local name of the result path, else (node-level rules, whose shapes cannot
 * carry {@code sh:name}) the term before the colon of a message {@code "term: text"}.
 *
 * <p>Thread-safety: immutable; safe from any thread.
 */
final class ReportReader {

    private static final Comparator<Violation> ORDER = Comparator.comparing(
                    (Violation v) -> v.focusNode() == null ? "" : v.focusNode().stringValue())
            .thenComparing(v -> v.field() == null ? "" : v.field())
            .thenComparing(Violation::message)
            .thenComparing(v -> v.value() == null ? "" : v.value().stringValue())
            .thenComparing(v -> v.sourceShape().stringValue());

    private static final Pattern LEADING_TERM = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*): ");

    private final ShapeIndex shapes;

    ReportReader(ShapeIndex shapes) {
        this.shapes = shapes;
    }

    /**
     * Reads every {@code sh:ValidationResult} of a report.
     *
     * @param report a SHACL validation report graph; not null
     * @return the violations, distinct and sorted by focus node, field, message and value
     * @throws ValidatorException if a result lacks its source shape or constraint component
     */
    List<Violation> read(Model report) {
        List<Violation> violations = new ArrayList<>();
        for (Resource result :
                report.filter(null, RDF.TYPE, SHACL.VALIDATION_RESULT).subjects()) {
            violations.add(violation(report, result));
        }
        return violations.stream().distinct().sorted(ORDER).toList();
    }

    private Violation violation(Model report, Resource result) {
        Value focus = object(report, result, SHACL.FOCUS_NODE).orElse(null);
        Value value = object(report, result, SHACL.VALUE).orElse(null);
        if (focus != null && !focus.isResource() && value == null) {
            value = focus;
        }
        IRI path = object(report, result, SHACL.RESULT_PATH)
                .filter(Value::isIRI)
                .map(IRI.class::cast)
                .orElse(null);
        Resource shape = object(report, result, SHACL.SOURCE_SHAPE)
                .filter(Value::isResource)
                .map(Resource.class::cast)
                .orElseThrow(() -> new ValidatorException("SHACL result without sh:sourceShape: " + result));
        IRI constraint = object(report, result, SHACL.SOURCE_CONSTRAINT_COMPONENT)
                .filter(Value::isIRI)
                .map(IRI.class::cast)
                .orElseThrow(
                        () -> new ValidatorException("SHACL result without sh:sourceConstraintComponent: " + result));
        Severity severity = object(report, result, SHACL.RESULT_SEVERITY)
                .filter(Value::isIRI)
                .map(IRI.class::cast)
                .map(Severity::of)
                .orElse(Severity.VIOLATION);

        String message = shapes.message(shape);
        String field = shapes.name(shape);
        if (field == null && path != null) {
            field = path.getLocalName();
        }
        if (field == null && message != null) {
            field = leadingTerm(message);
        }
        if (message == null) {
            message = DefaultMessages.of(field, constraint);
        }
        return new Violation(
                focus != null && focus.isResource() ? (Resource) focus : null,
                field,
                path,
                value,
                message,
                severity,
                shape,
                constraint);
    }

    /** The term before the colon of a message in the form {@code "term: text"}, or null. */
    static String leadingTerm(String message) {
        Matcher matcher = LEADING_TERM.matcher(message);
        return matcher.lookingAt() ? matcher.group(1) : null;
    }

    private static Optional<Value> object(Model report, Resource subject, IRI predicate) {
        return Models.object(report.filter(subject, predicate, null));
    }
}
