package org.chmexchange.informea;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;

/**
 * InforMEA's treaty values to the concepts of the treaty scheme ({@code chmt:treaties}), whose
 * notations are InforMEA's OData identifiers ({@code cbd}, {@code stockholm}, {@code plant_treaty}).
 * Feeds send a treaty as that identifier (any case), as a name ("Stockholm Convention on Persistent
 * Organic Pollutants", an acronym such as {@code CITES}: any label or alternative label of the concept,
 * any language, case ignored), or as free text for regional seas protocols (part B 1.6): those go
 * through a map of names you extend ({@link #withNames}).
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class InformeaTreaties {

    private final Thesaurus thesaurus;
    private final IRI scheme = ChmThesaurus.scheme(ChmThesaurus.TREATIES);
    private final Map<String, String> names;

    /** The treaties of {@code thesaurus}'s treaty scheme, without extra names. */
    public InformeaTreaties(Thesaurus thesaurus) {
        this(thesaurus, Map.of());
    }

    private InformeaTreaties(Thesaurus thesaurus, Map<String, String> names) {
        this.thesaurus = Objects.requireNonNull(thesaurus, "thesaurus");
        this.names = Map.copyOf(names);
    }

    /**
     * These treaties with more names.
     *
     * @param more free-text name to treaty identifier ({@code "Protocol concerning Specially Protected
     *     Areas and Biological Diversity in the Mediterranean" -> "barcelona"}); names compare ignoring
     *     case and runs of white space
     * @throws IllegalArgumentException if an identifier is not a treaty of the scheme
     */
    public InformeaTreaties withNames(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(names);
        more.forEach((name, id) -> {
            if (byIdentifier(id).isEmpty()) {
                throw new IllegalArgumentException(
                        "The treaty name '" + name + "' maps to '" + id + "', which is not a treaty of the scheme");
            }
            all.put(key(name), id.strip());
        });
        return new InformeaTreaties(thesaurus, all);
    }

    /**
     * The treaty concept a feed's value names, if any: by identifier, then by extra name, then by label.
     *
     * @param value the value; null or blank gives empty
     */
    public Optional<IRI> resolve(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<IRI> byId = byIdentifier(value);
        if (byId.isPresent()) {
            return byId;
        }
        String mapped = names.get(key(value));
        if (mapped != null) {
            return byIdentifier(mapped);
        }
        return thesaurus.byLabel(value.strip().replaceAll("\\s+", " "), null).stream()
                .filter(c -> c.inScheme(scheme))
                .map(Concept::iri)
                .findFirst();
    }

    /** The InforMEA identifier of a treaty concept (its notation), if it is one of the scheme. */
    public Optional<String> identifier(IRI treaty) {
        return thesaurus.concept(treaty).filter(c -> c.inScheme(scheme)).flatMap(c -> c.notations().stream()
                .findFirst());
    }

    private Optional<IRI> byIdentifier(String id) {
        return thesaurus.byNotation(id.strip()).filter(c -> c.inScheme(scheme)).map(Concept::iri);
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
