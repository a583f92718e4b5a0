package org.chmexchange.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.dboe.base.file.AlreadyLocked;
import org.apache.jena.dboe.base.file.ChannelManager;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.params.StoreParamsBuilder;
import org.apache.jena.tdb2.sys.DatabaseConnection;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.chmexchange.store.StoreException;
import org.chmexchange.store.StoreInUseException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded quad store: Apache Jena TDB2 in a folder. TDB2 commits a transaction through its
 * journal and copy-on-write B+ trees, so a process killed at any moment reopens with every
 * committed write and nothing of the unfinished one (docs/STORE.md has the kill-test figures that
 * chose it). The folder is locked to one process ({@code tdb.lock}, freed when the process dies)
 * and, here, to one open store per process.
 */
public final class Tdb2QuadStore implements QuadStore {

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final Logger LOG = LoggerFactory.getLogger(Tdb2QuadStore.class);
    /** The name of a generation folder (Jena's {@code DatabaseOps}: {@code Data-} and digits). */
    private static final Pattern GENERATION = Pattern.compile("Data-\\d+");

    /**
     * The quad indexes of a new database: the four the record store reads by (GSPO: a graph; GPOS:
     * a class or predicate in a graph; SPOG: a subject; POSG: a class in any graph) instead of
     * TDB2's six (no GOSP, OSPG), which loads about 1.5 times faster (docs/STORE.md). A lookup by
     * object alone still works, by scanning. A database keeps the indexes it was created with.
     */
    private static final StoreParams PARAMS = StoreParamsBuilder.create()
            .primaryIndexQuads("GSPO")
            .quadIndexes(new String[] {"GSPO", "GPOS", "SPOG", "POSG"})
            .build();

    /** The TDB2 parameters of a new database (its quad indexes); for baselines that load the same way. */
    public static StoreParams storeParams() {
        return PARAMS;
    }

    private final Path dir;
    private final DatasetGraph dataset;

    private Tdb2QuadStore(Path dir, DatasetGraph dataset) {
        this.dir = dir;
        this.dataset = dataset;
    }

    /**
     * Opens (creating if needed) the TDB2 database in {@code dir}. Before Jena reads it, a journal
     * tail torn by a crash is cut off ({@link Tdb2Journal}); after, the generations a killed
     * compaction left are deleted.
     *
     * @throws StoreInUseException if another process, or another store of this process, holds it
     * @throws StoreException if it cannot be opened for another reason
     */
    public static Tdb2QuadStore open(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (!OPEN.add(key)) {
            throw new StoreInUseException("The store " + key + " is already open in this process");
        }
        try {
            lockAndRepairJournal(key);
            return new Tdb2QuadStore(key, connect(key));
        } catch (RuntimeException e) {
            OPEN.remove(key);
            throw e instanceof StoreException
                    ? e
                    : new StoreException("Cannot open the TDB2 store in " + key + ": " + e, e);
        }
    }

