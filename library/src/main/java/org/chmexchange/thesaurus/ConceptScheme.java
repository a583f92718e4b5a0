package org.chmexchange.thesaurus;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.rdf4j.model.IRI;

/**
 * A SKOS concept scheme of the thesaurus.
 *
 * @param iri the scheme IRI; not null
 * @param titles {@code dcterms:title} per lower-case language tag (completed from
 *     {@code skos:prefLabel} and {@code rdfs:label} for languages without a title); unmodifiable
 * @param topConcepts IRIs of its top concepts ({@code skos:hasTopConcept} or {@code skos:topConceptOf}),
 *     sorted by IRI; unmodifiable
 */
public record ConceptScheme(IRI iri, Map<String, String> titles, List<IRI> topConcepts) {

    /** Copies the collections; null collections become empty. */
    public ConceptScheme {
        Objects.requireNonNull(iri, "iri");
        titles = titles == null || titles.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(titles));
        topConcepts = topConcepts == null ? List.of() : List.copyOf(topConcepts);
    }

    /**
     * The title to show for {@code lang}, with the fallback of {@link Concept#label(String)}.
     *
     * @param lang a language tag; null for no preference
     * @return the title, or the IRI if the scheme has none; never null
     */
    public String title(String lang) {
        return Languages.pick(titles, lang).map(titles::get).orElse(iri.stringValue());
    }
}
