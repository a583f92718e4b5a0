package org.chmexchange.harvest;

import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What harvesters share: the one HTTP client (with its retry, rate-limit, authentication and
 * user-agent interceptors) and the limits of a run.
 *
 * @param http the shared client; not null; not closed by harvesters
 * @param maxRequests the most requests one run may make (a paging guard); at least 1
 */
public record HarvestContext(OkHttpClient http, int maxRequests) {

    /** Default request budget of one run: 100 000. */
    public static final int DEFAULT_MAX_REQUESTS = 100_000;

    /** Checks the values. */
    public HarvestContext {
        Objects.requireNonNull(http, "http");
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be at least 1: " + maxRequests);
        }
    }
}
