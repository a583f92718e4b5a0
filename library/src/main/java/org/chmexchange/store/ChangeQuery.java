package org.chmexchange.store;

import java.util.Set;
import org.chmexchange.model.RecordType;
import org.eclipse.rdf4j.model.IRI;

/**
 * A filter over the change log: values within one field are alternatives, fields combine with AND;
 * an empty set means no constraint.
 *
 * @param types record types; never null
 * @param treaties treaty concepts; never null
 * @param countries country concepts; never null
 */
public record ChangeQuery(Set<RecordType> types, Set<IRI> treaties, Set<IRI> countries) {

    /** Every change. */
    public static final ChangeQuery ALL = new ChangeQuery(Set.of(), Set.of(), Set.of());

    /** Copies the sets. */
    public ChangeQuery {
        types = Set.copyOf(types);
        treaties = Set.copyOf(treaties);
        countries = Set.copyOf(countries);
    }
}
