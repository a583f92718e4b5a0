package org.chmexchange.node.config;

/**
 * The {@code admin:} section: the operators' token (for {@code POST /admin/harvest/{source}}),
 * hashed.
 *
 * @param sha256 SHA-256 of the admin token, 64 hex digits, normalised to lower case; required
 */
public record AdminSettings(String sha256) {

    /** @throws IllegalArgumentException if the digest is missing or malformed */
    public AdminSettings {
        sha256 = Checks.sha256("admin", sha256);
    }
}
