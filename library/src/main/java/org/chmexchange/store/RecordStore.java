package org.chmexchange.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.chmexchange.store.internal.RecordGraphs;
import org.chmexchange.store.internal.RecordIndex;
import org.chmexchange.store.internal.TripleStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record store: records as RDF in named graphs of an RDF4J repository, plus the node's own
 * record index (Lucene) that lists and searches them with keyset paging.
 *
 * <p>Every write is atomic: the RDF of a whole batch is committed in one transaction, then the
 * index is updated and committed. The index is marked dirty (durably) before the store commits and
 * clean after its own commit, so if the process dies in between, {@link #open} finds it dirty and
 * rebuilds it from the store: the store is the single source of truth.
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
 * {@link #close()}.
 */
public final class RecordStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordStore.class);

    private final TripleStore triples;
    private final RecordIndex index;
    private final ReentrantLock writeLock = new ReentrantLock();

    private RecordStore(Repository repository, Path indexDir) {
        this.triples = new TripleStore(repository);
        this.index = new RecordIndex(indexDir);
        if (!index.isClean()) {
            LOG.info("The record index is new or was not closed after its last change: rebuilding it from the store");
            rebuildIndex();
        }
    }

    /**
     * Opens (creating if needed) the embedded store in {@code dataDir}: an RDF4J LMDB store in
     * {@code dataDir/rdf} (forceSync on: a commit is on disk when it returns) and the record index
     * in {@code dataDir/index}.
     *
     * @throws StoreException if the folders cannot be created or opened
     */
    public static RecordStore openEmbedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir.resolve("rdf"));
            Files.createDirectories(dataDir.resolve("index"));
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + dataDir, e);
        }
        LmdbStoreConfig config = new LmdbStoreConfig("spoc,posc,cspo");
        config.setForceSync(true);
        config.setAutoGrow(true);
        SailRepository repository = new SailRepository(new LmdbStore(dataDir.resolve("rdf").toFile(), config));
        repository.init();
        return open(repository, dataDir.resolve("index"));
    }

    /**
     * Opens a store over any initialised repository (embedded or a remote SPARQL 1.1 store) with
     * the record index in {@code indexDir}. The store takes ownership of the repository.
     */
    public static RecordStore open(Repository repository, Path indexDir) {
        try {
            Files.createDirectories(indexDir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the index folder " + indexDir, e);
        }
        return new RecordStore(Objects.requireNonNull(repository, "repository"), indexDir);
    }

    /** The named graph of the records a node publishes itself: {@code {base}graphs/local}. */
    public static IRI localGraph(String base) {
        return Values.iri(base + "graphs/local");
    }

    /**
     * Writes records atomically into {@code graph}, replacing any earlier version of each record
     * (in whatever graph it was). A record without {@code dcterms:modified} is stamped with the
     * time of this write (UTC, millisecond precision); a record that carries one keeps it.
     *
     * @param records one or more records (see {@link RecordGraphs#split}); not null
     * @param graph the named graph; not null
     * @return what was created and updated
     * @throws StoreException if a statement belongs to no record or the store fails; nothing is written
     */
    public WriteResult put(Model records, IRI graph) {
        Map<IRI, Model> split = RecordGraphs.split(records);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (Map.Entry<IRI, Model> r : split.entrySet()) {
            if (!hasModified(r.getValue(), r.getKey())) {
                r.getValue().add(r.getKey(), DCTERMS.MODIFIED, Values.literal(now.toString(), org.eclipse.rdf4j.model.vocabulary.XSD.DATETIME));
            }
        }
        writeLock.lock();
        try {
            List<IRI> created = new ArrayList<>();
            List<IRI> updated = new ArrayList<>();
            long[] statements = {0};
            index.markDirty();
            triples.inTransaction("Writing " + split.size() + " records to <" + graph + ">", con -> {
                for (Map.Entry<IRI, Model> r : split.entrySet()) {
                    (TripleStore.removeRecord(con, r.getKey()) ? updated : created).add(r.getKey());
                    con.add(r.getValue(), graph);
                    statements[0] += r.getValue().size();
                }
                return null;
            });
            index.put(split);
            index.commit();
            return new WriteResult(created, updated, statements[0]);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Deletes a record and its nested resources.
     *
     * @return true if the record existed
     */
    public boolean delete(IRI record) {
        writeLock.lock();
        try {
            boolean[] existed = {false};
            index.markDirty();
            triples.inTransaction("Deleting <" + record + ">", con -> {
                existed[0] = TripleStore.removeRecord(con, record);
                return null;
            });
            index.delete(List.of(record));
            index.commit();
            return existed[0];
        } finally {
            writeLock.unlock();
        }
    }

    /** The statements of a record, or empty if the store has none. */
    public Optional<Model> get(IRI record) {
        return triples.get(record);
    }

    /**
     * A page of the records matching {@code query}, in ascending IRI order, after {@code after}.
     *
     * @param after last IRI of the previous page ({@link RecordPage#lastKey()}); null for the first
     * @param limit page size, at least 1
     */
    public RecordPage list(RecordQuery query, IRI after, int limit) {
        return index.list(query, after, limit);
    }

    /** How many records match {@code query}. */
    public long count(RecordQuery query) {
        return index.count(query);
    }

    /**
     * Replaces a named graph of reference data (ontology, shapes, thesaurus) unless it already holds
     * exactly this content (compared by a fingerprint kept in the store).
     *
     * @return true if the graph was (re)written
     */
    public boolean replaceGraphIfChanged(IRI graph, Model content) {
        String fingerprint = Fingerprint.of(content);
        String key = "graph-fingerprint:" + graph.stringValue();
        writeLock.lock();
        try {
            if (triples.setting(key).filter(fingerprint::equals).isPresent()) {
                return false;
            }
            triples.inTransaction("Replacing graph <" + graph + ">", con -> {
                TripleStore.replaceGraph(con, graph, content);
                TripleStore.setSetting(con, key, fingerprint);
                return null;
            });
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /** A small persistent setting of the store (for example the node's base IRI), or empty. */
    public Optional<String> setting(String key) {
        return triples.setting(key);
    }

    /** Sets a persistent setting atomically. */
    public void setSetting(String key, String value) {
        writeLock.lock();
        try {
            triples.inTransaction("Setting " + key, con -> {
                TripleStore.setSetting(con, key, value);
                return null;
            });
        } finally {
            writeLock.unlock();
        }
    }

    /** Rebuilds the record index from the records in the store. */
    public void rebuildIndex() {
        writeLock.lock();
        try {
            long started = System.nanoTime();
            index.clear();
            Map<IRI, Model> batch = new LinkedHashMap<>();
            long[] count = {0};
            triples.forEachRecord(iri -> {
                triples.get(iri).ifPresent(m -> batch.put(iri, m));
                if (batch.size() >= 1000) {
                    index.put(batch);
                    count[0] += batch.size();
                    batch.clear();
                }
            });
            index.put(batch);
            count[0] += batch.size();
            index.commit();
            LOG.info("Indexed {} records in {} ms", count[0], (System.nanoTime() - started) / 1_000_000);
        } finally {
            writeLock.unlock();
        }
    }

    /** The underlying repository, for SPARQL queries. Do not write to it directly. */
    public Repository repository() {
        return triples.repository();
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            index.close();
        } finally {
            triples.repository().shutDown();
            writeLock.unlock();
        }
    }

    private static boolean hasModified(Model record, IRI iri) {
        for (org.eclipse.rdf4j.model.Statement st : record) {
            if (st.getPredicate().equals(DCTERMS.MODIFIED) && st.getSubject().equals(iri)) {
                return true;
            }
        }
        return false;
    }

}
