package org.chmexchange.cbd;

import java.util.Map;
import java.util.Optional;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;

/**
 * The CBD's treaty codes, the UN Treaty Collection numbers of index field {@code treaty_s}
 * (INCUMBENTS.md part A 1.5: {@code XXVII8} the Convention, {@code XXVII8a} the Cartagena Protocol,
 * {@code XXVII8b} the Nagoya Protocol) to and from the treaty concepts of the shared thesaurus. The
 * Supplementary Protocol's {@code XXVII8c} (1.6) has no concept in the treaty scheme yet.
 */
public final class CbdTreaties {

    private static final Map<String, String> BY_CODE =
            Map.of("XXVII8", "cbd", "XXVII8a", "cartagena", "XXVII8b", "nagoya");

    private CbdTreaties() {}

    /** The treaty concept of a CBD treaty code (exact case), if it is one. */
    public static Optional<IRI> treaty(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code.strip()))
                .map(ChmThesaurus::treaty);
    }

    /** The CBD treaty code of a treaty concept, if the CBD has one. */
    public static Optional<String> code(IRI treaty) {
        return BY_CODE.entrySet().stream()
                .filter(e -> ChmThesaurus.treaty(e.getValue()).equals(treaty))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * The treaty a CBD focal-point category belongs to: {@code CPB-*} and {@code BCH-*} to the
     * Cartagena Protocol, {@code ABS*} to the Nagoya Protocol, every other category to the Convention
     * (the category list of INCUMBENTS.md part A 1.2).
     */
    public static IRI ofFocalPointCategory(String category) {
        String c = category.toUpperCase(java.util.Locale.ROOT);
        if (c.startsWith("CPB-") || c.startsWith("BCH-")) {
            return ChmThesaurus.treaty("cartagena");
        }
        if (c.startsWith("ABS")) {
            return ChmThesaurus.treaty("nagoya");
        }
        return ChmThesaurus.treaty("cbd");
    }
}
