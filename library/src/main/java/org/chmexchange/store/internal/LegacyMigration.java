package org.chmexchange.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.chmexchange.store.MigrationResult;
import org.chmexchange.store.StoreException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;

/**
 * Copies the RDF4J LMDB store of a version 0.1 data folder ({@code rdf/}) into a new TDB2 store
 * ({@code tdb2/}). Statements whose terms no longer resolve (the corruption a crash left, see
 * docs/STORE.md) are skipped and counted. The copy goes to {@code tdb2.migrating/} and is renamed
 * to {@code tdb2/} only when complete, so a migration killed midway is simply run again; the old
 * folder is then renamed {@code rdf.0.1/} and the record index deleted, to be rebuilt at the next
 * open.
 */
public final class LegacyMigration {

    private static final int BATCH = 50_000;

    private LegacyMigration() {}

    /**
     * @throws StoreException if the folder holds no 0.1 store, already holds a TDB2 store, or a
     *     store fails
     */
    public static MigrationResult migrate(Path dataDir) {
        Path legacy = StoreLayout.legacyDir(dataDir);
        Path target = StoreLayout.quadsDir(dataDir);
        if (!Files.isDirectory(legacy)) {
            throw new StoreException(
                    "The data folder " + dataDir + " holds no store of version 0.1 (no " + legacy + ")");
        }
        if (Files.isDirectory(target)) {
            throw new StoreException(
                    "The data folder " + dataDir + " already holds a TDB2 store (" + target + "); nothing to migrate");
        }
        Path work = dataDir.resolve("tdb2.migrating");
        try {
            deleteTree(work);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new StoreException("Cannot prepare " + work + ": " + e.getMessage(), e);
        }
        long copied = 0;
        long skipped = 0;
        LmdbStoreConfig config = new LmdbStoreConfig("spoc,posc,cspo");
        config.setValueEvictionInterval(-1); // never garbage-collect values while reading
        SailRepository old = new SailRepository(new LmdbStore(legacy.toFile(), config));
        old.init();
        try (Tdb2QuadStore quads = Tdb2QuadStore.open(work);
                RepositoryConnection con = old.getConnection();
                RepositoryResult<Statement> all = con.getStatements(null, null, null, false)) {
            List<Statement> batch = new ArrayList<>(BATCH);
            for (Statement st : all) {
                if (!resolves(st.getSubject())
                        || !resolves(st.getPredicate())
                        || !resolves(st.getObject())
                        || !(st.getContext() instanceof IRI)
                        || !resolves(st.getContext())) {
                    skipped++;
                    continue;
                }
                batch.add(st);
                if (batch.size() == BATCH) {
                    copied += write(quads, batch);
                }
            }
            copied += write(quads, batch);
        } finally {
            old.shutDown();
        }
        try {
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            Files.move(legacy, dataDir.resolve("rdf.0.1"), StandardCopyOption.ATOMIC_MOVE);
            deleteTree(StoreLayout.indexDir(dataDir));
        } catch (IOException e) {
            throw new StoreException(
                    "Migrated " + copied + " statements into " + work + " but cannot move it to " + target + ": "
                            + e.getMessage(),
                    e);
        }
        return new MigrationResult(copied, skipped);
    }

    private static long write(Tdb2QuadStore quads, List<Statement> batch) {
        long n = batch.size();
        quads.write(q -> {
            for (Statement st : batch) {
                q.add(st.getSubject(), st.getPredicate(), st.getObject(), (IRI) st.getContext());
            }
            return null;
        });
        batch.clear();
        return n;
    }

    /** An LMDB value whose id no longer resolves reads as a null string. */
    private static boolean resolves(Value v) {
        try {
            return v != null && v.stringValue() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
