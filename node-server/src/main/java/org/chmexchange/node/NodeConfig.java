package org.chmexchange.node;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a node runs.
 *
 * @param port TCP port to listen on; 0 picks a free port (tests). Default {@value #DEFAULT_PORT}.
 * @param dataDir folder of the embedded store and index; created if missing. Default
 *     {@value #DEFAULT_DATA_DIR} in the working directory.
 * @param baseIri base IRI under which this node mints record IRIs ({@code {base}records/{type}/{id}}),
 *     ending with {@code /}; null means: the one stored at first start, else
 *     {@code http://localhost:{port}/}
 * @param loadSampleData whether the sample data (real MEA facts) is loaded on first start
 */
public record NodeConfig(int port, Path dataDir, String baseIri, boolean loadSampleData) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATA_DIR = "chm-data";

    /** Checks the values. */
    public NodeConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        if (baseIri != null && !baseIri.matches("https?://[^\\s]+/")) {
            throw new IllegalArgumentException("base IRI must be an http(s) IRI ending with '/': " + baseIri);
        }
    }

    /** The defaults: port 8080, ./chm-data, sample data loaded. */
    public static NodeConfig defaults() {
        return new NodeConfig(DEFAULT_PORT, Path.of(DEFAULT_DATA_DIR), null, true);
    }
}
