package org.chmexchange.validation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.Resource;

/**
 * The result of validating records: whether they conform to the shapes and, if not, every
 * {@link Violation}.
 *
 * <p>Usable as the body of an HTTP 422 response: {@link #toMap()} (also what Jackson serialises)
 * gives {@code {"conforms": false, "violations": [{"focusNode": ..., "field": "country",
 * "message": "country: a national report needs exactly one country, ..."}, ...]}}; and as a
 * harvest log entry: {@link #toString()} has one line per violation.
 *
 * <p>Thread-safety: immutable.
 *
 * @param conforms true exactly when there are no violations (SHACL: any result, whatever its
 *     severity, means the data does not conform)
 * @param violations every violation, sorted by focus node, field and message; not null, unmodifiable
 */
public record ValidationReport(boolean conforms, List<Violation> violations) {

    private static final ValidationReport CONFORMING = new ValidationReport(true, List.of());

    /**
     * @throws NullPointerException if {@code violations} or one of its elements is null
     * @throws IllegalArgumentException if {@code conforms} does not equal {@code violations.isEmpty()}
     */
    public ValidationReport {
        violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
        if (conforms != violations.isEmpty()) {
            throw new IllegalArgumentException("A report conforms exactly when it has no violations; conforms="
                    + conforms + ", violations=" + violations.size());
        }
    }

    /** The report of data that conforms: no violations. */
    public static ValidationReport conforming() {
        return CONFORMING;
    }

    /**
     * A report of the given violations; it conforms if the list is empty.
     *
     * @param violations the violations; not null, no null elements
     * @return a new report (or the {@link #conforming()} one)
     */
    public static ValidationReport of(List<Violation> violations) {
        return violations.isEmpty() ? CONFORMING : new ValidationReport(false, violations);
    }

    /** The distinct focus nodes of the violations, in report order; empty when the data conforms. */
    public Set<Resource> focusNodes() {
        Set<Resource> nodes = new LinkedHashSet<>();
        for (Violation violation : violations) {
            if (violation.focusNode() != null) {
                nodes.add(violation.focusNode());
            }
        }
        return nodes;
    }

    /**
     * The violations of one focus node (usually one record).
     *
     * @param focusNode the node; not null
     * @return its violations, in report order; empty if it has none
     */
    public List<Violation> violationsOf(Resource focusNode) {
        Objects.requireNonNull(focusNode, "focusNode");
        return violations.stream()
                .filter(violation -> focusNode.equals(violation.focusNode()))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * This report as plain JSON-ready data: {@code conforms} (boolean), {@code violationCount}
     * (int) and {@code violations} (a list of {@link Violation#toMap()}). Jackson serialises a
     * report as this map.
     *
     * @return a new mutable map
     */
    @JsonValue
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("conforms", conforms);
        map.put("violationCount", violations.size());
        List<Map<String, Object>> list = new ArrayList<>(violations.size());
        for (Violation violation : violations) {
            list.add(violation.toMap());
        }
        map.put("violations", list);
        return map;
    }

    /** {@code "conforms"} for conforming data, else one line per violation (see {@link Violation#toString()}). */
    @Override
    public String toString() {
        if (conforms) {
            return "conforms";
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }
}