    /** Connects Jena to the folder, then deletes the generations a compaction left. */
    private static DatasetGraph connect(Path dir) {
        DatasetGraph dataset;
        try {
            dataset = DatabaseMgr.connectDatasetGraph(Location.create(dir), PARAMS);
        } catch (AlreadyLocked e) {
            throw new StoreInUseException("The store " + dir + " is held by another process: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            releaseAfterFailedConnect(dir);
            throw e;
        }
        try {
            deleteOldGenerations(dir);
        } catch (RuntimeException e) {
            TDBInternal.expel(dataset); // frees the folder's lock
            throw e;
        }
        return dataset;
    }

    /**
     * Takes Jena's lock of the folder ({@code tdb.lock}) to learn that no other process has it, and
     * meanwhile cuts a journal tail torn by a crash off the live generation ({@link Tdb2Journal});
     * then frees the lock for Jena to take when it connects.
     *
     * @throws StoreInUseException if another process (or another Jena user in this one) holds it
     */
    private static void lockAndRepairJournal(Path dir) {
        ProcessFileLock lock = DatabaseConnection.lockForLocation(Location.create(dir));
        boolean locked = false;
        try {
            try {
                locked = lock.tryLock();
            } catch (AlreadyLocked e) {
                throw new StoreInUseException("The store " + dir + " is held by another user in this process", e);
            }
            if (!locked) {
                throw new StoreInUseException(
                        "The store " + dir + " is held by another process (its lock " + lock.getPath() + " is taken)");
            }
            Path live = liveGeneration(dir);
            if (live != null) {
                Tdb2Journal.repair(live);
            }
        } finally {
            if (locked) {
                ProcessFileLock.release(lock);
            }
        }
    }

    /**
     * Frees what Jena keeps when it fails to connect: the folder's lock (taken before it reads the
     * journal and the indexes) and the journal's channel, without which a second open in this
     * process would report the folder as in use, or its journal as already open. Only called after
     * Jena itself took the lock.
     */
    private static void releaseAfterFailedConnect(Path dir) {
        ChannelManager.releaseAll(dir.toString());
        if (!Files.isDirectory(dir)) {
            return;
        }
        releaseIfHeldHere(Location.create(dir));
        Path live = liveGeneration(dir);
        if (live != null) {
            releaseIfHeldHere(Location.create(live)); // Jena locks the generation too
        }
    }

    private static void releaseIfHeldHere(Location location) {
        if (!Files.exists(Path.of(location.getPath(Names.TDB_LOCK_FILE)))) {
            return;
        }
        ProcessFileLock lock = DatabaseConnection.lockForLocation(location);
        if (lock.isLockedHere()) {
            ProcessFileLock.release(lock);
        }
    }

    @Override
    public <T> T read(Function<Quads, T> work) {
        dataset.begin(TxnType.READ);
        try {
            return work.apply(new Access(false));
        } finally {
            dataset.end();
        }
    }

    @Override
    public <T> T write(Function<Quads, T> work) {
        dataset.begin(TxnType.WRITE);
        try {
            T result = work.apply(new Access(true));
            dataset.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (dataset.isInTransaction()) {
                dataset.abort();
            }
            throw e;
        } finally {
            dataset.end();
        }
    }

    /**
     * Compacts with Jena's own compaction ({@code DatabaseMgr.compact(dataset, true)}, Jena TDB2
     * "Database Administration: Compaction"): the live content is copied into a temporary folder
     * {@code Data-NNNN-tmp}, which is renamed {@code Data-NNNN} when whole (a crash before the rename
     * leaves the temporary folder, which the next open deletes); then the old generation is deleted.
     * Readers go on; writers wait. Afterwards a garbage collection is asked for, so the JVM unmaps the
     * deleted files and the file system gets their space back (JDK-4724038: a mapped file is unmapped
     * only when its buffer is collected).
     *
     * <p>Jena 5.6.0 builds the new generation with TDB2's default indexes (six quad and three triple
     * indexes), not the four of {@link #storeParams()}: reads and writes stay correct (the process
     * that compacted keeps all six up to date; a later open reads and writes the four of {@code
     * tdb.cfg}), but the new generation carries the two extra quad indexes until the next compaction
     * (docs/STORE.md, "Compaction").
     */
    @Override
    public boolean compact() {
        try {
            DatabaseMgr.compact(dataset, true);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot compact the TDB2 store in " + dir + ": " + e, e);
        }
        System.gc();
        return true;
    }

    @Override
    public OptionalLong diskBytes() {
        try (Stream<Path> files = Files.walk(dir)) {
            return OptionalLong.of(files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum());
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("Cannot measure the TDB2 store in " + dir + ": " + e, e);
        }
    }

    /**
     * Deletes the generations older than the live one (the highest {@code Data-NNNN}): a compaction
     * killed after renaming its new generation into place but before deleting the old one leaves it
     * (Jena issue 2360). Jena never reads them again. Called with the folder locked.
     */
    private static void deleteOldGenerations(Path dir) {
        List<Path> generations = generations(dir);
        for (Path p : generations.subList(0, Math.max(0, generations.size() - 1))) {
            LOG.info("Deleting {}, an old generation of the store that a compaction left", p);
            IO.deleteAll(p);
        }
    }

    /**
     * The live generation: the {@code Data-NNNN} folder with the highest number, as Jena chooses it
     * ({@code DatabaseOps.findStorageLocation}, which, unlike this, fails on the {@code -tmp} folder
     * a killed compaction leaves until Jena's own open deletes it); null when there is none yet.
     */
    private static Path liveGeneration(Path dir) {
        List<Path> generations = generations(dir);
        return generations.isEmpty() ? null : generations.get(generations.size() - 1);
    }

    /** The {@code Data-NNNN} folders, oldest first; none when {@code dir} does not exist. */
    private static List<Path> generations(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(
                            p -> GENERATION.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isDirectory)
                    .sorted(Comparator.comparingLong(
                            p -> Long.parseLong(p.getFileName().toString().substring("Data-".length()))))
                    .toList();
        } catch (IOException e) {
            throw new StoreException("Cannot list the TDB2 store in " + dir + ": " + e, e);
        }
    }

