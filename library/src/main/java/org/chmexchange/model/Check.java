package org.chmexchange.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;

/** Validation and defensive copies shared by the record types. Stateless. */
final class Check {

    /** Orders IRIs by their lexical form. */
    static final Comparator<IRI> BY_IRI = Comparator.comparing(IRI::stringValue);

    private Check() {}

    /** An unmodifiable set of {@code values} iterating in IRI order; {@code null} becomes empty. */
    static Set<IRI> iris(Collection<IRI> values, String what) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        List<IRI> sorted = new ArrayList<>(values.size());
        for (IRI value : values) {
            sorted.add(Objects.requireNonNull(value, () -> what + " contains null"));
        }
        sorted.sort(BY_IRI);
        return Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
    }

    /** A mutable copy of {@code values} that keeps {@code null} elements for {@link #iris} to reject. */
    static Set<IRI> set(Collection<IRI> values) {
        return values == null ? null : new HashSet<>(values);
    }

    /** Like {@link #iris} but requires at least one value. */
    static Set<IRI> nonEmptyIris(Collection<IRI> values, String what) {
        Set<IRI> copy = iris(values, what);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one value");
        }
        return copy;
    }

    /** Like {@link #iris} but every IRI must start with {@code scheme} ({@code mailto:}, {@code tel:}). */
    static Set<IRI> schemeIris(Collection<IRI> values, String scheme, String what) {
        Set<IRI> copy = iris(values, what);
        for (IRI value : copy) {
            if (!value.stringValue().startsWith(scheme)) {
                throw new IllegalArgumentException(what + " must be " + scheme + " IRIs: " + value);
            }
        }
        return copy;
    }

    /** {@code value} itself; throws if it is {@code null} or blank. */
    static String nonBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** {@code text} or the empty text when {@code null}. */
    static LangText text(LangText text) {
        return text == null ? LangText.empty() : text;
    }

    /** Throws unless {@code text} has at least one language. */
    static void titled(LangText title, String type) {
        if (title.isEmpty()) {
            throw new IllegalArgumentException(type + " needs a title in at least one language");
        }
    }

    /** Throws unless the record has a title or a summary. */
    static void titledOrSummarised(Common common, String type) {
        if (common.title().isEmpty() && common.summary().isEmpty()) {
            throw new IllegalArgumentException(type + " needs a title or a summary");
        }
    }
}
