package org.chmexchange.publish;

import java.net.URI;
import java.util.Objects;

/**
 * A peer node this node pushes its own changes to, through the peer's publishing API
 * (docs/EXCHANGE.md). The bearer token is not here: the shared HTTP client adds it for the peer's
 * host.
 *
 * @param name unique name on this node, {@code [a-z0-9-]+}; names the saved position
 * @param url the peer's base URL (its {@code /records} is below it), or the API base of the
 *     target's protocol; http or https
 * @param protocol the publishing protocol ({@link PublishChannelFactory#protocol()}): {@code peer}
 *     (another CHM Exchange node) or {@code cbd} (the CBD clearing-house); not null
 * @param options protocol-specific options; not null
 */
public record PublishTarget(String name, URI url, String protocol, java.util.Map<String, String> options) {

    /** Checks the values. */
    public PublishTarget {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("A publish target name is lower-case letters, digits and '-': " + name);
        }
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(protocol, "protocol");
        options = java.util.Map.copyOf(options);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("A publish target URL must be http or https: " + url);
        }
    }

    /** A target of protocol {@code peer} without options. */
    public PublishTarget(String name, URI url) {
        this(name, url, "peer", java.util.Map.of());
    }

    /** The peer's base URL ending with {@code /}. */
    public String base() {
        String u = url.toString();
        return u.endsWith("/") ? u : u + "/";
    }
}
