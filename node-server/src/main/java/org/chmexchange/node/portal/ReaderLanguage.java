package org.chmexchange.node.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The language a page is shown in: one of the six UN languages, chosen by the {@code lang} query
 * parameter (the portal's switcher), else by the browser's {@code Accept-Language} (RFC 9110
 * section 12.5.4, weights and ranges as {@link Locale.LanguageRange} reads them), else English.
 *
 * <p>Thread-safety: immutable.
 *
 * @param code the language tag: {@code ar}, {@code en}, {@code es}, {@code fr}, {@code ru} or {@code
 *     zh}
 */
public record ReaderLanguage(String code) {

    /** The portal's languages, in the order the switcher lists them. */
    public static final List<String> CODES = List.of("ar", "en", "es", "fr", "ru", "zh");

    /** English, the fallback. */
    public static final ReaderLanguage ENGLISH = new ReaderLanguage("en");

    /** Checks the code. */
    public ReaderLanguage {
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("Not a portal language: " + code + "; known: " + CODES);
        }
    }

    /**
     * The reader's language.
     *
     * @param param the {@code lang} query parameter; null when absent; an unknown value is ignored
     * @param acceptLanguage the {@code Accept-Language} header; null when absent; a malformed one is
     *     ignored
     */
    public static ReaderLanguage choose(String param, String acceptLanguage) {
        if (param != null) {
            String primary = primary(param);
            if (CODES.contains(primary)) {
                return new ReaderLanguage(primary);
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            List<Locale.LanguageRange> ranges;
            try {
                ranges = Locale.LanguageRange.parse(acceptLanguage);
            } catch (IllegalArgumentException malformed) {
                return ENGLISH;
            }
            for (Locale.LanguageRange range : ranges) { // parse sorts by weight, highest first
                if (range.getWeight() <= 0) {
                    continue;
                }
                String primary = primary(range.getRange());
                if (CODES.contains(primary)) {
                    return new ReaderLanguage(primary);
                }
            }
        }
        return ENGLISH;
    }

    /** {@code rtl} for Arabic, else {@code ltr}: the page's {@code dir}. */
    public String dir() {
        return code.equals("ar") ? "rtl" : "ltr";
    }

    /** The other portal languages, for the switcher. */
    public List<String> others() {
        List<String> others = new ArrayList<>(CODES);
        others.remove(code);
        return others;
    }

    private static String primary(String tag) {
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        return dash < 0 ? t : t.substring(0, dash);
    }
}
