package org.chmexchange.store;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * One atomic write of {@link RecordStore#write}: records to upsert into a graph, records to delete,
 * settings (for example a harvester's cursor) and provenance, committed together or not at all.
 *
 * @param graph the named graph the upserts go to and, when {@code confined}, the only graph the
 *     request may touch; not null
 * @param upserts records to create or replace (see {@code RecordGraphs.split}); not null, may be empty
 * @param deletes IRIs of records to delete; not null, may be empty; IRIs the store does not hold
 *     (or, with {@code confined}, holds in another graph) are ignored
 * @param confined whether the request only touches records of {@code graph}; when false, an
 *     upserted record that the store holds in another graph moves to {@code graph} (unchanged
 *     content moves without a change entry and is reported unchanged); when true, such a record
 *     is left as it is and reported in
 *     {@link WriteResult#conflicts()}, and deletions only apply to records of {@code graph} (a source's
 *     tombstones only delete what that source gave; a publisher only overwrites its own records)
 * @param settings settings to set in the same transaction; not null
 * @param provenance statements to store in the provenance graph, replacing every earlier statement
 *     about their subjects; not null, may be empty
 * @param onConflict with {@code confined}, what an upserted record held in another graph does to the
 *     request: {@link OnConflict#SKIP} (the default: the record is left out, the rest is written,
 *     a harvester's policy) or {@link OnConflict#REFUSE} (nothing of the request is written and
 *     {@link RecordConflictException} names the record: the publishing API's all-or-nothing batch)
 */
public record WriteRequest(
        IRI graph,
        Model upserts,
        Set<IRI> deletes,
        boolean confined,
        Map<SettingKey, String> settings,
        Model provenance,
        OnConflict onConflict) {

    /** What a confined write does with a record another graph holds. */
    public enum OnConflict {
        /** Leave the record out and write the rest; the record is in {@link WriteResult#conflicts()}. */
        SKIP,
        /** Write nothing; {@link RecordStore#write} throws {@link RecordConflictException}. */
        REFUSE
    }

    /** A request that skips conflicting records ({@link OnConflict#SKIP}). */
    public WriteRequest(
            IRI graph,
            Model upserts,
            Set<IRI> deletes,
            boolean confined,
            Map<SettingKey, String> settings,
            Model provenance) {
        this(graph, upserts, deletes, confined, settings, provenance, OnConflict.SKIP);
    }

    /** Checks and copies the values. */
    public WriteRequest {
        Objects.requireNonNull(graph, "graph");
        upserts = new LinkedHashModel(Objects.requireNonNull(upserts, "upserts"));
        deletes = Set.copyOf(deletes);
        settings = Map.copyOf(settings);
        provenance = new LinkedHashModel(Objects.requireNonNull(provenance, "provenance"));
        Objects.requireNonNull(onConflict, "onConflict");
    }

    /** Upserts only. */
    public static WriteRequest upsert(IRI graph, Model records) {
        return new WriteRequest(graph, records, Set.of(), false, Map.of(), new LinkedHashModel());
    }
}
