package org.chmexchange.node.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An entry of the {@code publish:} section: a peer node this node pushes its local changes to.
 *
 * <pre>{@code
 * publish:
 *   - name: to-central
 *     url: http://central.example.org/
 *     tokenEnv: CENTRAL_PUBLISH_TOKEN
 *     schedule: PT1M
 * }</pre>
 *
 * @param name the target's name (lower-case letters, digits, {@code . _ -}); unique; required
 * @param url the peer node's base URL, absolute http(s); required
 * @param schedule the time between pushes (ISO 8601 duration, above zero); null: on demand only
 * @param tokenEnv the environment variable holding the peer's write token; required
 * @param protocol {@code peer} (another CHM Exchange node; the default) or {@code cbd} (the CBD
 *     clearing-house's v2023 API, docs/CBD.md)
 * @param options protocol-specific options (for {@code cbd}: {@code realm}); empty when absent
 */
public record PublishTarget(
        String name, String url, Duration schedule, String tokenEnv, String protocol, Map<String, String> options) {

    /** @throws IllegalArgumentException naming the target and the bad value */
    public PublishTarget {
        name = Checks.name("publish target", name);
        String what = "publish target '" + name + "'";
        url = Checks.url(what, url);
        if (schedule != null && (schedule.isZero() || schedule.isNegative())) {
            throw new IllegalArgumentException(what + " schedule must be longer than zero");
        }
        if (tokenEnv == null) {
            throw new IllegalArgumentException(
                    what + " needs tokenEnv: the environment variable that holds the peer's write token");
        }
        tokenEnv = Checks.env(what, tokenEnv);
        protocol = protocol == null || protocol.isBlank() ? "peer" : protocol.strip();
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A target of protocol {@code peer} without options. */
    public PublishTarget(String name, String url, Duration schedule, String tokenEnv) {
        this(name, url, schedule, tokenEnv, null, null);
    }

    /** The schedule, or empty for on demand only. */
    public Optional<Duration> every() {
        return Optional.ofNullable(schedule);
    }
}
