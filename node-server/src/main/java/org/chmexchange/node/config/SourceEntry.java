package org.chmexchange.node.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
 *     tokenEnv: CENTRAL_TOKEN
 *     options:
 *       limit: 500
 * }</pre>
 *
 * @param name the source's name (lower-case letters, digits, {@code . _ -}); unique; required
 * @param protocol the harvest protocol name ({@code peer}, {@code rdf-dump}, {@code sparql}); the
 *     harvester registry decides which names exist; required
 * @param url the source's URL, absolute http(s), kept as written (a dump or SPARQL endpoint URL is
 *     a file or service address; the peer harvester adds the {@code /} of a node's base itself);
 *     required
 * @param schedule the time between runs (ISO 8601 duration such as {@code PT15M}, above zero); null:
 *     harvested on demand only
 * @param tokenEnv the environment variable holding a bearer token for the source; null: none
 * @param options protocol-specific options (for example {@code limit} of the peer protocol), as
 *     text; empty when absent; never null
 */
public record SourceEntry(
        String name, String protocol, String url, Duration schedule, String tokenEnv, Map<String, String> options) {

    /** @throws IllegalArgumentException naming the source and the bad value */
    public SourceEntry {
        name = Checks.name("source", name);
        String what = "source '" + name + "'";
        if (protocol == null || protocol.isBlank()) {
            throw new IllegalArgumentException(what + " needs a protocol such as peer, rdf-dump, sparql or oai-pmh");
        }
        url = Checks.absoluteUrl(what, url);
        if (schedule != null && (schedule.isZero() || schedule.isNegative())) {
            throw new IllegalArgumentException(what + " schedule must be longer than zero");
        }
        tokenEnv = Checks.env(what, tokenEnv);
        options = options(what, options);
    }

    private static Map<String, String> options(String what, Map<String, String> options) {
        if (options == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(what + " has an option without a name");
            }
            if (value == null) {
                throw new IllegalArgumentException(what + " option '" + key + "' has no value");
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** The schedule, or empty for on demand only. */
    public Optional<Duration> every() {
        return Optional.ofNullable(schedule);
    }
}
