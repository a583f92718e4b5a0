package org.chmexchange.harvest;

import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/**
 * What a harvester read in one step, committed atomically by the {@link HarvestSink}.
 *
 * @param records records to create or update (statements about other subjects are dropped and
 *     counted); not null. The page keeps this model, it does not copy it: the harvester must not
 *     change it after handing the page over
 * @param deletes IRIs of records the source deleted (tombstones); only records of this source are
 *     deleted; not null
 * @param snapshot whether the records of this page, of the run's earlier pages and {@code present}
 *     together are the source's complete content (a full dump, or the last page of a full paged
 *     run): records of this source that are in none of them are deleted (the snapshot sweep)
 * @param state the state to resume from after this page; not null. A harvester that splits one
 *     unit of the source (a dump) into several pages gives the pages before the last the state
 *     before the unit, so a run stopped among them reads the unit again
 * @param present with {@code snapshot}, the IRIs of records the source still has that no page of
 *     this run carries (records of an earlier, interrupted run that this one resumes); they are
 *     kept. Not null; empty unless {@code snapshot}
 */
public record HarvestPage(Model records, Set<IRI> deletes, boolean snapshot, HarvestState state, Set<IRI> present) {

    /**
     * Keeps the model as an unmodifiable view and copies the sets.
     *
     * @throws IllegalArgumentException if {@code present} is not empty on a page that is not a
     *     snapshot
     */
    public HarvestPage {
        records = Objects.requireNonNull(records, "records").unmodifiable();
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
