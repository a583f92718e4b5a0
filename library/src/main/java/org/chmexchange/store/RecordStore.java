package org.chmexchange.store;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.chmexchange.store.internal.IndexedRecordStore;
import org.chmexchange.store.internal.LegacyMigration;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.repository.Repository;

/**
 * The record store that the node, the harvesters and the publisher see: records as RDF in named
 * graphs, the change log with its tombstones, settings and provenance, plus a record index that
 * lists and searches records with keyset paging. The embedded implementation ({@link #openEmbedded})
 * runs on Jena TDB2 with a Lucene index (docs/STORE.md); {@link #open(Repository, Path)} runs the
 * same logic on any RDF4J repository. The contract below holds for every implementation.
 *
 * <p>Every write is atomic and durable when it returns: the RDF of the whole request is committed in
 * one transaction or not at all, and a crash at any moment loses no returned write and leaves
 * nothing of an unfinished one. The index is derived from the store and never disagrees with it
 * after an open ({@link #check()} proves it); a record that cannot be indexed fails the write
 * before anything is stored.
 *
 * <p>The node sets {@code dcterms:modified}: a record whose content changed is stamped with the time
 * of the write (UTC, millisecond precision); a record written again unchanged keeps its stored
 * version and time, and counts as unchanged.
 *
 * <pre>{@code
 * try (RecordStore store = RecordStore.openEmbedded(Path.of("chm-data"))) {
 *     store.put(records, RecordStore.localGraph("http://localhost:8080/"));
 *     RecordPage page = store.list(RecordQuery.ALL, null, 50);
 * }
 * }</pre>
 *
 * <p>Thread-safety: reads and searches run concurrently from any thread; writes are serialised by
 * an internal lock. Lifecycle: the store owns its repository and index and closes both in
 * {@link #close()}; operations after close fail with {@link StoreException} or the repository's
 * own exception. Every method throws {@link StoreException} when the store or index fails, and
 * {@link NullPointerException} for null arguments unless a parameter says it may be null.
 */
public interface RecordStore extends AutoCloseable {

    /** The path of the publishers' graphs under a base IRI. */
    String PUBLISHERS = "graphs/publishers/";

    /** Named graph of the provenance of harvested graphs (docs/EXCHANGE.md). */
    IRI PROVENANCE_GRAPH = Values.iri("urn:chm-exchange:provenance");

    /**
     * Opens (creating if needed) the embedded store in {@code dataDir}: a Jena TDB2 database in
     * {@code dataDir/tdb2} (a commit is durable when it returns, and a crash at any moment leaves
     * every committed write and nothing of an unfinished one: docs/STORE.md) and the record index
     * in {@code dataDir/index}.
     *
     * @throws StoreInUseException if another process (or another store of this process) holds the
     *     folder
     * @throws StoreException if the folders cannot be created or opened; the message says why and
     *     how to recover ({@code chm-node store check}, {@code chm-node store repair})
     */
    static RecordStore openEmbedded(Path dataDir) {
        return IndexedRecordStore.openEmbedded(dataDir);
    }

    /**
     * Opens a store over an initialised repository with the record index in {@code indexDir}. The
     * store takes ownership of the repository, and shuts it down if opening fails. Its crash safety
     * is the repository's (tested with the memory store).
     */
    static RecordStore open(Repository repository, Path indexDir) {
        return IndexedRecordStore.open(repository, indexDir);
    }

    /**
     * Opens a store on a remote SPARQL 1.1 store (Fuseki, GraphDB, Virtuoso: through RDF4J's
     * SPARQLRepository), with this process's record index in {@code indexDir}. Several processes
     * may open the same remote store, each with its own index folder: writes from all of them stay
     * atomic and in one gap-free change sequence (each write is one SPARQL update, applied only to
     * the state it read, else run again); each process's index catches up from the change log at
     * open and then every {@link SparqlStoreSettings#follow()} (docs/STORE.md, "A remote SPARQL
     * store"). Nothing is cached but the index: records are read from the remote store.
     *
     * @throws StoreException if the store cannot be reached or read, or the index cannot be opened
     */
    static RecordStore openSparql(SparqlStoreSettings settings, Path indexDir) {
        return IndexedRecordStore.openSparql(settings, indexDir);
    }

