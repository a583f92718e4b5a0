package org.chmexchange.oai;

import io.gdcc.xoai.dataprovider.model.Set;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;

/**
 * The OAI-PMH sets of a node (OAI-PMH 2.0 section 4.6, "Selective Harvesting"): three hierarchies,
 * {@code type}, {@code treaty} and {@code country}, each with one subset per value, named by the
 * value's key in the shared thesaurus: {@code type:decision} (a {@link RecordType#slug() record
 * type slug}), {@code treaty:cbd} (a treaty's InforMEA id, {@link ChmThesaurus#treaty}) and {@code
 * country:fr} (a lower-case ISO 3166-1 alpha-2 code, {@link ChmThesaurus#country}). A record is in
 * the set of its type, of each of its treaties and of each of its countries (the filter keys of the
 * change log, so a deleted record stays in the sets it was in), and in the parent of each; a parent
 * set holds every record with a value in that hierarchy.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class OaiSets {

    /** The separator of a set hierarchy (OAI-PMH 2.0 section 4.6). */
    public static final char SEPARATOR = ':';

    /** One segment of a set spec: the unreserved characters of RFC 2396 (OAI-PMH 2.0 section 4.6). */
    private static final java.util.regex.Pattern SEGMENT = java.util.regex.Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+");

    static final String TYPE = "type";
    static final String TREATY = "treaty";
    static final String COUNTRY = "country";

    private static final String TREATY_PREFIX = ChmThesaurus.treaty("").stringValue();
    private static final String COUNTRY_PREFIX = ChmThesaurus.country("").stringValue();

    private final Map<String, Set> sets = new LinkedHashMap<>();
    private final Map<String, ChangeQuery> queries = new LinkedHashMap<>();

    /**
     * The sets of the record types and of the treaties and countries of {@code thesaurus}.
     *
     * @param thesaurus the shared thesaurus (its {@code treaties} and {@code countries} schemes);
     *     not null
     */
    public OaiSets(Thesaurus thesaurus) {
        List<IRI> treaties = new ArrayList<>();
        List<IRI> countries = new ArrayList<>();
        add(TYPE, "Records by type", ChangeQuery.ALL);
        for (RecordType type : RecordType.values()) {
            add(
                    TYPE + SEPARATOR + type.slug(),
                    "Records of type " + type.rdfClass().getLocalName(),
                    new ChangeQuery(java.util.Set.of(type), java.util.Set.of(), java.util.Set.of()));
        }
        List<Concept> treatyConcepts = thesaurus.concepts(ChmThesaurus.scheme(ChmThesaurus.TREATIES));
        List<Concept> countryConcepts = thesaurus.concepts(ChmThesaurus.scheme(ChmThesaurus.COUNTRIES));
        treatyConcepts.forEach(c -> treaties.add(c.iri()));
        countryConcepts.forEach(c -> countries.add(c.iri()));
        add(
                TREATY,
                "Records by treaty",
                new ChangeQuery(java.util.Set.of(), java.util.Set.copyOf(treaties), java.util.Set.of()));
        for (Concept c : treatyConcepts) {
            key(c.iri(), TREATY_PREFIX)
                    .ifPresent(k -> add(
                            TREATY + SEPARATOR + k,
                            "Records of the treaty " + c.label("en"),
                            new ChangeQuery(java.util.Set.of(), java.util.Set.of(c.iri()), java.util.Set.of())));
        }
        add(
                COUNTRY,
                "Records by country",
                new ChangeQuery(java.util.Set.of(), java.util.Set.of(), java.util.Set.copyOf(countries)));
        for (Concept c : countryConcepts) {
            key(c.iri(), COUNTRY_PREFIX)
                    .ifPresent(k -> add(
                            COUNTRY + SEPARATOR + k,
                            "Records about " + c.label("en"),
                            new ChangeQuery(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(c.iri()))));
        }
    }

    private void add(String spec, String name, ChangeQuery query) {
        sets.put(spec, Set.set(spec).withName(name));
        queries.put(spec, query);
    }

    /** The key of a concept within its scheme, if the spec syntax of OAI-PMH allows it. */
    private static Optional<String> key(IRI concept, String prefix) {
        String s = concept.stringValue();
        if (!s.startsWith(prefix)) {
            return Optional.empty();
        }
        String key = s.substring(prefix.length());
        return SEGMENT.matcher(key).matches() ? Optional.of(key) : Optional.empty();
    }

    /** Whether {@code spec} has the syntax of a set spec: segments separated by {@value #SEPARATOR}. */
    public static boolean isSpec(String spec) {
        if (spec == null || spec.isEmpty()) {
            return false;
        }
        for (String segment : spec.split(String.valueOf(SEPARATOR), -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Every set, parents first, in a stable order. */
    public List<Set> all() {
        return List.copyOf(sets.values());
    }

    /** Whether {@code spec} names a set. */
    public boolean exists(String spec) {
        return spec != null && sets.containsKey(spec);
    }

    /**
     * The change-log filter of a set.
     *
     * @param spec a set spec, or null for every record
     * @return the filter; {@link ChangeQuery#ALL} for null
     * @throws IllegalArgumentException if {@code spec} names no set
     */
    public ChangeQuery query(String spec) {
        if (spec == null) {
            return ChangeQuery.ALL;
        }
        ChangeQuery q = queries.get(spec);
        if (q == null) {
            throw new IllegalArgumentException("No such set: " + spec);
        }
        return q;
    }

    /** The specs of the sets a change-log entry's record is in, parents included, without repeats. */
    public List<Set> of(ChangeEntry entry) {
        List<Set> out = new ArrayList<>();
        addIfKnown(out, TYPE);
        addIfKnown(out, TYPE + SEPARATOR + entry.type().slug());
        addAll(out, TREATY, entry.treaties(), TREATY_PREFIX);
        addAll(out, COUNTRY, entry.countries(), COUNTRY_PREFIX);
        return out;
    }

    private void addAll(List<Set> out, String parent, Collection<IRI> values, String prefix) {
        boolean any = false;
        List<Set> children = new ArrayList<>();
        for (IRI v : values.stream()
                .sorted(java.util.Comparator.comparing(IRI::stringValue))
                .toList()) {
            Optional<String> k = key(v, prefix);
            if (k.isPresent() && sets.containsKey(parent + SEPARATOR + k.get())) {
                children.add(sets.get(parent + SEPARATOR + k.get()));
                any = true;
            }
        }
        if (any) {
            addIfKnown(out, parent);
            out.addAll(children);
        }
    }

    private void addIfKnown(List<Set> out, String spec) {
        Set s = sets.get(spec);
        if (s != null) {
            out.add(s);
        }
    }
}
