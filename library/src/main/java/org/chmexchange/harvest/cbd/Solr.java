package org.chmexchange.harvest.cbd;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Solr query syntax, the one place values are written into queries of the CBD index: every value is
 * escaped (INCUMBENTS.md part A 1.5, "Solr special characters must be escaped"; the characters are
 * those of the Solr Reference Guide, "The Standard Query Parser", section "Escaping Special
 * Characters": {@code + - && || ! ( ) { } [ ] ^ " ~ * ? : / \} and white space). Stateless.
 */
final class Solr {

    private static final String SPECIAL = "\\+-!():^[]\"{}~*?|&;/";

    private Solr() {}

    /** {@code value} with a backslash before every special character and white space. */
    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (SPECIAL.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** {@code field:(a OR b ...)}, each value escaped. */
    static String anyOf(String field, Collection<String> values) {
        return field + ":(" + values.stream().map(Solr::escape).collect(Collectors.joining(" OR ")) + ")";
    }

    /** A Solr date value, millisecond precision, UTC ({@code 2024-01-31T12:00:00.000Z}), escaped. */
    static String date(Instant t) {
        String s = t.truncatedTo(ChronoUnit.MILLIS).toString();
        if (s.length() == 20) { // no fraction printed for whole seconds
            s = s.substring(0, 19) + ".000Z";
        }
        return escape(s);
    }
}
