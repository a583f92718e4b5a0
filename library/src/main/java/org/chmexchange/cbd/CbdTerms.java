package org.chmexchange.cbd;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;

/**
 * CBD thesaurus terms ({@code ETerm.identifier}: INCUMBENTS.md part A 1.2, 2.2) to concepts of the
 * shared thesaurus: a country by its lower-case ISO 3166-1 alpha-2 code ({@code ca}; also {@code eu}),
 * any other term by its notation ({@code GBF-TARGET-01}, {@code CBD-FP1}, {@code nationalReport6}, or
 * the typed CBD term identifier {@code B0EBAE91-9581-4BB2-9C02-52FCF9D82721} of the NBSAP report
 * type), within the schemes the field allows.
 *
 * <p>Thread-safety: immutable once built; safe to share.
 */
public final class CbdTerms {

    private final Thesaurus thesaurus;

    /** Terms looked up in {@code thesaurus}. */
    public CbdTerms(Thesaurus thesaurus) {
        this.thesaurus = Objects.requireNonNull(thesaurus, "thesaurus");
    }

    /** The thesaurus looked up. */
    public Thesaurus thesaurus() {
        return thesaurus;
    }

    /**
     * The country concept of a CBD country term, if the thesaurus has it.
     *
     * @param identifier the term identifier, any case ({@code CA} and {@code ca} alike)
     */
    public Optional<IRI> country(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        IRI iri = ChmThesaurus.country(identifier.strip().toLowerCase(Locale.ROOT));
        return thesaurus.concept(iri).map(Concept::iri);
    }

    /**
     * The concept of a CBD term in one of {@code schemes} (names such as {@code gbf-targets}), if the
     * thesaurus has one with that notation there.
     */
    public Optional<IRI> concept(String identifier, String... schemes) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        Optional<Concept> found = thesaurus.byNotation(identifier.strip());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        for (String scheme : schemes) {
            if (found.get().inScheme(ChmThesaurus.scheme(scheme))) {
                return Optional.of(found.get().iri());
            }
        }
        return Optional.empty();
    }
}
