package org.chmexchange.node;

import java.util.Objects;
import org.apache.lucene.store.LockObtainFailedException;
import org.chmexchange.node.sync.Sync;
import org.chmexchange.node.sync.SyncPlan;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.StoreException;
import org.chmexchange.store.StoreInUseException;
import org.chmexchange.validation.RecordValidator;

/**
 * A node's data folder opened without its HTTP server, for one-off commands such as {@code chm-node
 * harvest}: the store, the validator and the exchange machinery ({@link Sync}) of a plan, but no
 * scheduler and no reference or sample data loading.
 *
 * <pre>{@code
 * try (OfflineNode node = OfflineNode.open(config, plan)) {
 *     node.sync().harvest("central", HarvestListener.NONE);
 * }
 * }</pre>
 *
 * <p>Only one process may hold a data folder: a running node ({@code chm-node serve}) on the same
 * folder makes {@link #open} fail with a {@link DataFolderInUseException}. Lifecycle: open once,
 * close once; {@link #close()} closes the HTTP client, the validator and the store. Thread-safety:
 * as {@link Sync}.
 */
public final class OfflineNode implements AutoCloseable {

    private final RecordStore store;
    private final RecordValidator validator;
    private final Sync sync;
    private final String base;

    private OfflineNode(RecordStore store, RecordValidator validator, Sync sync, String base) {
        this.store = store;
        this.validator = validator;
        this.sync = sync;
        this.base = base;
    }

    /**
     * The data folder is held by another process, or by another store of this process: the RDF store's
     * directory lock or the index's write lock is taken.
     */
    public static final class DataFolderInUseException extends StoreException {
        private static final long serialVersionUID = 1L;

        DataFolderInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Opens the data folder of {@code config}. Its base IRI is the one stored in it; a folder that has
     * none yet gets {@code node.baseUrl}, or else {@code http://localhost:{node.port}/} (what {@code
     * chm-node serve} with this configuration would fix).
     *
     * @param config the node's configuration (its data folder, base IRI and port are used)
     * @param plan what may be harvested and published to
     * @throws DataFolderInUseException if a running node (or another command) holds the folder
     * @throws StoreException if the store cannot be opened for another reason
     * @throws IllegalArgumentException if the configured base IRI differs from the stored one, or the
     *     folder has no base IRI yet and the configuration names neither a base URL nor a fixed port
     */
    public static OfflineNode open(NodeConfig config, SyncPlan plan) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(plan, "plan");
        RecordStore store;
        try {
            store = config.store().open(config.dataDir(), System.getenv());
        } catch (StoreException e) {
            Throwable lock = lock(e);
            if (lock != null) {
                throw new DataFolderInUseException(
                        "The data folder " + config.dataDir().toAbsolutePath()
                                + " is in use: a node (chm-node serve) or another command holds it ("
                                + lock.getMessage()
                                + "). Stop it first, or ask the running node: POST /admin/harvest/{source} or"
                                + " /admin/publish/{target} with the admin token.",
                        e);
            }
            throw e;
        }
        RecordValidator validator = null;
        try {
            if (config.baseIri() == null && BaseIri.stored(store).isEmpty() && config.port() == 0) {
                throw new IllegalArgumentException("The data folder " + config.dataDir()
                        + " has no base IRI yet and node.port is 0: set node.baseUrl, or start the node once");
            }
            String base = BaseIri.resolve(config, store, config.port());
            validator = new RecordValidator( // the node's thesaurus: the shared one and what it imported
                    org.chmexchange.vocab.Vocabularies.shapes(),
                    org.chmexchange.node.thesaurus.ThesaurusImports.merged(
                            org.chmexchange.vocab.Vocabularies.thesaurus(), store));
            return new OfflineNode(store, validator, Sync.open(plan, store, validator, base, config.spoolDir()), base);
        } catch (RuntimeException e) {
            if (validator != null) {
                validator.close();
            }
            store.close();
            throw e;
        }
    }

    /** The store's directory lock or the index's write lock refusal in the causes of {@code e}, or null. */
    private static Throwable lock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreInUseException || t instanceof LockObtainFailedException) {
                return t;
            }
        }
        return null;
    }

    /** The exchange machinery over this folder. */
    public Sync sync() {
        return sync;
    }

    /** The store of the folder. */
    public RecordStore store() {
        return store;
    }

    /** The base IRI of the folder, ending with {@code /}. */
    public String baseIri() {
        return base;
    }

    /** Closes the HTTP client, the validator and the store. */
    @Override
    public void close() {
        try {
            sync.close();
        } finally {
            try {
                validator.close();
            } finally {
                store.close();
            }
        }
    }
}
