package org.chmexchange.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chmexchange.store.StoreException;

/**
 * The layout of an embedded data folder: the quad store in {@code tdb2/}, the record index in
 * {@code index/}. Folders written by version 0.1 (an RDF4J LMDB store in {@code rdf/}) are refused
 * with the way out, never opened by mistake as an empty store.
 */
public final class StoreLayout {

    private StoreLayout() {}

    /** The folder of the quad store. */
    public static Path quadsDir(Path dataDir) {
        return dataDir.resolve("tdb2");
    }

    /** The folder of the record index. */
    public static Path indexDir(Path dataDir) {
        return dataDir.resolve("index");
    }

    /** The folder of the LMDB store of version 0.1. */
    public static Path legacyDir(Path dataDir) {
        return dataDir.resolve("rdf");
    }

    /**
     * @throws StoreException if {@code dataDir} holds the LMDB store of version 0.1 and no TDB2 store
     */
    public static void checkNoLegacyLayout(Path dataDir) {
        Path legacy = legacyDir(dataDir);
        if (Files.isDirectory(legacy) && !Files.isDirectory(quadsDir(dataDir))) {
            throw new StoreException("The data folder " + dataDir.toAbsolutePath() + " holds the store of CHM Exchange"
                    + " 0.1 (an RDF4J LMDB store in " + legacy
                    + "), which a crash can corrupt and this version no longer"
                    + " opens (docs/STORE.md). Copy it into the new store with: chm-node store migrate --data "
                    + dataDir);
        }
    }
}
