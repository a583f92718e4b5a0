package org.chmexchange.node.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * The opaque paging cursors of {@code GET /records} and {@code GET /changes/page}: a position (the
 * last record IRI, or the last change sequence number) bound to a fingerprint of the filters it
 * was issued for, base64url-encoded. Clients must not build or change cursors; a cursor used with
 * other filters is rejected (400).
 */
final class Cursor {

    private static final char SEPARATOR = '\n';

    private Cursor() {}

    static String encode(IRI after, String filterFingerprint) {
        return encode(after.stringValue(), filterFingerprint);
    }

    static String encode(long position, String filterFingerprint) {
        return encode(Long.toString(position), filterFingerprint);
    }

    /** @throws ApiException 400 if the cursor is malformed or was issued for other filters */
    static IRI decodeIri(String cursor, String filterFingerprint) {
        try {
            return Values.iri(decode(cursor, filterFingerprint));
        } catch (IllegalArgumentException e) {
            throw foreign();
        }
    }

    /** @throws ApiException 400 if the cursor is malformed or was issued for other filters */
    static long decodeLong(String cursor, String filterFingerprint) {
        try {
            long position = Long.parseLong(decode(cursor, filterFingerprint));
            if (position < 0) {
                throw foreign();
            }
            return position;
        } catch (NumberFormatException e) {
            throw foreign();
        }
    }

    private static String encode(String position, String filterFingerprint) {
        String raw = filterFingerprint + SEPARATOR + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String filterFingerprint) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw foreign();
        }
        int sep = raw.indexOf(SEPARATOR);
        if (sep < 0 || !raw.substring(0, sep).equals(filterFingerprint)) {
            throw ApiException.badParameter(
                    "cursor",
                    "The cursor belongs to another query; use the 'next' link as given, with the same filters.");
        }
        return raw.substring(sep + 1);
    }

    private static ApiException foreign() {
        return ApiException.badParameter("cursor", "The cursor is not one this node issued; start again without it.");
    }
}
