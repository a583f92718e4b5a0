package org.chmexchange.node.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code network:} section: the other nodes this node keeps in its registry and polls (their
 * {@code /.well-known/chm-node}), for the network page ({@code /network}). More nodes can register
 * themselves with one of this node's write tokens ({@code POST /network/nodes}).
 *
 * <pre>{@code
 * network:
 *   poll: PT5M                              # ISO 8601 duration, at least PT1S; default 5 minutes
 *   nodes:
 *     - name: colombia                      # letters, digits, . _ -; unique
 *       url: https://co.chm.example.org/    # the node's base URL, http(s), ending with /
 * }</pre>
 *
 * @param poll the time between two polls of every node; positive, at least one second
 * @param nodes the configured nodes; never null
 */
public record NetworkConfig(Duration poll, List<Node> nodes) {

    /** The default time between polls: 5 minutes. */
    public static final Duration DEFAULT_POLL = Duration.ofMinutes(5);

    /** No configured node, the default poll interval. */
    public static final NetworkConfig DEFAULTS = new NetworkConfig(DEFAULT_POLL, List.of());

    /**
     * A node of the network.
     *
     * @param name its name in this registry: letters, digits, {@code . _ -}, 1 to 64
     * @param url its base URL: http(s), ending with {@code /}
     */
    public record Node(String name, String url) {

        /** @throws IllegalArgumentException for a bad name or URL */
        @JsonCreator
        public Node(@JsonProperty("name") String name, @JsonProperty("url") String url) {
            if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException(
                        "network node name must be 1-64 letters, digits, '.', '_' or '-', not '" + name + "'");
            }
            okhttp3.HttpUrl parsed = url == null ? null : okhttp3.HttpUrl.parse(url);
            if (url == null
                    || !url.matches("https?://[^\\s/@]+(/[^\\s]*)?/")
                    || parsed == null
                    || !parsed.username().isEmpty()
                    || !parsed.password().isEmpty()) {
                throw new IllegalArgumentException(
                        "network node url must be an http(s) URL ending with '/', without user name or password,"
                                + " such as https://chm.example.org/, not '" + url + "'");
            }
            this.name = name;
            this.url = url;
        }
    }

    /** @throws IllegalArgumentException for a poll interval under one second, or two nodes with one name */
    public NetworkConfig {
        Objects.requireNonNull(poll, "poll");
        if (poll.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("network poll must be at least PT1S, not " + poll);
        }
        nodes = List.copyOf(nodes);
        Checks.unique("network nodes", "name", nodes, Node::name);
    }

    /** Binds the YAML keys; absent keys take their defaults. */
    @JsonCreator
    static NetworkConfig fromYaml(@JsonProperty("poll") Duration poll, @JsonProperty("nodes") List<Node> nodes) {
        return new NetworkConfig(poll == null ? DEFAULT_POLL : poll, nodes == null ? List.of() : nodes);
    }
}
