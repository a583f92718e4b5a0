package org.chmexchange.node;

import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;

/**
 * The base IRI of a data folder: fixed at its first use and stored in it, so record IRIs stay
 * stable. Shared by the server and the one-off commands.
 */
final class BaseIri {

    private BaseIri() {}

    /**
     * The base of the data folder: the configured one (which must equal the stored one, if any), else
     * the stored one, else {@code http://localhost:{port}/}, stored.
     *
     * @param port the port the node listens on (the server's real port)
     * @throws IllegalArgumentException if the configured base differs from the stored one
     */
    static String resolve(NodeConfig config, RecordStore store, int port) {
        if (config.baseIri() != null) {
            String stored = store.setting(SettingKey.BASE_IRI).orElse(null);
            if (stored != null && !stored.equals(config.baseIri())) {
                throw new IllegalArgumentException(
                        "The data folder " + config.dataDir() + " holds records minted under "
                                + stored + "; a node cannot change its base IRI (" + config.baseIri()
                                + " asked). Start without --base-url, or with a new data folder.");
            }
            store.setSetting(SettingKey.BASE_IRI, config.baseIri());
            return config.baseIri();
        }
        return store.setting(SettingKey.BASE_IRI).orElseGet(() -> {
            String base = "http://localhost:" + port + "/";
            store.setSetting(SettingKey.BASE_IRI, base);
            return base;
        });
    }

    /** The stored base, if the folder has one. */
    static java.util.Optional<String> stored(RecordStore store) {
        return store.setting(SettingKey.BASE_IRI);
    }
}
