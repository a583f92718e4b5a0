package org.chmexchange.tools;

import java.util.List;
import java.util.Objects;
import org.chmexchange.vocab.CHM;

/**
 * One concept of a hand-written code list: id, English label and definition, and optional
 * notations, English alternative labels and the CBD term it matches exactly.
 *
 * @param id concept id within its scheme; not null
 * @param label English {@code skos:prefLabel}; not null
 * @param definition English {@code skos:definition}; not null
 * @param notations {@code skos:notation}s (codes or CBD schema names); not null
 * @param altLabels English {@code skos:altLabel}s; not null
 * @param cbdTerm identifier of the CBD thesaurus term for {@code skos:exactMatch} and for a notation
 *     typed {@code chm:cbdTermIdentifier}, or null
 */
record CodeEntry(
        String id, String label, String definition, List<String> notations, List<String> altLabels, String cbdTerm) {

    CodeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label of " + id);
        Objects.requireNonNull(definition, "definition of " + id);
        notations = List.copyOf(notations);
        altLabels = List.copyOf(altLabels);
    }

    /** An entry with neither notation, alternative label nor CBD term. */
    static CodeEntry of(String id, String label, String definition) {
        return new CodeEntry(id, label, definition, List.of(), List.of(), null);
    }

    /** Adds the entry as a top concept of {@code scheme}. */
    void addTo(SkosScheme scheme) {
        SkosScheme.Concept concept =
                scheme.topConcept(id).prefLabel(label, "en").definition(definition, "en");
        notations.forEach(concept::notation);
        altLabels.forEach(alt -> concept.altLabel(alt, "en"));
        if (cbdTerm != null) {
            concept.exactMatchCbd(cbdTerm).notation(cbdTerm, CHM.cbdTermIdentifier);
        }
    }
}