    /**
     * Copies the store of a version 0.1 data folder (RDF4J LMDB, in {@code dataDir/rdf}) into the
     * embedded store of this version; statements a crash left unresolvable are skipped and counted.
     * Run once, with no process on the folder; a migration that was interrupted is run again.
     *
     * @return statements copied and skipped
     * @throws StoreException if the folder holds no 0.1 store, already holds a new one, or a store
     *     fails
     */
    static MigrationResult migrateLegacy(Path dataDir) {
        return LegacyMigration.migrate(Objects.requireNonNull(dataDir, "dataDir"));
    }

    /** The named graph of the records a node publishes itself: {@code {base}graphs/local}. */
    static IRI localGraph(String base) {
        return Values.iri(base + "graphs/local");
    }

    /**
     * The named graph of the records a token writes through a node's publishing API: {@code
     * {base}graphs/publishers/{publisher}} (docs/EXCHANGE.md, "Ownership").
     *
     * @param publisher the token's name
     */
    static IRI publisherGraph(String base, String publisher) {
        return Values.iri(base + PUBLISHERS + publisher);
    }

    /**
     * Whether the statements of {@code graph} are public: every named graph but the store's own
     * ({@code urn:chm-exchange:*}: settings, change log, provenance, harvest state). Records and the
     * reference data of the vocabularies are public; what is public is what {@link #readPublic}
     * shows (the SPARQL endpoint, dumps).
     *
     * @param graph a graph name; null (the default graph, which the store does not use) is not public
     */
    static boolean isPublicGraph(Resource graph) {
        return graph instanceof IRI && !org.chmexchange.store.internal.TripleStore.isStoreGraph(graph);
    }

    /**
     * Whether {@code graph} is a public graph of records (what the dumps hold): a public graph that
     * is not one of the vocabularies' reference graphs.
     */
    static boolean isRecordGraph(Resource graph) {
        return isPublicGraph(graph) && org.chmexchange.store.internal.TripleStore.isRecordGraph(graph);
    }

    /**
     * Whether {@code graph} holds records that the node at {@code base} passes on to its peers: its
     * local graph or a publisher's graph ({@link #publisherGraph}); not reference or sample data, not
     * harvested records.
     */
    static boolean isOwnGraph(String base, IRI graph) {
        return graph.equals(localGraph(base)) || graph.stringValue().startsWith(base + PUBLISHERS);
    }

    /**
     * Writes records atomically into {@code graph}, replacing any earlier version of each record
     * (in whatever graph it was): {@code write(WriteRequest.upsert(graph, records))}.
     *
     * @see #write(WriteRequest)
     */
    WriteResult put(Model records, IRI graph);

    /**
     * Deletes a record and its nested resources, from whatever graph holds it.
     *
     * @return true if the record existed
     */
    boolean delete(IRI record);

    /**
     * One atomic write: upserts, deletions, settings and provenance in one transaction, with one
     * change-log entry per record created, updated or deleted. Upserted records whose content is
     * unchanged (ignoring {@code dcterms:modified}) are left as they are and logged as nothing; the
     * others are stamped with the time of this write.
     *
     * @return what was created, updated, left unchanged and deleted
     * @throws StoreException if a statement of the upserts belongs to no record, a record cannot be
     *     indexed, or the store fails; then nothing of the request is written. (If only the index
     *     fails afterwards and cannot be rebuilt, the write is stored, the exception says so, and
     *     the index is rebuilt at the next open.)
     */
    WriteResult write(WriteRequest request);

    /**
     * A page of the change log: entries matching {@code query} after sequence number {@code after},
     * oldest first.
     *
     * @param after 0 to start from the beginning, else a {@link ChangePage#position()}
     * @param limit page size, at least 1
     */
    ChangePage changes(ChangeQuery query, long after, int limit);

    /** How many change-log entries match {@code query}. */
    long countChanges(ChangeQuery query);

