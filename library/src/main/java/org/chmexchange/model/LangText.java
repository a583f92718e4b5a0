package org.chmexchange.model;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.rdf4j.model.util.Literals;

/**
 * A text in several languages: an immutable map from a BCP 47 language tag to the text in that
 * language, the Java form of the {@code rdf:langString} values of one property (MODEL.md:
 * {@code title}, {@code summary}, {@code designation}, {@code organization}: "0..n, unique lang").
 *
 * <p>Language tags are validated as well-formed BCP 47 tags and lower-cased ({@code zh-Hans}
 * becomes {@code zh-hans}), so {@code get("FR")} and {@code get("fr")} agree; the map iterates in
 * tag order. Texts are kept as given (an empty string is a text).
 *
 * <pre>{@code
 * LangText title = LangText.of("en", "Kunming-Montreal Global Biodiversity Framework",
 *         "fr", "Cadre mondial de la biodiversité de Kunming-Montréal");
 * String shown = title.best("es").orElse("");   // falls back to English
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param texts language tag to text; the accessor returns the normalised, unmodifiable copy
 */
public record LangText(Map<String, String> texts) {

    private static final LangText EMPTY = new LangText(Map.of());

    /** The language {@link #best(String)} falls back to. */
    public static final String FALLBACK_LANGUAGE = "en";

    /**
     * @throws NullPointerException if {@code texts}, a tag or a text is {@code null}
     * @throws IllegalArgumentException if a tag is not well-formed BCP 47, or two tags are equal
     *     once lower-cased
     */
    public LangText {
        Objects.requireNonNull(texts, "texts");
        SortedMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            String tag = normalizeTag(entry.getKey());
            String text = Objects.requireNonNull(entry.getValue(), () -> "text for language " + tag);
            if (copy.put(tag, text) != null) {
                throw new IllegalArgumentException("Two texts for language " + tag);
            }
        }
        texts = Collections.unmodifiableSortedMap(copy);
    }

    /** The text without any language. */
    public static LangText empty() {
        return EMPTY;
    }

    /**
     * A text from language/text pairs: {@code of("en", "Decision", "fr", "Décision")}.
     *
     * @param language the first language tag; not null
     * @param text the text in that language; not null
     * @param more further pairs of language tag and text
     * @throws IllegalArgumentException if {@code more} has an odd length, a tag is malformed or
     *     repeated
     * @throws NullPointerException if any argument is {@code null}
     */
    public static LangText of(String language, String text, String... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("Language/text pairs expected, got an odd count");
        }
        Map<String, String> all = new TreeMap<>();
        putNew(all, language, text);
        for (int i = 0; i < more.length; i += 2) {
            putNew(all, more[i], more[i + 1]);
        }
        return new LangText(all);
    }

    /**
     * Lower-cases a language tag after checking it is well-formed BCP 47.
     *
     * @throws NullPointerException if {@code tag} is {@code null}
     * @throws IllegalArgumentException if {@code tag} is not well-formed
     */
    public static String normalizeTag(String tag) {
        Objects.requireNonNull(tag, "language tag");
        if (!Literals.isValidLanguageTag(tag)) {
            throw new IllegalArgumentException("Not a BCP 47 language tag: '" + tag + "'");
        }
        return tag.toLowerCase(Locale.ROOT);
    }

    /** The text in exactly {@code language} (any case), if there is one. */
    public Optional<String> get(String language) {
        return Optional.ofNullable(texts.get(language.toLowerCase(Locale.ROOT)));
    }

    /**
     * The text to show a reader of {@code language}: the text in that language, else the English
     * text, else the text of the first language in tag order.
     *
     * @return empty only if this text {@link #isEmpty()}
     */
    public Optional<String> best(String language) {
        Optional<String> exact = get(language);
        if (exact.isPresent()) {
            return exact;
        }
        Optional<String> fallback = get(FALLBACK_LANGUAGE);
        if (fallback.isPresent() || texts.isEmpty()) {
            return fallback;
        }
        return Optional.of(texts.values().iterator().next());
    }

    /** A copy with the text in {@code language} set (replaced if present). */
    public LangText with(String language, String text) {
        Map<String, String> all = new TreeMap<>(texts);
        all.put(normalizeTag(language), Objects.requireNonNull(text, "text"));
        return new LangText(all);
    }

    /** The language tags, lower-case, in order. */
    public Set<String> languages() {
        return texts.keySet();
    }

    /** True when there is no text in any language. */
    public boolean isEmpty() {
        return texts.isEmpty();
    }

    private static void putNew(Map<String, String> all, String language, String text) {
        String tag = normalizeTag(language);
        if (all.put(tag, Objects.requireNonNull(text, () -> "text for language " + tag)) != null) {
            throw new IllegalArgumentException("Two texts for language " + tag);
        }
    }
}
