package org.chmexchange.thesaurus;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Language fallback for labels: the requested language tag, then a tag with the same primary
 * language ({@code fr} for {@code fr-CA} and the reverse), then English ({@code en}, else any
 * {@code en-*}), then any language (the first tag in sorted order). Tags are compared in lower case.
 *
 * <p>The one language fallback of the project: thesaurus labels, and record titles wherever they
 * are shown (the node's portal).
 *
 * <p>Thread-safety: stateless.
 */
public final class Languages {

    /** The language every concept of the shared thesaurus has a label in. */
    static final String ENGLISH = "en";

    private Languages() {}

    /** Lower-cases a language tag; null and blank give the empty string (no preference / untagged). */
    static String normalize(String lang) {
        return lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The key of {@code texts} to use for {@code lang}.
     *
     * @param texts language tag (normalized) to text; not null
     * @param lang requested tag; null for no preference
     * @return the chosen tag, or empty if {@code texts} is empty
     */
    public static Optional<String> pick(Map<String, ?> texts, String lang) {
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        String wanted = normalize(lang);
        if (!wanted.isEmpty()) {
            if (texts.containsKey(wanted)) {
                return Optional.of(wanted);
            }
            String primary = primary(wanted);
            for (String tag : texts.keySet()) {
                if (primary(tag).equals(primary)) {
                    return Optional.of(tag);
                }
            }
        }
        if (texts.containsKey(ENGLISH)) {
            return Optional.of(ENGLISH);
        }
        for (String tag : new java.util.TreeSet<>(texts.keySet())) {
            if (primary(tag).equals(ENGLISH)) {
                return Optional.of(tag);
            }
        }
        return texts.keySet().stream().sorted().findFirst();
    }

    /**
     * Ranks the language of a matched label for {@code lang}: 0 the requested language (or its primary
     * language), 1 English, 2 any other.
     */
    static int rank(String tag, String lang) {
        String wanted = normalize(lang);
        if (!wanted.isEmpty() && primary(tag).equals(primary(wanted))) {
            return 0;
        }
        return primary(tag).equals(ENGLISH) ? 1 : 2;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }
}