    /**
     * A page of the current state of every record the change log knows: the newest entry of each
     * record (its last create or update, or its tombstone if it was deleted last), among those
     * matching {@code query} (the query's time bounds apply to that newest entry), after sequence
     * number {@code after}, oldest first. Each record appears once in the whole list; a record
     * changed while a client pages moves to the end (its new entry is newer than every position
     * handed out), so keyset paging by {@link ChangePage#position()} neither skips nor repeats a
     * record that did not change. This is the list behind OAI-PMH {@code ListRecords}.
     *
     * @param after 0 to start from the beginning, else a {@link ChangePage#position()}
     * @param limit page size, at least 1
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    ChangePage latestChanges(ChangeQuery query, long after, int limit);

    /** How many records have their newest change-log entry matching {@code query}. */
    long countLatestChanges(ChangeQuery query);

    /** The named graph holding a record, or empty if the store has no such record. */
    Optional<IRI> graphOf(IRI record);

    /**
     * The records of {@code records} that {@code graph} already holds with the same content, so that
     * writing them would change nothing: the same statements, blank nodes compared by label,
     * {@code dcterms:modified} of the record itself ignored (the store stamps its own). Read in one
     * read transaction; for the validation gate, which validates only what changed.
     *
     * @param graph the graph the records would be written to; not null
     * @param records each record's statements, as a {@link org.chmexchange.admission.Batch} holds
     *     them; not null, not changed
     * @return the unchanged ones, a subset of the keys; empty when none is
     * @throws StoreException if the store cannot be read
     */
    Set<IRI> unchangedIn(IRI graph, Map<IRI, Model> records);

    /**
     * The IRIs of the records held in a named graph, all in memory: for graphs of a known, modest
     * size; {@link #forEachRecordIn} streams them.
     */
    default Set<IRI> recordsIn(IRI graph) {
        Set<IRI> records = new LinkedHashSet<>();
        forEachRecordIn(graph, records::add);
        return records;
    }

    /**
     * Gives {@code action} the IRI of every record held in a named graph, one at a time, inside one
     * read transaction (so it sees one state of the store). The action must not write to the store.
     *
     * @throws StoreException if the store cannot be read, or the action throws (its exception is the
     *     cause)
     */
    void forEachRecordIn(IRI graph, Consumer<? super IRI> action);

    /**
     * The sequence number of the newest change this store serves, 0 for a store that never changed.
     * On a store other processes share ({@link #openSparql}) it is the newest this process has caught
     * up with: its own writes at once, the others' at the next {@link #refresh}.
     */
    long lastSequence();

    /**
     * Brings this store's view (its record index, its change feed, {@link #lastSequence}) up to the
     * changes other processes sharing the store have committed, from the change log; a store no other
     * process writes is always current, and this only reads the log's head. A shared store opened by
     * {@link #openSparql} calls it on its own every {@link SparqlStoreSettings#follow()}.
     *
     * <p>Thread-safety: safe from any thread; it waits for a write of this process in progress.
     *
     * @return the sequence number of the newest change this store now serves
     * @throws StoreException if the store cannot be read
     */
    long refresh();

    /**
     * The newest change-log entry about a record, if any; a {@link ChangeKind#DELETE} means the
     * record was deleted and this is its tombstone.
     */
    Optional<ChangeEntry> lastChange(IRI record);

    /** The statements of a record, or empty if the store has none. */
    Optional<Model> get(IRI record);

    /**
     * The statements of several records, read in one read transaction (on a remote store in a few
     * batched requests rather than one or two per record): the records the store has, keyed by IRI,
     * in no particular order; those it does not have are left out.
     *
     * @param records the IRIs; not null
     * @throws StoreException if the store cannot be read
     */
    Map<IRI, Model> getAll(java.util.Collection<IRI> records);

    /**
     * A page of the records matching {@code query}, in ascending IRI order, after {@code after}.
     *
     * @param query the filter; not null
     * @param after last IRI of the previous page ({@link RecordPage#lastKey()}); null for the first
     * @param limit page size, at least 1
     */
    RecordPage list(RecordQuery query, IRI after, int limit);

