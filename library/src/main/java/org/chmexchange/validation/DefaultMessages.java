package org.chmexchange.validation;

import java.util.Map;
import org.eclipse.rdf4j.model.IRI;

/**
 * English messages for the SHACL Core constraint components, used when the source shape of a
 * result has no {@code sh:message}.
 *
 * <p>Thread-safety: immutable constants and pure functions.
 */
final class DefaultMessages {

    private static final Map<String, String> BY_COMPONENT = Map.ofEntries(
            Map.entry("MinCountConstraintComponent", "fewer values than required (sh:minCount)"),
            Map.entry("MaxCountConstraintComponent", "more values than allowed (sh:maxCount)"),
            Map.entry(
                    "DatatypeConstraintComponent",
                    "the value does not have the required datatype or is not a valid literal of it"),
            Map.entry(
                    "NodeKindConstraintComponent", "the value is not of the required kind (IRI, blank node, literal)"),
            Map.entry("ClassConstraintComponent", "the value is not an instance of the required class"),
            Map.entry("PatternConstraintComponent", "the value does not match the required pattern"),
            Map.entry("UniqueLangConstraintComponent", "more than one value in the same language"),
            Map.entry("LanguageInConstraintComponent", "the language of the value is not allowed"),
            Map.entry("MinLengthConstraintComponent", "the value is shorter than allowed"),
            Map.entry("MaxLengthConstraintComponent", "the value is longer than allowed"),
            Map.entry("InConstraintComponent", "the value is not one of the allowed values"),
            Map.entry("HasValueConstraintComponent", "a required value is missing"),
            Map.entry("ClosedConstraintComponent", "the property is not allowed here"),
            Map.entry("MinExclusiveConstraintComponent", "the value is too small"),
            Map.entry("MinInclusiveConstraintComponent", "the value is too small"),
            Map.entry("MaxExclusiveConstraintComponent", "the value is too large"),
            Map.entry("MaxInclusiveConstraintComponent", "the value is too large"),
            Map.entry("NodeConstraintComponent", "the value does not conform to the required shape"),
            Map.entry("PropertyConstraintComponent", "a property of the value breaks its shape"),
            Map.entry("AndConstraintComponent", "the value does not conform to all required shapes"),
            Map.entry("OrConstraintComponent", "the value conforms to none of the alternative shapes"),
            Map.entry("XoneConstraintComponent", "the value does not conform to exactly one of the alternative shapes"),
            Map.entry("NotConstraintComponent", "the value conforms to a shape it must not conform to"),
            Map.entry("EqualsConstraintComponent", "the values differ from those of the property they must equal"),
            Map.entry("DisjointConstraintComponent", "the value is shared with a property it must be disjoint from"),
            Map.entry("LessThanConstraintComponent", "the value is not less than the compared value"),
            Map.entry("LessThanOrEqualsConstraintComponent", "the value is greater than the compared value"),
            Map.entry("QualifiedMinCountConstraintComponent", "fewer conforming values than required"),
            Map.entry("QualifiedMaxCountConstraintComponent", "more conforming values than allowed"),
            Map.entry("SPARQLConstraintComponent", "the SPARQL constraint of the shape is violated"));

    private DefaultMessages() {}

    /**
     * The default message of a result.
     *
     * @param field the field the result is about; may be null
     * @param constraint the constraint component of the result; not null
     * @return {@code "field: text"}, or just the text when there is no field
     */
    static String of(String field, IRI constraint) {
        String text = BY_COMPONENT.getOrDefault(
                constraint.getLocalName(), "the data breaks the constraint " + constraint.getLocalName());
        return field == null ? text : field + ": " + text;
    }
}
