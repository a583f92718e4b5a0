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
 * @param snapshot whether {@code records} is the source's complete content (a full dump): records
 *     of this source that are not in it are deleted
 * @param state the state to resume from after this page; not null
 */
public record HarvestPage(Model records, Set<IRI> deletes, boolean snapshot, HarvestState state) {

    /** Copies the values. */
    public HarvestPage {
        records = new LinkedHashModel(Objects.requireNonNull(records, "records"));
        deletes = Set.copyOf(deletes);
        Objects.requireNonNull(state, "state");
    }
}
