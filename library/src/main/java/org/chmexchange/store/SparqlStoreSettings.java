package org.chmexchange.store;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a remote SPARQL 1.1 store is ({@link RecordStore#openSparql}): the endpoints of the SPARQL
 * 1.1 Protocol (query and update, which may be the same URL), the HTTP Basic credentials if the
 * store wants them, and how often a process catches up with what other processes wrote.
 *
 * <p>Thread-safety: immutable.
 *
 * @param query the SPARQL 1.1 query endpoint, http(s); for Fuseki {@code http://host:3030/ds/query}
 * @param update the SPARQL 1.1 update endpoint, http(s); for Fuseki {@code http://host:3030/ds/update}
 * @param user HTTP Basic user name; null for none
 * @param password HTTP Basic password; null for none (then {@code user} must be null too)
 * @param follow how often the store reads the change log's head to catch up with other processes'
 *     writes ({@link RecordStore#refresh}); {@link Duration#ZERO} never on its own. Default
 *     {@link #DEFAULT_FOLLOW}
 */
public record SparqlStoreSettings(URI query, URI update, String user, String password, Duration follow) {

    /** One second: what another process wrote is searchable here about a second later. */
    public static final Duration DEFAULT_FOLLOW = Duration.ofSeconds(1);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if an endpoint is not an absolute http(s) URL, a password
     *     comes without a user or the reverse, or {@code follow} is negative
     */
    public SparqlStoreSettings {
        checkEndpoint("query", query);
        checkEndpoint("update", update);
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("A SPARQL store's user and password go together: give both or neither");
        }
        follow = follow == null ? DEFAULT_FOLLOW : follow;
        if (follow.isNegative()) {
            throw new IllegalArgumentException("follow must not be negative: " + follow);
        }
    }

    /** Endpoints without credentials, following every {@link #DEFAULT_FOLLOW}. */
    public SparqlStoreSettings(URI query, URI update) {
        this(query, update, null, null, DEFAULT_FOLLOW);
    }

    /** These settings, catching up every {@code newFollow} (zero: only on {@link RecordStore#refresh}). */
    public SparqlStoreSettings withFollow(Duration newFollow) {
        return new SparqlStoreSettings(query, update, user, password, newFollow);
    }

    private static void checkEndpoint(String name, URI uri) {
        Objects.requireNonNull(uri, name);
        String scheme = uri.getScheme();
        if (!uri.isAbsolute()
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "The SPARQL " + name + " endpoint must be an absolute http(s) URL: " + uri);
        }
    }

    /** The endpoints, without the credentials (for messages and logs). */
    @Override
    public String toString() {
        return "SPARQL store " + query + (query.equals(update) ? "" : " (update " + update + ")");
    }
}
