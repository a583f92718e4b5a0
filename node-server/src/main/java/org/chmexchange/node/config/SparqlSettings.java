package org.chmexchange.node.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Objects;
import org.chmexchange.sparql.SparqlQueries;

/**
 * The {@code sparql:} section: the limits of the SPARQL endpoint ({@code /sparql}).
 *
 * <pre>{@code
 * sparql:
 *   timeout: PT30S      # ISO 8601 duration; default 30 s
 *   maxResults: 10000   # rows of a SELECT, statements of a CONSTRUCT or DESCRIBE; default 10,000
 * }</pre>
 *
 * @param timeout the time limit of one query, positive; default {@link SparqlQueries#DEFAULT_TIMEOUT}
 * @param maxResults the most rows or statements an answer may have, at least 1; default {@value
 *     SparqlQueries#DEFAULT_MAX_RESULTS}
 */
public record SparqlSettings(Duration timeout, int maxResults) {

    /** The defaults, for a file without a {@code sparql:} section. */
    public static final SparqlSettings DEFAULTS =
            new SparqlSettings(SparqlQueries.DEFAULT_TIMEOUT, SparqlQueries.DEFAULT_MAX_RESULTS);

    /** @throws IllegalArgumentException for a limit that is not positive */
    public SparqlSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sparql timeout must be positive, such as PT30S, not " + timeout);
        }
        if (maxResults < 1) {
            throw new IllegalArgumentException("sparql maxResults must be at least 1, not " + maxResults);
        }
    }

    /** Binds the YAML keys; absent keys take their defaults. */
    @JsonCreator
    static SparqlSettings fromYaml(
            @JsonProperty("timeout") Duration timeout, @JsonProperty("maxResults") Integer maxResults) {
        return new SparqlSettings(
                timeout == null ? DEFAULTS.timeout() : timeout,
                maxResults == null ? DEFAULTS.maxResults() : maxResults);
    }
}
