package org.chmexchange.node.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A configured write token: its name, the SHA-256 digest of the secret (never the secret itself)
 * and its scope. Records written with it are attributed to {@code {base}agents/{name}} and stored
 * in the graph {@code {base}graphs/publishers/{name}}. Thread-safety: immutable.
 *
 * @param name 1-64 lower-case letters, digits, {@code . _ -}, starting with a letter or digit (it
 *     becomes an IRI path segment); unique on a node
 * @param sha256 SHA-256 of the token's UTF-8 bytes, 64 hex digits, normalised to lower case
 * @param scope what the token may write; not null
 */
public record Token(String name, String sha256, TokenScope scope) {

    /** What a token name may be. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** @throws IllegalArgumentException if the name or digest is malformed */
    public Token {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(scope, "scope");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("token name '" + name
                    + "' must be 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of token '" + name + "' must be 64 hex digits");
        }
    }
}
