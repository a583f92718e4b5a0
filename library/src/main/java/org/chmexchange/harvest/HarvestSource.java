package org.chmexchange.harvest;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One configured source: what to harvest, from where, with which protocol.
 *
 * @param name the source's name, unique on the node, {@code [a-z0-9-]+}; it names the source's
 *     graph {@code {base}graphs/sources/{name}} and its state
 * @param protocol the protocol name ({@link HarvestProtocol#name()}); not null
 * @param url the source URL (a peer node's base, a dump file, a SPARQL endpoint); not null
 * @param options protocol-specific options (for example {@code format} of a dump); not null
 */
public record HarvestSource(String name, String protocol, URI url, Map<String, String> options) {

    /** Checks the values and copies the options. */
    public HarvestSource {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("A source name is lower-case letters, digits and '-': " + name);
        }
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(url, "url");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("A source URL must be http or https: " + url);
        }
        options = Map.copyOf(options);
    }

    /**
     * Checks that every option is one the protocol knows.
     *
     * @param known the protocol's option names
     * @throws IllegalArgumentException naming the first unknown option and the known ones
     */
    public void requireKnownOptions(java.util.Set<String> known) {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("Source " + name + ": unknown option '" + key + "' for protocol "
                        + protocol + "; known: " + new java.util.TreeSet<>(known));
            }
        }
    }

    /**
     * A whole-number option.
     *
     * @param option the option's name
     * @param fallback the value when the option is absent
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @throws IllegalArgumentException if the option is not a whole number from {@code min} to
     *     {@code max}
     */
    public long wholeNumberOption(String option, long fallback, long min, long max) {
        String value = options.get(option);
        if (value == null) {
            return fallback;
        }
        String problem = "Source " + name + ": option " + option + " must be a whole number from " + min + " to " + max
                + ": '" + value + "'";
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem, e);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(problem);
        }
        return number;
    }

    /**
     * A duration option, ISO 8601 ({@code PT1H}, {@code P7D}).
     *
     * @param option the option's name
     * @param fallback the value when the option is absent
     * @throws IllegalArgumentException if the option is not an ISO 8601 duration, or is negative
     */
    public java.time.Duration durationOption(String option, java.time.Duration fallback) {
        String value = options.get(option);
        if (value == null) {
            return fallback;
        }
        java.time.Duration d;
        try {
            d = java.time.Duration.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Source " + name + ": option " + option + " must be an ISO 8601 duration such as PT1H or P1D: '"
                            + value + "'",
                    e);
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(
                    "Source " + name + ": option " + option + " must not be negative: " + value);
        }
        return d;
    }
}
