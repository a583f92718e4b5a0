package org.chmexchange.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed HTTP {@code Accept} header (RFC 9110, section 12.5.1): media ranges with their
 * weights. Elements that are not well-formed (no {@code type/subtype}, a bad {@code q}) are
 * skipped, as RFC 9110 lets a server ignore what it cannot parse; media-range parameters other than
 * {@code q} are ignored. An absent or blank header accepts everything ({@code *}{@code /*}).
 * Immutable.
 */
final class AcceptHeader {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    /** One media range: {@code type/subtype} (either may be {@code *}) with its weight. */
    record Range(String type, String subtype, double q) {

        /**
         * How specifically this range names {@code mediaType}: 2 exact, 1 {@code type/*}, 0
         * {@code *}{@code /*}, -1 no match.
         */
        int specificity(String mediaType) {
            int slash = mediaType.indexOf('/');
            String t = mediaType.substring(0, slash);
            String s = mediaType.substring(slash + 1);
            if (type.equals("*")) {
                return 0;
            }
            if (!type.equals(t)) {
                return -1;
            }
            if (subtype.equals("*")) {
                return 1;
            }
            return subtype.equals(s) ? 2 : -1;
        }
    }

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Parses {@code header}; null or blank means {@code *}{@code /*}. */
    static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) {
            ranges.add(new Range("*", "*", 1.0));
            return new AcceptHeader(ranges);
        }
        for (String element : splitOutsideQuotes(header, ',')) {
            Range range = parseRange(element);
            if (range != null) {
                ranges.add(range);
            }
        }
        return new AcceptHeader(ranges);
    }

    List<Range> ranges() {
        return ranges;
    }

    /**
     * The weight the client gives {@code mediaType} (lower-case {@code type/subtype}): the
     * {@code q} of the most specific matching range (RFC 9110: more specific ranges override less
     * specific ones), the highest if several are equally specific; -1 when no range matches.
     *
     * @param wildcards whether {@code type/*} and {@code *}{@code /*} ranges may match
     */
    double quality(String mediaType, boolean wildcards) {
        int best = -1;
        double q = -1;
        for (Range range : ranges) {
            int specificity = range.specificity(mediaType);
            if (specificity < 0 || (!wildcards && specificity < 2)) {
                continue;
            }
            if (specificity > best) {
                best = specificity;
                q = range.q();
            } else if (specificity == best) {
                q = Math.max(q, range.q());
            }
        }
        return q;
    }

    private static Range parseRange(String element) {
        List<String> parts = splitOutsideQuotes(element, ';');
        String mediaRange = parts.get(0).trim().toLowerCase(Locale.ROOT);
        if (mediaRange.equals("*")) {
            mediaRange = "*/*";
        }
        int slash = mediaRange.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String type = mediaRange.substring(0, slash);
        String subtype = mediaRange.substring(slash + 1);
        if (!TOKEN.matcher(type).matches()
                || !TOKEN.matcher(subtype).matches()
                || (type.equals("*") && !subtype.equals("*"))) {
            return null;
        }
        double q = 1.0;
        for (String parameter : parts.subList(1, parts.size())) {
            int eq = parameter.indexOf('=');
            if (eq < 0 || !parameter.substring(0, eq).trim().equalsIgnoreCase("q")) {
                continue;
            }
            String value = parameter.substring(eq + 1).trim();
            if (!QVALUE.matcher(value).matches()) {
                return null;
            }
            q = Double.parseDouble(value);
        }
        return new Range(type, subtype, q);
    }

    /** Splits on {@code separator} except inside double-quoted strings (with backslash escapes). */
    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
