package org.chmexchange.mapping;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * The free-text values of foreign feeds as the IRIs and ids of the common format: web links, e-mail
 * addresses ({@code mailto:}, RFC 6068), telephone numbers ({@code tel:}, RFC 3966) and record ids.
 * Each method returns null for a value it cannot read; the caller reports it.
 *
 * <p>Stateless and thread-safe.
 */
public final class SourceValues {

    private static final Pattern ID_CHARS = Pattern.compile("[^A-Za-z0-9._~-]+");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+");
    private static final Pattern PHONE_DROP = Pattern.compile("[^0-9+\\-.()]");

    private SourceValues() {}

    /**
     * An absolute http(s) URL with a host as an IRI.
     *
     * @param url the text; surrounding white space ignored; null gives null
     * @return the IRI; null when it is not such a URL
     */
    public static IRI httpIri(String url) {
        if (url == null) {
            return null;
        }
        String s = url.strip();
        if (!(s.startsWith("http://") || s.startsWith("https://"))) {
            return null;
        }
        try {
            URI uri = new URI(s);
            if (uri.getHost() == null) {
                return null;
            }
            return Values.iri(uri.toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * An e-mail address as a {@code mailto:} IRI.
     *
     * @param text the address; a leading {@code mailto:} and surrounding white space are ignored
     * @return the IRI; null when the text is not one address (white space inside, no {@code @})
     */
    public static IRI email(String text) {
        if (text == null) {
            return null;
        }
        String email = text.strip();
        if (email.regionMatches(true, 0, "mailto:", 0, 7)) {
            email = email.substring(7);
        }
        return EMAIL.matcher(email).matches() ? Values.iri("mailto:" + email) : null;
    }

    /**
     * A telephone number as a {@code tel:} IRI: white space runs become {@code -}, characters other
     * than digits, {@code + - . ( )} are dropped.
     *
     * @return the IRI; null when no digit is left
     */
    public static IRI phone(String text) {
        if (text == null) {
            return null;
        }
        String phone = PHONE_DROP.matcher(text.strip().replaceAll("\\s+", "-")).replaceAll("");
        return phone.chars().anyMatch(Character::isDigit) ? Values.iri("tel:" + phone) : null;
    }

    /**
     * A foreign identifier as a record id (the last segment of a record IRI): characters other than
     * {@code [A-Za-z0-9._~-]} become {@code -}.
     *
     * @throws IllegalArgumentException if nothing is left to name a record
     */
    public static String recordId(String identifier) {
        String id = ID_CHARS.matcher(identifier.strip()).replaceAll("-");
        if (id.isEmpty() || id.equals("-")) {
            throw new IllegalArgumentException("'" + identifier + "' cannot name a record");
        }
        return id;
    }

    /** A text cut to 80 characters for a message, with {@code ...} when cut. */
    public static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** The parts that are not null, joined by one space; null when all are null. */
    public static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(p);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }
}
