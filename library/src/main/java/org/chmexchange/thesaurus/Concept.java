package org.chmexchange.thesaurus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.rdf4j.model.IRI;

/**
 * A SKOS concept of the thesaurus.
 *
 * <p>Language maps are keyed by lower-case language tag ({@code ""} for an untagged literal) and
 * iterate in tag order. Relations hold IRIs as stated in the data, whichever direction was stated
 * ({@code skos:broader} of this concept and {@code skos:narrower} pointing at it both count as
 * broader), and the hierarchy follows the hierarchical mappings to other schemes too ({@code
 * skos:broadMatch} and {@code skos:narrowMatch}, SKOS section 10.1: an Aichi target's strategic goal
 * is in the {@code aichi-goals} scheme); they may name concepts that are not loaded. All collections are unmodifiable and never
 * null; the compact constructor copies them.
 *
 * @param iri the concept IRI; not null
 * @param schemes the schemes it is in ({@code skos:inScheme}, {@code skos:topConceptOf})
 * @param prefLabels {@code skos:prefLabel} per language (one per language)
 * @param altLabels {@code skos:altLabel}s per language
 * @param definitions {@code skos:definition} per language (one per language)
 * @param notations {@code skos:notation} lexical forms (for example {@code GBF-TARGET-03}, {@code FR},
 *     {@code FRA}), sorted
 * @param broader IRIs of broader concepts ({@code skos:broader} or {@code skos:broadMatch})
 * @param narrower IRIs of narrower concepts ({@code skos:narrower} or {@code skos:narrowMatch})
 * @param exactMatch IRIs of {@code skos:exactMatch} (for example the CBD thesaurus term)
 */
public record Concept(
        IRI iri,
        Set<IRI> schemes,
        Map<String, String> prefLabels,
        Map<String, List<String>> altLabels,
        Map<String, String> definitions,
        List<String> notations,
        Set<IRI> broader,
        Set<IRI> narrower,
        Set<IRI> exactMatch) {

    /** Copies every collection; null collections become empty. */
    public Concept {
        Objects.requireNonNull(iri, "iri");
        schemes = iris(schemes);
        prefLabels = texts(prefLabels);
        altLabels = textLists(altLabels);
        definitions = texts(definitions);
        notations = notations == null ? List.of() : notations.stream().sorted().toList();
        broader = iris(broader);
        narrower = iris(narrower);
        exactMatch = iris(exactMatch);
    }

    /**
     * The label to show for {@code lang}: the {@code skos:prefLabel} in that language, else in a
     * language with the same primary tag, else in English, else in any language; without any
     * {@code skos:prefLabel}, the first notation, else the IRI.
     *
     * @param lang a language tag such as {@code fr}; null for no preference
     * @return the label; never null
     */
    public String label(String lang) {
        return Languages.pick(prefLabels, lang)
                .map(prefLabels::get)
                .orElseGet(() -> notations.isEmpty() ? iri.stringValue() : notations.get(0));
    }

    /**
     * The language of {@link #label(String)} for {@code lang}.
     *
     * @return the language tag of the chosen {@code skos:prefLabel}, or {@code ""} when the label is
     *     untagged, a notation or the IRI
     */
    public String labelLanguage(String lang) {
        return Languages.pick(prefLabels, lang).orElse("");
    }

    /** Whether the concept is in {@code scheme}. */
    public boolean inScheme(IRI scheme) {
        return schemes.contains(scheme);
    }

    private static Set<IRI> iris(Set<IRI> iris) {
        if (iris == null || iris.isEmpty()) {
            return Set.of();
        }
        List<IRI> sorted = new ArrayList<>(iris);
        sorted.sort(Comparator.comparing(IRI::stringValue));
        return Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
    }

    private static Map<String, String> texts(Map<String, String> texts) {
        return texts == null || texts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(texts));
    }

    private static Map<String, List<String>> textLists(Map<String, List<String>> texts) {
        if (texts == null || texts.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, List<String>> copy = new TreeMap<>();
        texts.forEach((lang, list) -> copy.put(lang, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }
}
