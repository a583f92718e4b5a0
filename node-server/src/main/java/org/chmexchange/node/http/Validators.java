package org.chmexchange.node.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** HTTP validators of conditional requests (RFC 9110 section 13), for every route that has them. */
final class Validators {

    private Validators() {}

    /**
     * Whether an {@code If-None-Match} header matches {@code etag}: a list of entity tags, weak
     * comparison, or {@code *} (RFC 9110 section 13.1.2).
     *
     * @param ifNoneMatch the header; null matches nothing
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP date ({@code Last-Modified}): RFC 9110 section 5.6.7, IMF-fixdate. */
    static String httpDate(Instant time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.atOffset(ZoneOffset.UTC));
    }
}
