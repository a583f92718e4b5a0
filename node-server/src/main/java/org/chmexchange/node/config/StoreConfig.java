package org.chmexchange.node.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SparqlStoreSettings;

/**
 * The {@code store:} section: where the node keeps its records. The embedded store (Jena TDB2 in the
 * data folder) is the default; {@code type: sparql} runs the node on a remote SPARQL 1.1 store
 * (Fuseki, GraphDB, Virtuoso), which several node processes may share, each with its own data
 * folder (its record index, spool) (docs/STORE.md, "A remote SPARQL store").
 *
 * <pre>{@code
 * store:
 *   type: sparql                                  # embedded (default) | sparql
 *   query: http://localhost:3030/chm/query        # SPARQL 1.1 query endpoint
 *   update: http://localhost:3030/chm/update      # SPARQL 1.1 update endpoint
 *   user: chm                                     # HTTP Basic, optional
 *   passwordEnv: CHM_STORE_PASSWORD               # the environment variable holding the password
 *   follow: PT1S                                  # how often to catch up with other processes
 * }</pre>
 *
 * <p>The password is never in the file: the file names the environment variable that holds it.
 * Thread-safety: immutable.
 *
 * @param type {@link #EMBEDDED} or {@link #SPARQL}
 * @param query the query endpoint; null for the embedded store, required for sparql
 * @param update the update endpoint; null for the embedded store, required for sparql
 * @param user the HTTP Basic user; null for none
 * @param passwordEnv the name of the environment variable with the password; null for none; given
 *     with {@code user} only
 * @param follow the catch-up interval; {@link SparqlStoreSettings#DEFAULT_FOLLOW} when absent
 */
public record StoreConfig(String type, URI query, URI update, String user, String passwordEnv, Duration follow) {

    public static final String EMBEDDED = "embedded";
    public static final String SPARQL = "sparql";

    /** The embedded store. */
    public static final StoreConfig DEFAULTS = new StoreConfig(EMBEDDED, null, null, null, null, null);

    /** @throws IllegalArgumentException for an unknown type, missing or misplaced endpoints, or a bad follow */
    public StoreConfig {
        type = type == null ? EMBEDDED : type;
        if (!type.equals(EMBEDDED) && !type.equals(SPARQL)) {
            throw new IllegalArgumentException("store type must be embedded or sparql, not '" + type + "'");
        }
        if (type.equals(EMBEDDED) && (query != null || update != null || user != null || passwordEnv != null)) {
            throw new IllegalArgumentException("store query, update, user and passwordEnv are for type: sparql");
        }
        follow = follow == null ? SparqlStoreSettings.DEFAULT_FOLLOW : follow;
        if (type.equals(SPARQL)) {
            if (query == null || update == null) {
                throw new IllegalArgumentException("store type sparql needs query and update (SPARQL 1.1 endpoints)");
            }
            if ((user == null) != (passwordEnv == null)) {
                throw new IllegalArgumentException("store user and passwordEnv go together");
            }
            new SparqlStoreSettings(query, update, user, user == null ? null : "", follow); // checks the values
        }
    }

    /** Binds the YAML keys. */
    @JsonCreator
    static StoreConfig fromYaml(
            @JsonProperty("type") String type,
            @JsonProperty("query") URI query,
            @JsonProperty("update") URI update,
            @JsonProperty("user") String user,
            @JsonProperty("passwordEnv") String passwordEnv,
            @JsonProperty("follow") Duration follow) {
        return new StoreConfig(type, query, update, user, passwordEnv, follow);
    }

    /** Whether this is a remote SPARQL store. */
    public boolean remote() {
        return type.equals(SPARQL);
    }

    /**
     * Opens the store: the embedded one in {@code dataDir}, or the remote one with its record index
     * in {@code dataDir/index}.
     *
     * @param environment where {@link #passwordEnv} is looked up
     * @throws IllegalArgumentException if the password's environment variable is not set
     * @throws org.chmexchange.store.StoreException if the store cannot be opened
     */
    public RecordStore open(Path dataDir, Map<String, String> environment) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (!remote()) {
            return RecordStore.openEmbedded(dataDir);
        }
        String password = null;
        if (passwordEnv != null) {
            password = environment.get(passwordEnv);
            if (password == null) {
                throw new IllegalArgumentException(
                        "store passwordEnv names " + passwordEnv + ", which is not set in the environment");
            }
        }
        return RecordStore.openSparql(
                new SparqlStoreSettings(query, update, user, password, follow), dataDir.resolve("index"));
    }

    /** What the store is, for messages (no credentials). */
    public String describe(Path dataDir) {
        return remote()
                ? new SparqlStoreSettings(query, update).toString()
                : "the embedded store in " + dataDir.toAbsolutePath();
    }
}