    /**
     * A page of the records matching {@code query} in order of {@code dcterms:modified}, ties in IRI
     * order: oldest first, or newest first (ties in IRI order either way, as InforMEA's {@code
     * $orderby=updated desc,id} asks). A stable order for
     * harvesting by modification time, by offset ({@code skip}) or by keyset ({@code after}).
     * {@link RecordPage#lastKey()} is present when more records follow the page; {@link
     * RecordPage#totalItems()} counts every match, whatever {@code after} and {@code skip}.
     *
     * @param query the filter; not null
     * @param descending newest first
     * @param after the position of the last record of the previous page ({@link
     *     ModifiedKey#of}); null to start at the beginning
     * @param skip records passed over after {@code after} before the page; at least 0
     * @param limit page size, at least 1
     * @throws IllegalArgumentException if {@code limit} is less than 1 or {@code skip} less than 0
     */
    RecordPage listByModified(RecordQuery query, boolean descending, ModifiedKey after, int skip, int limit);

    /** How many records match {@code query} (not null). */
    long count(RecordQuery query);

    /**
     * The facet counts of the records matching {@code query}: for each {@link RecordFacets.Facet},
     * the {@code top} values most records have, with how many. Read from the record index, as {@link
     * #list} is; thread-safe.
     *
     * @param query the filter; not null
     * @param top the most values per facet, at least 1
     * @throws IllegalArgumentException if {@code top} is less than 1
     */
    RecordFacets facets(RecordQuery query, int top);

    /**
     * Replaces a named graph of reference data (ontology, shapes, thesaurus) unless it already holds
     * this content (compared as graphs, blank nodes included, with {@link Models#isomorphic}).
     *
     * @return true if the graph was (re)written
     */
    boolean replaceGraphIfChanged(IRI graph, Model content);

    /** A small persistent setting of the store (for example the node's base IRI), or empty. */
    Optional<String> setting(SettingKey key);

    /** Sets a persistent setting atomically. */
    void setSetting(SettingKey key, String value);

    /**
     * Rebuilds the record index from the records in the store. A record that cannot be indexed
     * (for example a malformed {@code dcterms:modified} written by another tool) is logged and
     * left out, so one bad record never keeps a node from starting.
     */
    void rebuildIndex();

    /**
     * Checks the store against its own invariants, under the write lock (so against one state):
     * every statement resolves; the change log is complete, with sequence numbers 1 to the last
     * without a gap or a duplicate; every record has a change entry and its newest is not a
     * deletion; the record index holds exactly the indexable records of the store and as many
     * change entries as the log. Reads everything: O(store size).
     *
     * @return the figures and the problems found; never throws for a problem of the data
     * @throws StoreException if the store cannot be read at all
     */
    StoreCheck check();

    /**
     * Compacts the store, if its engine keeps superseded data on disk: the embedded TDB2 store is
     * copy-on-write, so every write leaves old blocks behind and its folder grows until compacted
     * (docs/STORE.md, "Compaction"). Runs under the write lock (writes wait; reads and searches go
     * on), takes time in proportion to the live content, needs free disk for one more copy of it, and
     * records the size after it as {@link SettingKey#COMPACTED_BYTES}. A crash at any moment leaves the
     * store as it was before or after, whole. Records, change log, settings and index are untouched.
     *
     * @return what it did; empty if this store's engine reclaims space by itself (an RDF4J repository)
     * @throws StoreException if compaction fails; the store is then as before
     */
    Optional<Compaction> compact();

    /**
     * The length in bytes of the store's files (not the record index), or empty when the engine's
     * files are not the store's to measure (an RDF4J repository). Preallocated files count whole.
     *
     * @throws StoreException if the folder cannot be read
     */
    OptionalLong diskBytes();

    /** The content of a named graph, without graph names; empty if the store has none. */
    Model graph(IRI graph);

    /** How many statements the store holds, in every graph (records, reference data, its own). */
    long size();

    /**
     * Whether the store holds a statement matching the pattern; a null term matches anything, a
     * null graph any graph.
     */
    boolean contains(Resource subject, IRI predicate, Value object, IRI graph);

    /**
     * Runs {@code work} on one consistent snapshot of the store's public statements ({@link
     * PublicStatements}), in a read transaction that lasts as long as {@code work}; writes go on
     * meanwhile and are not seen. What {@code work} returns must not hold statements streams open.
     *
     * @throws StoreException if the store fails; an exception of {@code work} propagates as it is
     */
    <T> T readPublic(java.util.function.Function<PublicStatements, T> work);

    /** Closes the index and shuts the repository down; call once, after the last operation. */
    void close();
}
