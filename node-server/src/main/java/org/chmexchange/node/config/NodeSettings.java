package org.chmexchange.node.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code node:} section: how the node runs.
 *
 * @param port TCP port, 0-65535 (0 = any free port); default {@value #DEFAULT_PORT}
 * @param data data folder of the embedded store, relative to the working directory unless
 *     absolute; default {@value #DEFAULT_DATA}
 * @param baseUrl base IRI of the records this node mints, an http(s) IRI ending with {@code /}; null
 *     means the one fixed at first start
 * @param maxRequestBytes largest request body the publishing API accepts, in bytes, at least 1;
 *     default {@value #DEFAULT_MAX_REQUEST_BYTES} (1 MiB)
 */
public record NodeSettings(int port, Path data, String baseUrl, long maxRequestBytes) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATA = "chm-data";
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1_048_576;

    /** The defaults, for a file without a {@code node:} section. */
    public static final NodeSettings DEFAULTS =
            new NodeSettings(DEFAULT_PORT, Path.of(DEFAULT_DATA), null, DEFAULT_MAX_REQUEST_BYTES);

    /** @throws IllegalArgumentException for a port out of range, a bad base IRI or a size below 1 */
    public NodeSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("node port must be 0-65535, not " + port);
        }
        Objects.requireNonNull(data, "data");
        if (baseUrl != null && !baseUrl.matches("https?://[^\\s/]+(/[^\\s]*)?/")) {
            throw new IllegalArgumentException(
                    "node baseUrl must be an http(s) IRI ending with '/', such as https://chm.example.org/, not '"
                            + baseUrl + "'");
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("node maxRequestBytes must be at least 1, not " + maxRequestBytes);
        }
    }

    /** Binds the YAML keys; absent keys take their defaults. */
    @JsonCreator
    static NodeSettings fromYaml(
            @JsonProperty("port") Integer port,
            @JsonProperty("data") String data,
            @JsonProperty("baseUrl") String baseUrl,
            @JsonProperty("maxRequestBytes") Long maxRequestBytes) {
        if (data != null && data.isBlank()) {
            throw new IllegalArgumentException("node data must name a folder");
        }
        return new NodeSettings(
                port == null ? DEFAULT_PORT : port,
                Path.of(data == null ? DEFAULT_DATA : data),
                baseUrl,
                maxRequestBytes == null ? DEFAULT_MAX_REQUEST_BYTES : maxRequestBytes);
    }
}
