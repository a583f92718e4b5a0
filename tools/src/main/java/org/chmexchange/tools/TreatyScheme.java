package org.chmexchange.tools;

import java.util.HashMap;
import java.util.Map;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.SKOS;

/**
 * Builds the {@code treaties} scheme from {@code mea-facts.json}: one concept per treaty, id and
 * notation its InforMEA id, {@code skos:prefLabel}@en its name (and its official names in the
 * other UN languages, {@code names}), {@code skos:altLabel}@en its acronym,
 * {@code skos:broader}/{@code skos:narrower} from {@code parentTreaty} (protocols under their
 * convention), {@code chm:untcReference} from {@code untc}, {@code skos:definition}@en from {@code
 * definition} (written for this project from the treaties' own statements of purpose) and {@code
 * skos:scopeNote} from {@code note}. Treaties without a parent are top concepts.
 *
 * <p>Thread-safety: stateless.
 */
final class TreatyScheme {

    private TreatyScheme() {}

    /**
     * The {@code treaties} scheme.
     *
     * @throws IllegalStateException on a duplicate id or an unknown parent treaty
     */
    static SkosScheme build(MeaFacts facts) {
        SkosScheme out = new SkosScheme(ChmThesaurus.TREATIES, "Multilateral environmental agreements")
                .comment("Treaties (and IPBES) with their InforMEA treaty identifiers, from the MEA facts of "
                        + "tools/src/main/sources/mea-facts/mea-facts.json.");
        Map<String, MeaFacts.Treaty> byId = new HashMap<>();
        for (MeaFacts.Treaty treaty : facts.treaties()) {
            if (byId.put(treaty.informeaId(), treaty) != null) {
                throw new IllegalStateException(MeaFacts.FILE + ": duplicate treaty " + treaty.informeaId());
            }
        }
        for (MeaFacts.Treaty treaty : facts.treaties()) {
            String id = treaty.informeaId();
            SkosScheme.Concept concept = treaty.parentTreaty() == null ? out.topConcept(id) : out.concept(id);
            concept.notation(id).prefLabel(treaty.name(), "en");
            new java.util.TreeMap<>(treaty.names()).forEach((lang, name) -> concept.prefLabel(name, lang));
            if (treaty.acronym() != null) {
                concept.altLabel(treaty.acronym(), "en");
            }
            if (treaty.untc() != null) {
                concept.add(CHM.untcReference, Values.literal(treaty.untc()));
            }
            if (treaty.definition() != null) {
                concept.definition(treaty.definition(), "en");
            }
            if (treaty.note() != null) {
                concept.scopeNote(treaty.note(), "en");
            }
            if (treaty.parentTreaty() != null) {
                if (!byId.containsKey(treaty.parentTreaty())) {
                    throw new IllegalStateException(
                            MeaFacts.FILE + ": treaty " + id + " has unknown parent " + treaty.parentTreaty());
                }
                concept.broader(ChmThesaurus.treaty(treaty.parentTreaty()));
                out.model().add(ChmThesaurus.treaty(treaty.parentTreaty()), SKOS.NARROWER, concept.iri());
            }
        }
        return out;
    }
}
