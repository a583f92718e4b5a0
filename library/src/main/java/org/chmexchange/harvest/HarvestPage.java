package org.chmexchange.harvest;

import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * What a harvester read in one step, committed atomically by the {@link HarvestSink}.
 *
 * @param records records to create or update (statements about other subjects are dropped and
 *     counted); not null
 * @param deletes IRIs of records the source deleted (tombstones); only records of this source are
 *     deleted; not null
 * @param snapshot whether {@code records} and {@code present} together are the source's complete
 *     content (a full dump, or the last page of a full paged run): records of this source that are
 *     in neither are deleted
 * @param state the state to resume from after this page; not null
 * @param present with {@code snapshot}, the IRIs of records the source still has that this page
 *     does not carry (records of earlier pages of the same run); they are kept. Not null; empty
 *     unless {@code snapshot}
 */
public record HarvestPage(Model records, Set<IRI> deletes, boolean snapshot, HarvestState state, Set<IRI> present) {

    /**
     * Copies the values.
     *
     * @throws IllegalArgumentException if {@code present} is not empty on a page that is not a
     *     snapshot
     */
    public HarvestPage {
        records = new LinkedHashModel(Objects.requireNonNull(records, "records"));
        deletes = Set.copyOf(deletes);
        Objects.requireNonNull(state, "state");
        present = Set.copyOf(present);
        if (!snapshot && !present.isEmpty()) {
            throw new IllegalArgumentException("Only a snapshot page names records present at the source");
        }
    }

    /** A page that carries all it keeps: {@code present} is empty. */
    public HarvestPage(Model records, Set<IRI> deletes, boolean snapshot, HarvestState state) {
        this(records, deletes, snapshot, state, Set.of());
    }
}
