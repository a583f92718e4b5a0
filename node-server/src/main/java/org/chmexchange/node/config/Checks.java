package org.chmexchange.node.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.chmexchange.node.auth.Token;

/** Checks shared by the configuration records; every failure is an {@link IllegalArgumentException}. */
final class Checks {

    /** Names of tokens, sources and publish targets: they become IRI path segments. */
    static final Pattern NAME = Token.NAME;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Checks() {}

    static String name(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " needs a name");
        }
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " name '" + value
                    + "' must be 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    /** A code of a list (country, treaty), in lower case; an empty entry is an error. */
    static String code(String what, String list, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " has an empty entry in " + list);
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** A SHA-256 digest in hex, returned in lower case. */
    static String sha256(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " needs sha256 (the SHA-256 of the token, 64 hex digits)");
        }
        if (!SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " sha256 must be 64 hex digits (the SHA-256 of the token), not '"
                    + value + "' (" + value.length() + " characters)");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** An absolute http(s) URL ending with {@code /} added when missing (the base URL of a node). */
    static String url(String what, String value) {
        String url = absoluteUrl(what, value);
        return url.endsWith("/") ? url : url + "/";
    }

    /** An absolute http(s) URL, returned as written. */
    static String absoluteUrl(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " needs a url");
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        what + " url must be an absolute http(s) URL such as http://central.example.org/, not '" + value
                                + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " url is not a URL: '" + value + "' (" + e.getReason() + ")", e);
        }
        return value;
    }

    /** An environment variable name, or null. */
    static String env(String what, String value) {
        if (value != null && !ENV.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    what + " tokenEnv must be an environment variable name such as CENTRAL_TOKEN, not '" + value + "'");
        }
        return value;
    }

    /** A positive ISO 8601 duration such as {@code PT15M}. */
    static Duration duration(String value) {
        Duration duration;
        try {
            duration = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not an ISO 8601 duration such as PT15M, PT1H or P1D", e);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + value + "' is not longer than zero");
        }
        return duration;
    }

    /** Copies a list that may be null, checking and normalising each element. */
    static List<String> list(List<String> values, Function<String, String> check) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(values.size());
        for (String value : values) {
            String checked = check.apply(value);
            if (!out.contains(checked)) {
                out.add(checked);
            }
        }
        return List.copyOf(out);
    }

    /** Fails if two elements share a key ({@code what}: "sources", {@code field}: "name"). */
    static <T> void unique(String what, String field, List<T> values, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(key.apply(value))) {
                throw new IllegalArgumentException(
                        "two " + what + " have the same " + field + " '" + key.apply(value) + "'");
            }
        }
    }
}
