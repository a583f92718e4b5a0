package org.chmexchange.node.auth;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * What a token scope looks at in a record: its type, its treaties and its countries.
 *
 * <p>Treaties and countries are given as the ids of their thesaurus concepts (InforMEA treaty ids
 * such as {@code cbd}; lower-case ISO 3166-1 alpha-2 codes such as {@code co}); a value that is not
 * a concept of the {@code treaties} or {@code countries} scheme is kept as its full IRI, so it never
 * matches a scope entry. Thread-safety: immutable.
 *
 * @param iri the record IRI; not null
 * @param type the record type, from the {@code rdf:type} of {@code iri}; empty when it has none
 * @param treaties the {@code chm:treaty} values of the record; not null, may be empty
 * @param countries the {@code chm:country} values of the record; not null, may be empty
 */
public record RecordFacts(IRI iri, Optional<RecordType> type, Set<String> treaties, Set<String> countries) {

    private static final String TREATY_PREFIX = ChmThesaurus.BASE + ChmThesaurus.TREATIES + "/";
    private static final String COUNTRY_PREFIX = ChmThesaurus.BASE + ChmThesaurus.COUNTRIES + "/";

    /** Copies the sets; checks for nulls. */
    public RecordFacts {
        Objects.requireNonNull(iri, "iri");
        Objects.requireNonNull(type, "type");
        treaties = Set.copyOf(treaties);
        countries = Set.copyOf(countries);
    }

    /**
     * Extracts the facts of record {@code iri} from {@code model}: the statements whose subject is
     * {@code iri} (nested resources carry no type, treaty or country of the record).
     *
     * @param model the record, possibly with other records; not null
     * @param iri the record IRI; not null
     */
    public static RecordFacts of(Model model, IRI iri) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(iri, "iri");
        Optional<RecordType> type = Optional.empty();
        Set<String> treaties = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        for (Statement st : model.getStatements(iri, null, null)) {
            Value o = st.getObject();
            if (!o.isIRI()) {
                continue;
            }
            if (st.getPredicate().equals(RDF.TYPE) && type.isEmpty()) {
                type = RecordType.fromClass((IRI) o);
            } else if (st.getPredicate().equals(CHM.treaty)) {
                treaties.add(conceptId(o.stringValue(), TREATY_PREFIX));
            } else if (st.getPredicate().equals(CHM.country)) {
                countries.add(conceptId(o.stringValue(), COUNTRY_PREFIX));
            }
        }
        return new RecordFacts(iri, type, treaties, countries);
    }

    private static String conceptId(String iri, String prefix) {
        if (iri.startsWith(prefix) && iri.length() > prefix.length()) {
            return iri.substring(prefix.length()).toLowerCase(Locale.ROOT);
        }
        return iri;
    }
}
