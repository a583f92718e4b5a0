package org.chmexchange.thesaurus;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for matching: compatibility decomposition (NFKD), combining marks removed (accents,
 * Arabic vowel marks), lower case (root locale), and every run of characters that are neither
 * letters nor digits turned into one space, trimmed. {@code "Côte d’Ivoire"} folds to
 * {@code "cote d ivoire"}, {@code "GBF-TARGET-03"} to {@code "gbf target 03"}.
 *
 * <p>Thread-safety: stateless.
 */
final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFolding() {}

    /** The folded form of {@code text}; empty if it has no letter or digit. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(bare).replaceAll(" ").strip();
    }

    /** Whether a later word of {@code folded} (not the first) starts with {@code query}. */
    static boolean laterWordStartsWith(String folded, String query) {
        for (int i = folded.indexOf(' '); i >= 0; i = folded.indexOf(' ', i + 1)) {
            if (folded.startsWith(query, i + 1)) {
                return true;
            }
        }
        return false;
    }
}
