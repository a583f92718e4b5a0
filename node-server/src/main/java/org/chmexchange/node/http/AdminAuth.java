package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.AdminSettings;

/**
 * Checks the operators' bearer token of {@code /admin/...} requests against {@code admin.sha256}.
 * The presented token is hashed and compared in constant time; it is never logged or echoed.
 *
 * <ul>
 *   <li>401 with {@code WWW-Authenticate: Bearer}: no token, another scheme, or a token the node does
 *       not know ({@code error="invalid_token"});
 *   <li>403: a write token of the node (it may publish records, not run operations), or any known
 *       token when the node has no admin token configured.
 * </ul>
 *
 * <p>Thread-safety: immutable.
 */
final class AdminAuth {

    private final byte[] admin;
    private final Tokens tokens;

    /**
     * @param admin the admin token's digest, or null: no operation is allowed
     * @param tokens the write tokens, to tell a write token (403) from an unknown one (401)
     */
    AdminAuth(AdminSettings admin, Tokens tokens) {
        this.admin = admin == null ? null : admin.sha256().getBytes(StandardCharsets.US_ASCII);
        this.tokens = tokens;
    }

    /**
     * Lets the request through if it carries the admin token.
     *
     * @throws ApiException 401 or 403 otherwise
     */
    void check(Context ctx) {
        String none = admin == null ? " This node has no admin token configured (admin.sha256)." : "";
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized(
                    "Operations need the admin token: send Authorization: Bearer <admin token>." + none, false);
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            throw ApiException.unauthorized(
                    "Operations need the admin token: send Authorization: Bearer <admin token> (no other scheme).",
                    false);
        }
        String presented = trimmed.substring(space + 1).trim();
        byte[] digest = Tokens.sha256Hex(presented).getBytes(StandardCharsets.US_ASCII);
        if (admin != null && java.security.MessageDigest.isEqual(digest, admin)) {
            return;
        }
        Optional<Token> writer = tokens.authenticate(presented);
        if (writer.isPresent()) {
            throw ApiException.forbidden(
                    "The token '" + writer.get().name()
                            + "' may publish records but not run operations; use the admin token." + none,
                    Map.of());
        }
        throw ApiException.unauthorized("The bearer token is not this node's admin token." + none, true);
    }
}