    @Override
    public String describe() {
        return "Jena TDB2 store in " + dir;
    }

    @Override
    public void close() {
        try {
            TDBInternal.expel(dataset);
        } finally {
            OPEN.remove(dir);
        }
    }

    /** Access inside one transaction. */
    private final class Access implements Quads {
        private final boolean writable;

        Access(boolean writable) {
            this.writable = writable;
        }

        @Override
        public void find(Resource subject, IRI predicate, Value object, IRI graph, Consumer<Statement> sink) {
            Iterator<Quad> it = dataset.find(
                    JenaTerms.graph(graph), JenaTerms.node(subject), JenaTerms.node(predicate), JenaTerms.node(object));
            try {
                while (it.hasNext()) {
                    sink.accept(JenaTerms.statement(it.next()));
                }
            } finally {
                Iter.close(it);
            }
        }

        @Override
        public Stream<Statement> stream(Resource subject, IRI predicate, Value object, IRI graph) {
            Iterator<Quad> it = dataset.find(
                    JenaTerms.graph(graph), JenaTerms.node(subject), JenaTerms.node(predicate), JenaTerms.node(object));
            return Iter.asStream(it).map(JenaTerms::statement).onClose(() -> Iter.close(it));
        }

        @Override
        public boolean contains(Resource subject, IRI predicate, Value object, IRI graph) {
            return dataset.contains(
                    JenaTerms.graph(graph), JenaTerms.node(subject), JenaTerms.node(predicate), JenaTerms.node(object));
        }

        @Override
        public long size() {
            long[] n = {0};
            Iterator<Quad> it = dataset.find();
            try {
                while (it.hasNext()) {
                    it.next();
                    n[0]++;
                }
            } finally {
                Iter.close(it);
            }
            return n[0];
        }

        @Override
        public void add(Resource subject, IRI predicate, Value object, IRI graph) {
            checkWritable();
            dataset.add(
                    JenaTerms.graph(graph), JenaTerms.node(subject), JenaTerms.node(predicate), JenaTerms.node(object));
        }

        @Override
        public void remove(Statement st) {
            checkWritable();
            Node g = st.getContext() == null ? Quad.defaultGraphIRI : JenaTerms.node(st.getContext());
            dataset.delete(
                    g,
                    JenaTerms.node(st.getSubject()),
                    JenaTerms.node(st.getPredicate()),
                    JenaTerms.node(st.getObject()));
        }

        @Override
        public void clear(IRI graph) {
            checkWritable();
            java.util.Objects.requireNonNull(graph, "graph");
            dataset.deleteAny(JenaTerms.graph(graph), Node.ANY, Node.ANY, Node.ANY);
        }

        private void checkWritable() {
            if (!writable) {
                throw new IllegalStateException("A read transaction cannot write");
            }
        }
    }
}
