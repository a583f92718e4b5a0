package org.chmexchange.validation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.SHACL;

/**
 * The non-validating annotations of the shapes that the SHACL engine leaves out of its report:
 * {@code sh:name} (the field) and {@code sh:message}, by shape. Built once from the shapes model.
 *
 * <p>Thread-safety: immutable after construction.
 */
final class ShapeIndex {

    private final Map<Resource, String> names;
    private final Map<Resource, String> messages;

    private ShapeIndex(Map<Resource, String> names, Map<Resource, String> messages) {
        this.names = Map.copyOf(names);
        this.messages = Map.copyOf(messages);
    }

    /** Indexes every {@code sh:name} and {@code sh:message} of a shapes model. */
    static ShapeIndex of(Model shapes) {
        Map<Resource, Literal> names = new HashMap<>();
        Map<Resource, Literal> messages = new HashMap<>();
        for (Statement st : shapes.getStatements(null, SHACL.NAME, null)) {
            keepPreferred(names, st.getSubject(), st.getObject());
        }
        for (Statement st : shapes.getStatements(null, SHACL.MESSAGE, null)) {
            keepPreferred(messages, st.getSubject(), st.getObject());
        }
        return new ShapeIndex(labels(names), labels(messages));
    }

    /** The {@code sh:name} of a shape, or null. */
    String name(Resource shape) {
        return names.get(shape);
    }

    /** The {@code sh:message} of a shape (English preferred), or null. */
    String message(Resource shape) {
        return messages.get(shape);
    }

    private static void keepPreferred(Map<Resource, Literal> map, Resource shape, Value value) {
        if (value instanceof Literal literal) {
            map.merge(shape, literal, (a, b) -> PREFERENCE.compare(a, b) <= 0 ? a : b);
        }
    }

    /** English first, then untagged, then other languages; ties broken by text, for determinism. */
    private static final Comparator<Literal> PREFERENCE = Comparator.comparingInt(
                    (Literal literal) -> rank(literal.getLanguage()))
            .thenComparing(Literal::getLabel);

    private static int rank(Optional<String> language) {
        if (language.isEmpty()) {
            return 1;
        }
        String tag = language.get().toLowerCase(java.util.Locale.ROOT);
        return tag.equals("en") || tag.startsWith("en-") ? 0 : 2;
    }

    private static Map<Resource, String> labels(Map<Resource, Literal> literals) {
        Map<Resource, String> labels = new HashMap<>();
        literals.forEach((shape, literal) -> labels.put(shape, literal.getLabel()));
        return labels;
    }
}
