package org.chmexchange.node.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * The opaque paging cursor of {@code GET /records}: the last record IRI of the previous page bound
 * to a fingerprint of the filters it was issued for, base64url-encoded. Clients must not build or
 * change cursors; a cursor used with other filters is rejected (400).
 */
final class Cursor {

    private static final char SEPARATOR = '\n';

    private Cursor() {}

    static String encode(IRI after, String filterFingerprint) {
        String raw = filterFingerprint + SEPARATOR + after.stringValue();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws ApiException 400 if the cursor is malformed or was issued for other filters
     */
    static IRI decode(String cursor, String filterFingerprint) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(
                    "cursor", "The cursor is not one this node issued; start again without it.");
        }
        int sep = raw.indexOf(SEPARATOR);
        if (sep < 0 || !raw.substring(0, sep).equals(filterFingerprint)) {
            throw ApiException.badParameter(
                    "cursor",
                    "The cursor belongs to another query; use the 'next' link as given, with the same filters.");
        }
        try {
            return Values.iri(raw.substring(sep + 1));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(
                    "cursor", "The cursor is not one this node issued; start again without it.");
        }
    }
}
