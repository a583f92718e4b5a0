package org.chmexchange.node.config;

import java.time.Duration;
import java.util.Optional;

/**
 * An entry of the {@code sources:} section: a source this node harvests.
 *
 * <pre>{@code
 * sources:
 *   - name: central
 *     protocol: peer
 *     url: http://central.example.org/
 *     schedule: PT15M
 *     tokenEnv: CENTRAL_READ_TOKEN
 * }</pre>
 *
 * @param name the source's name (lower-case letters, digits, {@code . _ -}); unique; required
 * @param protocol the harvest protocol name ({@code peer}, {@code rdf-dump}, {@code sparql}); the
 *     harvester registry decides which names exist; required
 * @param url the source's URL, absolute http(s); required
 * @param schedule the time between runs (ISO 8601 duration such as {@code PT15M}, above zero); null:
 *     harvested on demand only
 * @param tokenEnv the environment variable holding a bearer token for the source; null: none
 */
public record SourceEntry(String name, String protocol, String url, Duration schedule, String tokenEnv) {

    /** @throws IllegalArgumentException naming the source and the bad value */
    public SourceEntry {
        name = Checks.name("source", name);
        String what = "source '" + name + "'";
        if (protocol == null || protocol.isBlank()) {
            throw new IllegalArgumentException(what + " needs a protocol such as peer, rdf-dump or sparql");
        }
        url = Checks.url(what, url);
        if (schedule != null && (schedule.isZero() || schedule.isNegative())) {
            throw new IllegalArgumentException(what + " schedule must be longer than zero");
        }
        tokenEnv = Checks.env(what, tokenEnv);
    }

    /** The schedule, or empty for on demand only. */
    public Optional<Duration> every() {
        return Optional.ofNullable(schedule);
    }
}
