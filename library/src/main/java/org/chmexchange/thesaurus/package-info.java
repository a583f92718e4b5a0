/**
 * The shared thesaurus: SKOS concept schemes (GBF goals and targets, Aichi goals and targets,
 * countries, treaties, focal-point categories, report, decision and document types, statuses; see
 * docs/MODEL.md, "Shared thesaurus") loaded into an immutable, thread-safe {@link
 * org.chmexchange.thesaurus.Thesaurus} for look-up by IRI, notation and label, hierarchy navigation
 * and autocomplete.
 *
 * <pre>{@code
 * Thesaurus thesaurus = Thesaurus.fromClasspath();
 * Concept france = thesaurus.byNotation("FRA").orElseThrow();
 * String name = france.label("es");                       // "Francia"
 * Set<IRI> goalA = thesaurus.withNarrowerTransitive(goalAIri); // goal A and targets 1-4
 * List<ConceptMatch> hits = thesaurus.search("fran", "fr", 10);
 * }</pre>
 *
 * <p>Values ({@link org.chmexchange.thesaurus.Concept}, {@link org.chmexchange.thesaurus.ConceptScheme},
 * {@link org.chmexchange.thesaurus.ConceptMatch}) are immutable records. Errors loading a thesaurus
 * are {@link org.chmexchange.ChmException}s.
 */
package org.chmexchange.thesaurus;
