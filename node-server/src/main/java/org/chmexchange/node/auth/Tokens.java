package org.chmexchange.node.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The write tokens of a node: checks a presented bearer token against the configured SHA-256
 * digests, and makes new tokens.
 *
 * <pre>{@code
 * String secret = Tokens.newToken();                        // give to the publisher, once
 * Token colombia = new Token("colombia", Tokens.sha256Hex(secret), scope);
 * Tokens tokens = Tokens.of(List.of(colombia));
 * tokens.authenticate(secret);                              // Optional[colombia]
 * }</pre>
 *
 * <p>A presented token is hashed and compared with every configured digest with
 * {@link MessageDigest#isEqual} (constant time), without stopping at a match, so the time taken
 * does not tell how much of a digest matched or which token did. Thread-safety: immutable; safe
 * from any thread.
 */
public final class Tokens {

    /** No tokens: every write is refused. */
    public static final Tokens NONE = new Tokens(List.of());

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private final List<Token> tokens;
    private final List<byte[]> digests;

    private Tokens(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
        this.digests = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            digests.add(HexFormat.of().parseHex(token.sha256()));
        }
    }

    /**
     * A registry of these tokens.
     *
     * @throws IllegalArgumentException if two tokens share a name or a digest
     */
    public static Tokens of(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (Token token : tokens) {
            if (!names.add(token.name())) {
                throw new IllegalArgumentException("two tokens are named '" + token.name() + "'");
            }
            if (!hashes.add(token.sha256())) {
                throw new IllegalArgumentException("tokens '" + token.name() + "' and another have the same sha256");
            }
        }
        return new Tokens(tokens);
    }

    /** The configured tokens, in configuration order. */
    public List<Token> all() {
        return tokens;
    }

    /** Whether no token is configured (then no write is possible). */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /**
     * The token whose digest is the SHA-256 of {@code presented}.
     *
     * @param presented the bearer token as sent by the client; null gives empty
     * @return the configured token, or empty if none matches
     */
    public Optional<Token> authenticate(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Token match = null;
        for (int i = 0; i < tokens.size(); i++) {
            if (MessageDigest.isEqual(digest, digests.get(i))) {
                match = tokens.get(i);
            }
        }
        return Optional.ofNullable(match);
    }

    /** The SHA-256 of the UTF-8 bytes of {@code token}, as 64 lower-case hex digits. */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(Objects.requireNonNull(token, "token")));
    }

    /**
     * A new random token: 256 bits from {@link SecureRandom}, base64url without padding (43
     * characters). The caller shows it once and stores only {@link #sha256Hex(String)} of it.
     */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256, which every Java runtime must have", e);
        }
    }
}
