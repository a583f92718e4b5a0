package org.chmexchange.publish;

import java.net.URI;
import java.util.Objects;

/**
 * A peer node this node pushes its own changes to, through the peer's publishing API
 * (docs/EXCHANGE.md). The bearer token is not here: the shared HTTP client adds it for the peer's
 * host.
 *
 * @param name unique name on this node, {@code [a-z0-9-]+}; names the saved position
 * @param url the peer's base URL (its {@code /records} is below it); http or https
 */
public record PublishTarget(String name, URI url) {

    /** Checks the values. */
    public PublishTarget {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("A publish target name is lower-case letters, digits and '-': " + name);
        }
        Objects.requireNonNull(url, "url");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("A publish target URL must be http or https: " + url);
        }
    }

    /** The peer's base URL ending with {@code /}. */
    public String base() {
        String u = url.toString();
        return u.endsWith("/") ? u : u + "/";
    }
}
