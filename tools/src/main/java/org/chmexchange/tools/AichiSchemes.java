package org.chmexchange.tools;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;

/**
 * Builds the schemes {@code aichi-goals} and {@code aichi-targets} from the CBD sources
 * {@code cbd-thesaurus/aichi-goals.json} and {@code aichi-targets.json}.
 *
 * <p>Goals are ours ({@code AICHI-GOAL-A}…{@code E}, notation {@code A}…{@code E}, label from the
 * goal title, definition from its text; the CBD thesaurus has no goal terms). Targets are
 * {@code AICHI-TARGET-01}…{@code 20}: notation and {@code skos:exactMatch} from the CBD identifier,
 * label "Aichi Biodiversity Target n", definition from the description, and {@code skos:broadMatch} their
 * strategic goal per the Strategic Plan for Biodiversity 2011-2020 (decision X/2: A 1-4, B 5-10,
 * C 11-13, D 14-16, E 17-20); the goals carry the inverse {@code skos:narrowMatch}. Both goals and
 * targets are top concepts of their own schemes; the goal being in another scheme, the link is a
 * hierarchical mapping ({@code skos:broadMatch}, SKOS section 10.1), not {@code skos:broader}, which
 * quality checkers require within one scheme and never above a top concept.
 *
 * <p>Thread-safety: stateless.
 */
final class AichiSchemes {

    /** First target of each strategic goal (decision X/2, annex); the last goal ends at target 20. */
    private static final TreeMap<Integer, String> GOAL_BY_FIRST_TARGET =
            new TreeMap<>(Map.of(1, "A", 5, "B", 11, "C", 14, "D", 17, "E"));

    private static final int TARGET_COUNT = 20;

    /** Decision X/2 (the Strategic Plan 2011-2020) on the CBD website. */
    private static final IRI DECISION_X_2 = Values.iri("https://www.cbd.int/decision/cop/?id=12268");

    private AichiSchemes() {}

    /**
     * The strategic goal letter of an Aichi target.
     *
     * @param target target number, 1 to 20
     * @throws IllegalArgumentException outside 1 to 20
     */
    static String strategicGoalOf(int target) {
        if (target < 1 || target > TARGET_COUNT) {
            throw new IllegalArgumentException("No Aichi Biodiversity Target " + target);
        }
        return GOAL_BY_FIRST_TARGET.floorEntry(target).getValue();
    }

    /** Concept id of a strategic goal ({@code AICHI-GOAL-A}). */
    static String goalId(String letter) {
        return "AICHI-GOAL-" + letter;
    }

    /** CBD identifier and concept id of a target ({@code AICHI-TARGET-01}). */
    static String targetId(int target) {
        return String.format(java.util.Locale.ROOT, "AICHI-TARGET-%02d", target);
    }

    /** The {@code aichi-goals} scheme. */
    static SkosScheme goals(Path sources) throws IOException {
        Path file = sources.resolve(GbfSchemes.FOLDER).resolve("aichi-goals.json");
        GoalsFile goals = SourceJson.read(file, GoalsFile.class);
        SkosScheme out = new SkosScheme(
                        ChmThesaurus.AICHI_GOALS, "Strategic Plan for Biodiversity 2011-2020: strategic goals")
                .fromCbd(Values.iri("https://www.cbd.int/sp/targets/"))
                .describe(DCTERMS.SOURCE, DECISION_X_2);
        TreeMap<String, Goal> byLetter = new TreeMap<>();
        for (Goal goal : goals.goals()) {
            if (!GOAL_BY_FIRST_TARGET.containsValue(goal.goal()) || byLetter.put(goal.goal(), goal) != null) {
                throw new IllegalStateException(file + ": unexpected or duplicate goal " + goal.goal());
            }
        }
        if (byLetter.size() != GOAL_BY_FIRST_TARGET.size()) {
            throw new IllegalStateException(file + ": expected goals A to E, found " + byLetter.keySet());
        }
        for (Goal goal : byLetter.values()) {
            SkosScheme.Concept concept = out.topConcept(goalId(goal.goal())).notation(goal.goal());
            goal.title().forEach((lang, text) -> concept.prefLabel(text, lang));
            goal.text().forEach((lang, text) -> concept.definition(text, lang));
            for (int target = 1; target <= TARGET_COUNT; target++) {
                if (strategicGoalOf(target).equals(goal.goal())) {
                    concept.narrowMatch(ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, targetId(target)));
                }
            }
        }
        return out;
    }

    /** The {@code aichi-targets} scheme. */
    static SkosScheme targets(Path sources) throws IOException {
        Path file = sources.resolve(GbfSchemes.FOLDER).resolve("aichi-targets.json");
        List<Target> targets = SourceJson.read(file, new TypeReference<List<Target>>() {});
        SkosScheme out = new SkosScheme(ChmThesaurus.AICHI_TARGETS, "Aichi Biodiversity Targets")
                .fromCbd(Values.iri("https://api.cbd.int/api/v2013/thesaurus/domains/AICHI-TARGETS/terms"))
                .describe(DCTERMS.SOURCE, DECISION_X_2);
        TreeMap<Integer, Target> byIndex = new TreeMap<>();
        for (Target target : targets) {
            strategicGoalOf(target.index());
            if (byIndex.put(target.index(), target) != null) {
                throw new IllegalStateException(file + ": duplicate target " + target.index());
            }
        }
        if (byIndex.size() != TARGET_COUNT) {
            throw new IllegalStateException(file + ": expected 20 targets, found " + byIndex.size());
        }
        for (Target target : byIndex.values()) {
            String id = targetId(target.index());
            out.topConcept(id)
                    .notation(id)
                    .exactMatchCbd(id)
                    .prefLabel("Aichi Biodiversity Target " + target.index(), "en")
                    .definition(target.description(), "en")
                    .broadMatch(
                            ChmThesaurus.concept(ChmThesaurus.AICHI_GOALS, goalId(strategicGoalOf(target.index()))));
        }
        return out;
    }

    /** {@code aichi-goals.json}. */
    record GoalsFile(List<Goal> goals) {}

    /** A goal of {@code aichi-goals.json}; {@code colors} is presentation and is not converted. */
    record Goal(String goal, Map<String, String> title, Map<String, String> text, JsonNode colors) {
        Goal {
            Objects.requireNonNull(goal, "goal");
            Objects.requireNonNull(title, "title of goal " + goal);
            Objects.requireNonNull(text, "text of goal " + goal);
        }
    }

    /** An entry of {@code aichi-targets.json}. */
    record Target(int index, String description) {
        Target {
            Objects.requireNonNull(description, "description of target " + index);
        }
    }
}
