package org.chmexchange.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.ChangePage;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.Compaction;
import org.chmexchange.store.RecordConflictException;
import org.chmexchange.store.RecordPage;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.chmexchange.store.StoreCheck;
import org.chmexchange.store.StoreException;
import org.chmexchange.store.StoreInUseException;
import org.chmexchange.store.WriteRequest;
import org.chmexchange.store.WriteResult;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.repository.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record store over a {@link QuadStore} (embedded TDB2, or an RDF4J repository) with the
 * node's Lucene record index: the implementation behind {@link RecordStore#openEmbedded} and
 * {@link RecordStore#open}.
 *
 * <p>Every write is atomic: each record is checked and its index entry built first (a record that
 * cannot be indexed fails the write before anything is stored), then the RDF of the whole batch is
 * committed in one transaction, then the index is updated and published with the sequence number of
 * the newest change it holds (searchable at once, committed to disk at most every 10 seconds of
 * writes and on close: {@link RecordIndex#publish}). If the process dies in between, the next open finds the index behind
 * the store and catches up from the change log; an index with no sequence (new, or a rebuild that
 * did not finish) is rebuilt: the store is the single source of truth. If the index fails after the
 * store committed, the store rebuilds the index at once; until a rebuild succeeds the index stays
 * marked dirty. A write that changes no record does not touch the index.
 *
 * <p>Thread-safety: reads and searches run concurrently from any thread; writes are serialised by
 * an internal lock.
 */
public final class IndexedRecordStore implements RecordStore {

    private static final Logger LOG = LoggerFactory.getLogger(IndexedRecordStore.class);

    private final TripleStore triples;
    private final RecordIndex index;
    private final ReentrantLock writeLock = new ReentrantLock();
    /**
     * The sequence number of the newest change in the index: the store's last change, or, on a store
     * other processes share, the last one this process has caught up with. Written under {@link
     * #writeLock}.
     */
    private volatile long lastSequence;
    /** True while the index is known to miss changes (a rebuild failed); commits stay dirty. */
    private boolean indexStale;

    private IndexedRecordStore(QuadStore quads, RecordIndex index) {
        this.triples = new TripleStore(quads);
        this.index = index;
        index.bindTo(storeId(triples));
        this.lastSequence = triples.read("Reading the change log", ChangeLog::maxSequence);
        long indexed = index.indexedSequence();
        if (indexed < 0 || indexed > lastSequence) {
            LOG.info(
                    "The record index is new, unfinished or ahead of the store (at {} of {}): rebuilding it from the"
                            + " store",
                    indexed,
                    lastSequence);
            rebuildIndex();
        } else if (indexed < lastSequence) {
            long head = lastSequence;
            lastSequence = indexed;
            try {
                catchUpIndex(indexed, head);
            } catch (StoreException e) {
                // A log the catch-up cannot read (an entry missing: chm-node store check says which):
                // the rebuild reads what there is, so the store still opens for check and repair.
                LOG.warn("The record index cannot catch up from the change log ({}): rebuilding it", e.getMessage());
                rebuildIndex();
            }
        }
    }

    /** The store's identity, set in one transaction at its first open (the first of several processes wins). */
    private static String storeId(TripleStore triples) {
        return triples.inTransaction("Reading the store's identity", q -> {
            Optional<String> id = TripleStore.settingIn(q, SettingKey.STORE_ID.name());
            if (id.isPresent()) {
                return id.get();
            }
            String fresh = java.util.UUID.randomUUID().toString();
            TripleStore.setSetting(q, SettingKey.STORE_ID.name(), fresh);
            return fresh;
        });
    }

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
    public static IndexedRecordStore openEmbedded(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        StoreLayout.checkNoLegacyLayout(dataDir);
        try {
            Files.createDirectories(StoreLayout.quadsDir(dataDir));
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        return open(Tdb2QuadStore.open(StoreLayout.quadsDir(dataDir)), StoreLayout.indexDir(dataDir));
    }

    /**
     * Opens a store over an initialised repository with the record index in {@code indexDir}. The
     * store takes ownership of the repository, and shuts it down if opening fails. Its crash safety
     * is the repository's (tested with the memory store).
     */
    public static IndexedRecordStore open(Repository repository, Path indexDir) {
        return open(new RepositoryQuadStore(Objects.requireNonNull(repository, "repository")), indexDir);
    }

    /**
     * Opens a store on a remote SPARQL 1.1 store ({@link RecordStore#openSparql}), catching up with
     * other processes' writes every {@link SparqlStoreSettings#follow()} on a daemon thread.
     */
    public static IndexedRecordStore openSparql(org.chmexchange.store.SparqlStoreSettings settings, Path indexDir) {
        IndexedRecordStore store =
                open(SparqlQuadStore.connect(settings), Objects.requireNonNull(indexDir, "indexDir"));
        if (!settings.follow().isZero()) {
            store.follow(settings.follow());
        }
        return store;
    }

    private static IndexedRecordStore open(QuadStore quads, Path indexDir) {
        RecordIndex index = null;
        try {
            Files.createDirectories(indexDir);
            index = new RecordIndex(indexDir);
            return new IndexedRecordStore(quads, index);
        } catch (IOException | RuntimeException e) {
            if (index != null) {
                try {
                    index.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            quads.close();
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(
                    "Cannot open the record store (" + quads.describe() + "): " + e
                            + ". Run chm-node store check to see what is wrong, and chm-node store repair to"
                            + " rebuild the record index from the store",
                    e);
        }
    }

    /**
     * Writes records atomically into {@code graph}, replacing any earlier version of each record
     * (in whatever graph it was): {@code write(WriteRequest.upsert(graph, records))}.
     *
     * @see #write(WriteRequest)
     */
    @Override
    public WriteResult put(Model records, IRI graph) {
        return write(WriteRequest.upsert(graph, records));
    }

    /**
     * Deletes a record and its nested resources, from whatever graph holds it.
     *
     * @return true if the record existed
     */
    @Override
    public boolean delete(IRI record) {
        Objects.requireNonNull(record, "record");
        WriteRequest request = new WriteRequest(
                TripleStore.SYSTEM_GRAPH,
                new LinkedHashModel(),
                Set.of(record),
                false,
                Map.of(),
                new LinkedHashModel());
        return !write(request).deleted().isEmpty();
    }

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
    @Override
    public WriteResult write(WriteRequest request) {
        Map<IRI, Model> split = RecordGraphs.split(request.upserts());
        writeLock.lock();
        try {
            Applied applied = triples.inTransaction(
                    "Writing " + split.size() + " records and "
                            + request.deletes().size() + " deletions to <" + request.graph() + ">",
                    q -> apply(q, request, split));
            // Changes of other processes sharing the store come first in the index, in sequence order.
            // The write is stored: if that catch-up fails, the index stays behind (without a gap) and
            // the next refresh or write catches up with these changes and this write's.
            if (applied.firstSequence() - 1 > lastSequence) {
                try {
                    catchUpIndex(lastSequence, applied.firstSequence() - 1);
                } catch (StoreException e) {
                    LOG.warn(
                            "The record index could not catch up with other processes' changes after a stored"
                                    + " write; it will at the next refresh: {}",
                            e.getMessage());
                }
            }
            if (!applied.changes().isEmpty()
                    && lastSequence == applied.firstSequence() - 1) { // else behind, or a rebuild took them
                lastSequence = applied.lastSequence();
                updateIndex(() -> {
                    index.put(applied.changedEntries());
                    index.delete(applied.deleted());
                    index.putChanges(applied.changes());
                });
            }
            return new WriteResult(
                    applied.created(),
                    applied.updated(),
                    applied.unchanged(),
                    applied.deleted(),
                    applied.conflicts(),
                    applied.statements(),
                    Math.max(lastSequence, applied.lastSequence()));
        } finally {
            writeLock.unlock();
        }
    }

    /** What one write transaction did; built afresh by every run of {@link #apply}. */
    private record Applied(
            List<IRI> created,
            List<IRI> updated,
            List<IRI> unchanged,
            List<IRI> deleted,
            List<IRI> conflicts,
            List<ChangeEntry> changes,
            List<IndexEntry> changedEntries,
            long statements,
            long firstSequence,
            long lastSequence) {}

    /**
     * The body of a write transaction. It keeps no state outside its result, since an engine shared
     * with other processes may run it again after a conflict (QuadStore#write): the sequence numbers
     * follow the change log's head and the time is never before the head's (times follow sequence
     * numbers), both read in this transaction.
     */
    private static Applied apply(Quads q, WriteRequest request, Map<IRI, Model> split) {
        ChangeLog.Head head = ChangeLog.head(q);
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (head.time() != null && time.isBefore(head.time())) {
            time = head.time();
        }
        Map<IRI, IndexEntry> entries = new LinkedHashMap<>();
        Map<IRI, Model> stamped = new LinkedHashMap<>();
        for (Map.Entry<IRI, Model> r : split.entrySet()) {
            Model m = new LinkedHashModel(r.getValue());
            m.remove(r.getKey(), DCTERMS.MODIFIED, null);
            m.add(r.getKey(), DCTERMS.MODIFIED, Values.literal(time.toString(), XSD.DATETIME));
            stamped.put(r.getKey(), m);
            entries.put(r.getKey(), IndexEntry.of(r.getKey(), m));
        }
        List<IRI> created = new ArrayList<>();
        List<IRI> updated = new ArrayList<>();
        List<IRI> unchanged = new ArrayList<>();
        List<IRI> deleted = new ArrayList<>();
        List<IRI> conflicts = new ArrayList<>();
        List<ChangeEntry> changes = new ArrayList<>();
        List<IndexEntry> changedEntries = new ArrayList<>();
        long statements = 0;
        long sequence = head.sequence();
        Set<IRI> touched = new LinkedHashSet<>(stamped.keySet());
        touched.addAll(request.deletes());
        if (q.batches()) {
            TripleStore.readRecords(q, touched); // one batched read of the remote store, then answered from it
        }
        for (Map.Entry<IRI, Model> r : stamped.entrySet()) {
            IRI iri = r.getKey();
            Optional<IRI> holder = TripleStore.graphOf(q, iri);
            if (request.confined() && holder.isPresent() && !holder.get().equals(request.graph())) {
                if (request.onConflict() == WriteRequest.OnConflict.REFUSE) {
                    throw new RecordConflictException(iri, holder.get()); // aborts the transaction
                }
                conflicts.add(iri);
                continue;
            }
            Model existing = TripleStore.readRecord(q, iri);
            ChangeKind kind;
            if (existing.isEmpty()) {
                kind = ChangeKind.CREATE;
                created.add(iri);
            } else if (sameContent(existing, r.getValue(), iri)) {
                if (holder.isPresent() && !holder.get().equals(request.graph())) {
                    // Not confined: the record now lives in the request's graph, as it was
                    // (content, time); no change entry, since nothing a reader sees changed.
                    TripleStore.removeRecord(q, iri);
                    TripleStore.addAll(q, existing, request.graph());
                }
                unchanged.add(iri);
                continue;
            } else {
                TripleStore.removeRecord(q, iri);
                kind = ChangeKind.UPDATE;
                updated.add(iri);
            }
            TripleStore.addAll(q, r.getValue(), request.graph());
            statements += r.getValue().size();
            changes.add(change(++sequence, kind, entries.get(iri), time));
            changedEntries.add(entries.get(iri));
        }
        for (IRI iri : request.deletes()) {
            Optional<IRI> holder = TripleStore.graphOf(q, iri);
            if (holder.isEmpty() || (request.confined() && !holder.get().equals(request.graph()))) {
                continue;
            }
            Model existing = TripleStore.readRecord(q, iri);
            ChangeEntry tombstone = tombstone(++sequence, iri, existing, time);
            TripleStore.removeRecord(q, iri);
            deleted.add(iri);
            changes.add(tombstone);
        }
        changes.forEach(c -> ChangeLog.append(q, c));
        request.settings().forEach((k, v) -> TripleStore.setSetting(q, k.name(), v));
        for (Resource subject : request.provenance().subjects()) {
            List<Statement> old = new ArrayList<>();
            q.find(subject, null, null, RecordStore.PROVENANCE_GRAPH, old::add);
            old.forEach(q::remove);
        }
        TripleStore.addAll(q, request.provenance(), RecordStore.PROVENANCE_GRAPH);
        return new Applied(
                created,
                updated,
                unchanged,
                deleted,
                conflicts,
                changes,
                changedEntries,
                statements,
                head.sequence() + 1,
                sequence);
    }

    /**
     * A page of the change log: entries matching {@code query} after sequence number {@code after},
     * oldest first.
     *
     * @param after 0 to start from the beginning, else a {@link ChangePage#position()}
     * @param limit page size, at least 1
     */
    @Override
    public ChangePage changes(ChangeQuery query, long after, int limit) {
        return index.changes(Objects.requireNonNull(query, "query"), after, limit);
    }

    /** How many change-log entries match {@code query}. */
    @Override
    public long countChanges(ChangeQuery query) {
        return index.countChanges(Objects.requireNonNull(query, "query"));
    }

    @Override
    public ChangePage latestChanges(ChangeQuery query, long after, int limit) {
        return index.latestChanges(Objects.requireNonNull(query, "query"), after, limit);
    }

    @Override
    public long countLatestChanges(ChangeQuery query) {
        return index.countLatestChanges(Objects.requireNonNull(query, "query"));
    }

    /** The named graph holding a record, or empty if the store has no such record. */
    @Override
    public Optional<IRI> graphOf(IRI record) {
        Objects.requireNonNull(record, "record");
        return triples.read("Finding the graph of <" + record + ">", q -> TripleStore.graphOf(q, record));
    }

    @Override
    public Set<IRI> unchangedIn(IRI graph, Map<IRI, Model> records) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(records, "records");
        if (records.isEmpty()) {
            return Set.of();
        }
        return triples.read("Comparing " + records.size() + " records with <" + graph + ">", q -> {
            Set<IRI> unchanged = new HashSet<>();
            for (Map.Entry<IRI, Model> r : records.entrySet()) {
                Optional<IRI> holder = TripleStore.graphOf(q, r.getKey());
                if (holder.isPresent()
                        && holder.get().equals(graph)
                        && sameContent(TripleStore.readRecord(q, r.getKey()), r.getValue(), r.getKey())) {
                    unchanged.add(r.getKey());
                }
            }
            return unchanged;
        });
    }

    /** The IRIs of the records held in a named graph. */
    @Override
    public void forEachRecordIn(IRI graph, Consumer<? super IRI> action) {
        triples.forEachRecordIn(Objects.requireNonNull(graph, "graph"), Objects.requireNonNull(action, "action"));
    }

    /** The sequence number of the newest change, 0 for a store that never changed. */
    @Override
    public long lastSequence() {
        return lastSequence;
    }

    /**
     * The newest change-log entry about a record, if any; a {@link ChangeKind#DELETE} means the
     * record was deleted and this is its tombstone.
     */
    @Override
    public Optional<ChangeEntry> lastChange(IRI record) {
        return index.lastChange(Objects.requireNonNull(record, "record"));
    }

    /** The statements of a record, or empty if the store has none. */
    @Override
    public Optional<Model> get(IRI record) {
        return triples.get(Objects.requireNonNull(record, "record"));
    }

    @Override
    public Map<IRI, Model> getAll(java.util.Collection<IRI> records) {
        return triples.getAll(Objects.requireNonNull(records, "records"));
    }

    /**
     * A page of the records matching {@code query}, in ascending IRI order, after {@code after}.
     *
     * @param query the filter; not null
     * @param after last IRI of the previous page ({@link RecordPage#lastKey()}); null for the first
     * @param limit page size, at least 1
     */
    @Override
    public RecordPage list(RecordQuery query, IRI after, int limit) {
        return index.list(Objects.requireNonNull(query, "query"), after, limit);
    }

    @Override
    public RecordPage listByModified(
            RecordQuery query, boolean descending, org.chmexchange.store.ModifiedKey after, int skip, int limit) {
        return index.listByModified(Objects.requireNonNull(query, "query"), descending, after, skip, limit);
    }

    /** How many records match {@code query} (not null). */
    @Override
    public long count(RecordQuery query) {
        return index.count(Objects.requireNonNull(query, "query"));
    }

    @Override
    public org.chmexchange.store.RecordFacets facets(RecordQuery query, int top) {
        return index.facets(Objects.requireNonNull(query, "query"), top);
    }

    /**
     * Replaces a named graph of reference data (ontology, shapes, thesaurus) unless it already holds
     * this content (compared as graphs, blank nodes included, with {@link Models#isomorphic}, literals
     * by value: {@link Literals#canonical}).
     *
     * @return true if the graph was (re)written
     */
    @Override
    public boolean replaceGraphIfChanged(IRI graph, Model content) {
        writeLock.lock();
        try {
            if (Models.isomorphic(Literals.canonical(triples.graph(graph)), Literals.canonical(content))) {
                return false;
            }
            triples.inTransaction("Replacing graph <" + graph + ">", q -> {
                TripleStore.replaceGraph(q, graph, content);
                return null;
            });
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /** A small persistent setting of the store (for example the node's base IRI), or empty. */
    @Override
    public Optional<String> setting(SettingKey key) {
        return triples.setting(key.name());
    }

    /** Sets a persistent setting atomically. */
    @Override
    public void setSetting(SettingKey key, String value) {
        writeLock.lock();
        try {
            triples.inTransaction("Setting " + key, q -> {
                TripleStore.setSetting(q, key.name(), value);
                return null;
            });
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Rebuilds the record index from the records in the store. A record that cannot be indexed
     * (for example a malformed {@code dcterms:modified} written by another tool) is logged and
     * left out, so one bad record never keeps a node from starting.
     */
    @Override
    public void rebuildIndex() {
        writeLock.lock();
        try {
            long started = System.nanoTime();
            index.reset();
            index.markDirty();
            index.clear();
            // The records as they are now; the entries up to the head read first (a later change,
            // from another process, is caught up afterwards and indexes its record again).
            long head = triples.read("Reading the change log", ChangeLog::maxSequence);
            List<IRI> iris = new ArrayList<>();
            triples.forEachRecord(iris::add);
            long[] count = {0};
            for (int from = 0; from < iris.size(); from += REBUILD_BATCH) {
                List<IndexEntry> batch = new ArrayList<>();
                triples.getAll(iris.subList(from, Math.min(iris.size(), from + REBUILD_BATCH)))
                        .forEach((iri, m) -> {
                            try {
                                batch.add(IndexEntry.of(iri, m));
                            } catch (StoreException e) {
                                LOG.warn("Record <{}> is left out of the index: {}", iri, e.getMessage());
                            }
                        });
                index.put(batch);
                count[0] += batch.size();
            }
            List<ChangeEntry> changes = new ArrayList<>();
            triples.read("Reading the change log", q -> {
                ChangeLog.forEach(q, e -> {
                    if (e.sequence() <= head) {
                        changes.add(e);
                    }
                });
                return null;
            });
            index.putChanges(changes);
            lastSequence = head;
            index.commit(lastSequence);
            indexStale = false;
            LOG.info(
                    "Indexed {} records and {} changes in {} ms",
                    count[0],
                    changes.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            indexStale = true;
            index.reset();
            throw e;
        } finally {
            writeLock.unlock();
        }
    }

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
    @Override
    public StoreCheck check() {
        writeLock.lock();
        try {
            refresh();
            List<String> problems = new ArrayList<>();
            long statements = size();
            Set<IRI> stored = new HashSet<>();
            triples.forEachRecord(stored::add);
            List<Long> sequences = new ArrayList<>();
            Map<IRI, ChangeEntry> newest = new HashMap<>();
            try {
                triples.read("Reading the change log", q -> {
                    ChangeLog.forEach(q, e -> {
                        sequences.add(e.sequence());
                        newest.merge(e.record(), e, (a, b) -> a.sequence() > b.sequence() ? a : b);
                    });
                    return null;
                });
            } catch (StoreException e) {
                problems.add(e.getMessage());
            }
            problems.addAll(ChangeLog.sequenceProblems(sequences));
            Set<IRI> indexable = new HashSet<>();
            for (IRI iri : stored) {
                ChangeEntry last = newest.get(iri);
                if (last == null) {
                    problems.add("record <" + iri + "> has no entry in the change log");
                } else if (last.kind() == ChangeKind.DELETE) {
                    problems.add("record <" + iri + "> is in the store but the change log says it was deleted (entry "
                            + last.sequence() + ")");
                }
                triples.get(iri).ifPresent(m -> {
                    try {
                        IndexEntry.of(iri, m);
                        indexable.add(iri);
                    } catch (StoreException e) {
                        LOG.debug("Record <{}> cannot be indexed: {}", iri, e.getMessage());
                    }
                });
            }
            Set<IRI> indexed = new HashSet<>();
            IRI after = null;
            for (RecordPage page = index.list(RecordQuery.ALL, null, 1000);
                    !page.items().isEmpty();
                    page = index.list(RecordQuery.ALL, after, 1000)) {
                page.items().forEach(r -> indexed.add(r.iri()));
                after = page.lastKey().orElse(null);
                if (after == null) {
                    break;
                }
            }
            Set<IRI> notIndexed = new HashSet<>(indexable);
            notIndexed.removeAll(indexed);
            Set<IRI> notStored = new HashSet<>(indexed);
            notStored.removeAll(stored);
            if (!notIndexed.isEmpty()) {
                problems.add(notIndexed.size() + " record(s) of the store are missing from the index, for example <"
                        + notIndexed.iterator().next() + "> (chm-node store repair rebuilds the index)");
            }
            if (!notStored.isEmpty()) {
                problems.add(notStored.size() + " record(s) of the index are not in the store, for example <"
                        + notStored.iterator().next() + "> (chm-node store repair rebuilds the index)");
            }
            long indexedChanges = index.countChanges(ChangeQuery.ALL);
            if (indexedChanges != sequences.size()) {
                problems.add("the index holds " + indexedChanges + " change entries, the change log " + sequences.size()
                        + " (chm-node store repair rebuilds the index)");
            }
            long indexedLatest = index.countLatestChanges(ChangeQuery.ALL);
            if (indexedLatest != newest.size()) {
                problems.add("the index marks " + indexedLatest + " change entries as the newest of their record, the"
                        + " change log has " + newest.size() + " records (chm-node store repair rebuilds the index)");
            }
            long max = sequences.stream().mapToLong(Long::longValue).max().orElse(0);
            long head = triples.read("Reading the change log", ChangeLog::maxSequence);
            if (head != max) {
                problems.add("the change log's head says its newest entry is " + head + " but it is " + max);
            }
            if (max != lastSequence) {
                problems.add("the change log ends at " + max + " but the store counts " + lastSequence);
            }
            return new StoreCheck(problems, statements, stored.size(), indexed.size(), sequences.size(), max);
        } finally {
            writeLock.unlock();
        }
    }

    /** The content of a named graph, without graph names; empty if the store has none. */
    @Override
    public Model graph(IRI graph) {
        return triples.graph(Objects.requireNonNull(graph, "graph"));
    }

    /** How many statements the store holds, in every graph (records, reference data, its own). */
    @Override
    public long size() {
        return triples.read("Counting statements", Quads::size);
    }

    /**
     * Whether the store holds a statement matching the pattern; a null term matches anything, a
     * null graph any graph.
     */
    @Override
    public <T> T readPublic(java.util.function.Function<org.chmexchange.store.PublicStatements, T> work) {
        Objects.requireNonNull(work, "work");
        // The work's own exceptions pass through unchanged; only the store's become StoreException.
        RuntimeException[] thrown = new RuntimeException[1];
        T result = triples.read("Reading the public statements", q -> {
            try {
                return work.apply(new PublicView(q));
            } catch (RuntimeException e) {
                thrown[0] = e;
                return null;
            }
        });
        if (thrown[0] != null) {
            throw thrown[0];
        }
        return result;
    }

    /** The public statements of one read transaction. */
    private record PublicView(Quads q) implements org.chmexchange.store.PublicStatements {
        @Override
        public java.util.stream.Stream<Statement> find(Resource s, IRI p, Value o, Resource g) {
            if (g == null) {
                return q.stream(s, p, o, null).filter(st -> RecordStore.isPublicGraph(st.getContext()));
            }
            return RecordStore.isPublicGraph(g) ? q.stream(s, p, o, (IRI) g) : java.util.stream.Stream.empty();
        }

        @Override
        public long changeSequence() {
            return ChangeLog.maxSequence(q);
        }

        @Override
        public java.util.Optional<java.time.Instant> changeTime() {
            long last = changeSequence();
            return last == 0 ? java.util.Optional.empty() : ChangeLog.timeOf(q, last);
        }
    }

    @Override
    public boolean contains(Resource subject, IRI predicate, Value object, IRI graph) {
        return triples.read("Looking up a statement", q -> q.contains(subject, predicate, object, graph));
    }

    @Override
    public Optional<Compaction> compact() {
        writeLock.lock();
        try {
            QuadStore quads = triples.quads();
            long before = quads.diskBytes().orElse(0);
            long started = System.nanoTime();
            if (!quads.compact()) {
                return Optional.empty();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            long after = quads.diskBytes().orElse(0);
            triples.inTransaction("Recording the compaction", q -> {
                TripleStore.setSetting(q, SettingKey.COMPACTED_BYTES.name(), Long.toString(after));
                return null;
            });
            Compaction done = new Compaction(before, after, took);
            LOG.info("{} ({})", done.describe(), quads.describe());
            return Optional.of(done);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public OptionalLong diskBytes() {
        return triples.quads().diskBytes();
    }

    /** Closes the index and shuts the repository down; call once, after the last operation. */
    @Override
    public void close() {
        if (follower != null) {
            follower.shutdown(); // no interrupt: a refresh in progress ends (an interrupted Lucene write would not)
            try {
                follower.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeLock.lock();
        try {
            index.close();
        } finally {
            try {
                triples.quads().close();
            } finally {
                writeLock.unlock();
            }
        }
    }

    /**
     * Brings the index, which holds the changes up to {@code indexed}, up to change {@code upTo}: the
     * records named by the entries in between are indexed again from the store as it is now (or
     * removed, if the store no longer has them), and the entries added, in chunks of
     * {@value #CATCH_UP_CHUNK} entries read by sequence number. Used at open for an index behind the
     * store, and for the changes other processes sharing the store made ({@link #refresh}).
     */
    private void catchUpIndex(long indexed, long upTo) {
        writeLock.lock();
        try {
            long started = System.nanoTime();
            long records = 0;
            for (long from = indexed; from < upTo; from += CATCH_UP_CHUNK) {
                long last = Math.min(upTo, from + CATCH_UP_CHUNK);
                long after = from;
                List<ChangeEntry> newer = triples.read("Reading the change log", q -> ChangeLog.range(q, after, last));
                Set<IRI> touched = new LinkedHashSet<>();
                newer.forEach(e -> touched.add(e.record()));
                records += touched.size();
                Map<IRI, Model> current = triples.getAll(touched);
                lastSequence = last;
                updateIndex(() -> {
                    List<IndexEntry> entries = new ArrayList<>();
                    List<IRI> gone = new ArrayList<>();
                    for (IRI iri : touched) {
                        Model record = current.get(iri);
                        if (record == null) {
                            gone.add(iri);
                            continue;
                        }
                        try {
                            entries.add(IndexEntry.of(iri, record));
                        } catch (StoreException e) {
                            LOG.warn("Record <{}> is left out of the index: {}", iri, e.getMessage());
                            gone.add(iri);
                        }
                    }
                    index.put(entries);
                    index.delete(gone);
                    index.putChanges(newer);
                });
                if (lastSequence >= upTo) {
                    break; // done, or the update failed and a rebuild took everything up to the head
                }
            }
            LOG.info(
                    "The record index caught up from change {} to {} ({} records) in {} ms",
                    indexed,
                    upTo,
                    records,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            writeLock.unlock();
        }
    }

    private static final int CATCH_UP_CHUNK = 2000;

    /** The thread that calls {@link #refresh} on a shared store; null when none. */
    private java.util.concurrent.ScheduledExecutorService follower;

    private void follow(Duration every) {
        follower = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chm-store-follow");
            t.setDaemon(true);
            return t;
        });
        boolean[] failing = {false};
        follower.scheduleWithFixedDelay(
                () -> {
                    try {
                        refresh();
                        if (failing[0]) {
                            LOG.info(
                                    "Following the change log of {} again",
                                    triples.quads().describe());
                            failing[0] = false;
                        }
                    } catch (RuntimeException e) {
                        if (!failing[0]) { // once per streak of failures, not every second
                            LOG.warn(
                                    "Cannot follow the change log of {}: {}",
                                    triples.quads().describe(),
                                    e.toString());
                            failing[0] = true;
                        }
                    }
                },
                every.toMillis(),
                every.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static final int REBUILD_BATCH = 500;

    /**
     * Brings this store's view (its record index, {@link #lastSequence}) up to the change log's head:
     * what other processes sharing the store wrote becomes visible here. A store no other process
     * writes (the embedded one) is always current, and this only reads the head.
     *
     * @return the sequence number of the newest change this store now serves
     * @throws StoreException if the store cannot be read
     */
    @Override
    public long refresh() {
        writeLock.lock();
        try {
            long head = triples.read("Reading the change log", ChangeLog::maxSequence);
            if (head > lastSequence) {
                catchUpIndex(lastSequence, head);
            }
            return lastSequence;
        } finally {
            writeLock.unlock();
        }
    }

    /** Applies a change to the index after the store committed; on failure rebuilds the index. */
    private void updateIndex(Runnable change) {
        try {
            change.run();
            index.publish(indexStale ? -1 : lastSequence);
        } catch (RuntimeException e) {
            LOG.error("The record index failed after the store committed; rebuilding it", e);
            index.reset();
            rebuildIndex();
        }
    }

    private static ChangeEntry change(long sequence, ChangeKind kind, IndexEntry e, Instant time) {
        Set<IRI> treaties = new LinkedHashSet<>();
        e.treaties().forEach(t -> treaties.add(Values.iri(t)));
        Set<IRI> countries = new LinkedHashSet<>();
        e.countries().forEach(c -> countries.add(Values.iri(c)));
        return new ChangeEntry(sequence, kind, e.summary().iri(), e.summary().type(), time, treaties, countries);
    }

    /**
     * The change entry of a deletion, with the filter keys of the deleted version; a stored record
     * that cannot be indexed is deleted all the same, with its type and no treaties or countries.
     */
    private static ChangeEntry tombstone(long sequence, IRI iri, Model existing, Instant time) {
        try {
            return change(sequence, ChangeKind.DELETE, IndexEntry.of(iri, existing), time);
        } catch (StoreException e) {
            LOG.warn("Deleting <{}>, which could not be indexed: {}", iri, e.getMessage());
            RecordType type = RecordGraphs.typeOf(existing, iri)
                    .orElseThrow(() -> new StoreException("Cannot delete <" + iri + ">: it has no record type"));
            return new ChangeEntry(sequence, ChangeKind.DELETE, iri, type, time, Set.of(), Set.of());
        }
    }

    /** Whether two versions of a record say the same, apart from {@code dcterms:modified}. */
    /**
     * Whether two versions of a record have the same statements, each one's {@code dcterms:modified}
     * of the record itself left out (a stored record has the store's; an incoming one has the
     * store's stamp, the source's, or none).
     */
    private static boolean sameContent(Model stored, Model incoming, IRI iri) {
        int storedSize = stored.size() - modifiedCount(stored, iri);
        if (storedSize != incoming.size() - modifiedCount(incoming, iri)) {
            return false;
        }
        Model canonical = Literals.canonical(stored);
        for (Statement st : incoming) {
            if (st.getSubject().equals(iri) && st.getPredicate().equals(DCTERMS.MODIFIED)) {
                continue;
            }
            if (!canonical.contains(st.getSubject(), st.getPredicate(), Literals.canonical(st.getObject()))) {
                return false;
            }
        }
        return true;
    }

    private static int modifiedCount(Model record, IRI iri) {
        int count = 0;
        for (Statement ignored : record.getStatements(iri, DCTERMS.MODIFIED, null)) {
            count++;
        }
        return count;
    }
}
