package org.chmexchange.store;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;

/**
 * The public statements of a store, as one consistent snapshot, for {@link
 * RecordStore#readPublic}: every statement of a record graph or a reference graph (the graphs
 * {@link RecordStore#isPublicGraph} accepts), never the store's own graphs (settings, change log,
 * provenance, harvest state). Valid only inside the {@code readPublic} call that handed it out; not
 * thread-safe.
 */
public interface PublicStatements {

    /**
     * The public statements matching the pattern, each with its graph, pulled one by one from the
     * store; a null term matches anything, a null {@code graph} every public graph, a graph that is
     * not public nothing. The caller closes the stream before {@code readPublic} returns.
     */
    Stream<Statement> find(Resource subject, IRI predicate, Value object, Resource graph);

    /**
     * The sequence number of the last change this snapshot holds, 0 when none: what a dump of the
     * snapshot is (its {@code ETag}). Reads the change log (one pass over its entries).
     */
    long changeSequence();

    /** When the change {@link #changeSequence()} was made; empty when there is none. */
    Optional<Instant> changeTime();
}
