package org.chmexchange.node.portal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's own words (page chrome, facet names, record type names) in one language, from the
 * bundles {@code org/chmexchange/node/portal/messages_<lang>.properties} (UTF-8, Java 9+). A key
 * missing from a language falls back to English ({@code messages.properties}); a key missing
 * everywhere is a programming error ({@link MissingResourceException}), caught by {@code
 * MessagesTest}, which checks every language has every key.
 *
 * <p>Thread-safety: immutable; instances are cached per language.
 */
public final class Messages {

    static final String BUNDLE = "org.chmexchange.node.portal.messages";
    private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();

    private final ReaderLanguage language;
    private final ResourceBundle bundle;

    private Messages(ReaderLanguage language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                Locale.forLanguageTag(language.code()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The words of {@code language}. */
    public static Messages of(ReaderLanguage language) {
        return CACHE.computeIfAbsent(language.code(), c -> new Messages(language));
    }

    /** The language of these words. */
    public ReaderLanguage language() {
        return language;
    }

    /** The text of {@code key}. */
    public String t(String key) {
        return bundle.getString(key);
    }

    /** The text of {@code key} with its {@code {0}}, {@code {1}}... filled in ({@link MessageFormat}). */
    public String t(String key, Object... args) {
        // Latin digits in every language, as the counts the templates print (UN Arabic documents use them too)
        return new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language.code() + "-u-nu-latn"))
                .format(args);
    }

    /** Whether {@code key} has a text (in this language or in English). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
