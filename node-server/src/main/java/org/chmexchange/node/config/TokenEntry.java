package org.chmexchange.node.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.TokenScope;

/**
 * An entry of the {@code tokens:} section: who may write, hashed.
 *
 * <pre>{@code
 * tokens:
 *   - name: colombia
 *     sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 *     countries: [co]
 *     treaties: [cbd, nagoya]
 *     types: [focal-point, national-report]
 * }</pre>
 *
 * @param name the token's name (see {@link Token#name()}); required
 * @param sha256 SHA-256 of the token, 64 hex digits, normalised to lower case; required
 * @param countries ISO 3166-1 alpha-2 codes, lower case; empty (or absent) = any
 * @param treaties InforMEA treaty ids, lower case; empty (or absent) = any
 * @param types record type slugs ({@code focal-point}, {@code national-report}, ...); empty (or
 *     absent) = any
 */
public record TokenEntry(
        String name, String sha256, List<String> countries, List<String> treaties, List<String> types) {

    /**
     * Checks and normalises the values.
     *
     * @throws IllegalArgumentException naming the token and the bad value
     */
    public TokenEntry {
        name = Checks.name("token", name);
        String what = "token '" + name + "'";
        sha256 = Checks.sha256(what, sha256);
        countries = Checks.list(countries, c -> Checks.code(what, "countries", c));
        treaties = Checks.list(treaties, t -> Checks.code(what, "treaties", t));
        types = Checks.list(types, t -> slug(what, t));
        try {
            token(name, sha256, countries, treaties, types);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    /** The runtime token of this entry. */
    public Token toToken() {
        return token(name, sha256, countries, treaties, types);
    }

    private static Token token(
            String name, String sha256, List<String> countries, List<String> treaties, List<String> types) {
        List<RecordType> recordTypes = new ArrayList<>();
        for (String slug : types) {
            recordTypes.add(RecordType.fromSlug(slug).orElseThrow());
        }
        return new Token(name, sha256, TokenScope.of(countries, treaties, recordTypes));
    }

    private static String slug(String what, String slug) {
        if (slug == null || RecordType.fromSlug(slug).isEmpty()) {
            throw new IllegalArgumentException(what + ": unknown record type '" + slug + "'; use one of "
                    + Arrays.stream(RecordType.values()).map(RecordType::slug).collect(Collectors.joining(", ")));
        }
        return slug;
    }
}
