package org.chmexchange.tools;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Builds the schemes {@code gbf-goals} and {@code gbf-targets} from the CBD thesaurus exports
 * {@code cbd-thesaurus/gbf-goals.json} and {@code gbf-targets.json} (INCUMBENTS.md 2.2 term shape).
 *
 * <p>Per term: {@code skos:notation} and {@code skos:exactMatch} from {@code identifier},
 * {@code skos:prefLabel} from {@code shortTitle} (all its languages), {@code skos:altLabel} from
 * {@code title} and {@code name}, {@code skos:definition}@en from {@code description} (plus the other
 * languages of {@code longDescription}). Every term is a top concept: the CBD data has no goal/target
 * relations and none is invented; a term with relations is an error (the converter would need to
 * learn them).
 *
 * <p>Thread-safety: stateless.
 */
final class GbfSchemes {

    /** Folder of the CBD thesaurus sources, relative to the sources folder. */
    static final String FOLDER = "cbd-thesaurus";

    private static final String CBD_DOMAINS = "https://api.cbd.int/api/v2013/thesaurus/domains/";

    private GbfSchemes() {}

    /** The {@code gbf-goals} scheme, from {@code gbf-goals.json}. */
    static SkosScheme goals(Path sources) throws IOException {
        return build(
                sources,
                ChmThesaurus.GBF_GOALS,
                "GBF-GOAL-",
                "GBF-GOALS",
                "Kunming-Montreal Global Biodiversity Framework: goals");
    }

    /** The {@code gbf-targets} scheme, from {@code gbf-targets.json}. */
    static SkosScheme targets(Path sources) throws IOException {
        return build(
                sources,
                ChmThesaurus.GBF_TARGETS,
                "GBF-TARGET-",
                "GBF-TARGETS",
                "Kunming-Montreal Global Biodiversity Framework: targets");
    }

    private static SkosScheme build(Path sources, String scheme, String idPrefix, String cbdDomain, String title)
            throws IOException {
        Path file = sources.resolve(FOLDER).resolve(scheme + ".json");
        List<CbdTerm> terms = SourceJson.read(file, new TypeReference<List<CbdTerm>>() {});
        SkosScheme out = new SkosScheme(scheme, title).fromCbd(Values.iri(CBD_DOMAINS + cbdDomain + "/terms"));
        Set<String> seen = new HashSet<>();
        for (CbdTerm term : terms) {
            String id = term.identifier();
            if (id == null || !id.startsWith(idPrefix)) {
                throw new IllegalStateException(
                        file + ": unexpected identifier " + id + " (expected " + idPrefix + "…)");
            }
            if (!seen.add(id)) {
                throw new IllegalStateException(file + ": duplicate identifier " + id);
            }
            term.requireNoRelations(file);
            SkosScheme.Concept concept = out.topConcept(id).notation(id).exactMatchCbd(id);
            if (term.shortTitle() == null || !term.shortTitle().containsKey("en")) {
                throw new IllegalStateException(file + ": " + id + " has no English shortTitle");
            }
            term.shortTitle().forEach((lang, text) -> concept.prefLabel(text, lang));
            if (term.title() != null) {
                term.title().forEach((lang, text) -> concept.altLabel(text, lang));
            }
            if (term.name() != null && !term.name().isBlank()) {
                concept.altLabel(term.name(), "en");
            }
            if (term.description() != null && !term.description().isBlank()) {
                concept.definition(term.description(), "en");
            }
            if (term.longDescription() != null) {
                term.longDescription().forEach((lang, text) -> {
                    if (!"en".equals(lang)) {
                        concept.definition(text, lang);
                    }
                });
            }
        }
        return out;
    }

    /** A term of a CBD thesaurus export (INCUMBENTS.md 2.2); {@code nonPreferedTerms} is their spelling. */
    record CbdTerm(
            int termId,
            String identifier,
            String name,
            Map<String, String> title,
            Map<String, String> shortTitle,
            String description,
            Map<String, String> longDescription,
            String source,
            List<JsonNode> broaderTerms,
            List<JsonNode> narrowerTerms,
            List<JsonNode> relatedTerms,
            List<JsonNode> nonPreferedTerms) {

        void requireNoRelations(Path file) {
            for (List<JsonNode> relation : List.of(
                    nullToEmpty(broaderTerms),
                    nullToEmpty(narrowerTerms),
                    nullToEmpty(relatedTerms),
                    nullToEmpty(nonPreferedTerms))) {
                if (!relation.isEmpty()) {
                    throw new IllegalStateException(
                            file + ": " + identifier + " has term relations; teach GbfSchemes to map them to SKOS");
                }
            }
        }

        private static List<JsonNode> nullToEmpty(List<JsonNode> list) {
            return list == null ? List.of() : list;
        }
    }
}
