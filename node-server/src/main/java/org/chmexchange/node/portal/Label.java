package org.chmexchange.node.portal;

/**
 * A text shown on a page with the language it is in, and where it links to.
 *
 * @param text the text; not null
 * @param lang its language tag, or null when unknown or untagged (the page's {@code lang} applies)
 * @param href where it links to, or null for plain text
 */
public record Label(String text, String lang, String href) {

    /** Plain text in the page's language. */
    public static Label of(String text) {
        return new Label(text, null, null);
    }

    /** A link in the page's language. */
    public static Label link(String text, String href) {
        return new Label(text, null, href);
    }

    /** {@code lang} unless empty (an untagged value carries no {@code lang} attribute). */
    public String langOrNull() {
        return lang == null || lang.isEmpty() ? null : lang;
    }
}
