package org.chmexchange.store;

import java.util.List;
import org.eclipse.rdf4j.model.IRI;

/**
 * What one atomic write changed.
 *
 * @param created records that did not exist before
 * @param updated records that existed and were replaced
 * @param unchanged records written again with the same content, left as they were
 * @param deleted records deleted
 * @param conflicts records of a confined write that the store holds in another graph, left as they
 *     were
 * @param statements statements written
 * @param lastSequence the change-log sequence number after this write (unchanged if nothing changed)
 */
public record WriteResult(
        List<IRI> created,
        List<IRI> updated,
        List<IRI> unchanged,
        List<IRI> deleted,
        List<IRI> conflicts,
        long statements,
        long lastSequence) {

    /** Copies the lists. */
    public WriteResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
        conflicts = List.copyOf(conflicts);
    }

    /** Records written, created or updated (unchanged ones not counted). */
    public int records() {
        return created.size() + updated.size();
    }
}
