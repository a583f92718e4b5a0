package org.chmexchange.harvest;

import java.nio.file.Path;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What harvesters share: the one HTTP client (with its retry, rate-limit, authentication and
 * user-agent interceptors) and the limits of a run.
 *
 * @param http the shared client; not null; not closed by harvesters
 * @param maxRequests the most requests one run may make (a paging guard); at least 1
 * @param spoolDirectory where harvesters spool what they read before committing it (the dump
 *     harvester's {@code RecordSpool}); null for the JVM's temporary directory. The node uses its
 *     data folder's {@code spool/}, cleared when it opens, so that a killed run leaves nothing
 *     behind for long
 */
public record HarvestContext(OkHttpClient http, int maxRequests, Path spoolDirectory) {

    /** Default request budget of one run: 100 000. */
    public static final int DEFAULT_MAX_REQUESTS = 100_000;

    /** Checks the values. */
    public HarvestContext {
        Objects.requireNonNull(http, "http");
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be at least 1: " + maxRequests);
        }
        if (spoolDirectory == null) {
            spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    /** A context that spools in the JVM's temporary directory. */
    public HarvestContext(OkHttpClient http, int maxRequests) {
        this(http, maxRequests, null);
    }
}
