package org.chmexchange.rdf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.IllformedLocaleException;
import java.util.Locale;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Statement;

/**
 * The terms a record must have to be admitted, whatever the format it came in, so that whatever the
 * node accepts it can write in every format it offers (the gate {@code Gates.terms()} applies it to
 * the publishing API and to harvests):
 * <ul>
 *   <li>A language tag is well-formed BCP 47 (RFC 5646 section 2.1, checked by the JDK's {@link
 *       Locale.Builder#setLanguageTag}): {@code en--gb}, a 9-letter or a 5,000-letter tag are refused
 *       (RDF4J's parsers accept them).
 *   <li>A literal holds only characters XML 1.0 can carry (XML 1.0 section 2.2, {@code Char}): no
 *       NUL, no control character but tab, line feed and carriage return, no U+FFFE or U+FFFF, no
 *       unpaired surrogate; otherwise the node's RDF/XML would not be well-formed.
 *   <li>In JSON-LD, every {@code @language} is well-formed before the document is converted: the
 *       JSON-LD to RDF algorithm drops a value with an ill-formed tag without a word (JSON-LD 1.1
 *       API section 8.6), so {@link RecordReader#read(byte[], RecordFormat, String)} checks it first
 *       ({@link #checkJsonLdLanguages}).
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
public final class TermCheck {

    /** Tags found well-formed, so that each distinct tag is parsed once (a data set has few). */
    private static final java.util.Set<String> WELL_FORMED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The most tags remembered. */
    private static final int MAX_REMEMBERED = 10_000;

    private TermCheck() {}

    /**
     * Why the object of {@code st} cannot be accepted (an ill-formed language tag, a character XML
     * 1.0 cannot carry), or null if it can.
     */
    public static String problem(Statement st) {
        if (!(st.getObject() instanceof Literal literal)) {
            return null;
        }
        String problem =
                literal.getLanguage().map(TermCheck::languageTagProblem).orElse(null);
        return problem != null ? problem : characterProblem(literal.getLabel());
    }

    /** Why {@code tag} is not a well-formed BCP 47 language tag, or null if it is. */
    public static String languageTagProblem(String tag) {
        if (WELL_FORMED.contains(tag)) {
            return null;
        }
        try {
            new Locale.Builder().setLanguageTag(tag);
            if (WELL_FORMED.size() < MAX_REMEMBERED) {
                WELL_FORMED.add(tag);
            }
            return null;
        } catch (IllformedLocaleException e) {
            String shown = tag.length() <= 40 ? tag : tag.substring(0, 40) + "... (" + tag.length() + " characters)";
            return "The language tag '" + shown + "' is not well-formed BCP 47 (RFC 5646)";
        }
    }

    /** Why {@code text} holds a character XML 1.0 cannot carry, or null if it holds none. */
    public static String characterProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
                i += bad ? 0 : 1;
            } else {
                bad = Character.isLowSurrogate(c)
                        || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                        || c == 0xFFFE
                        || c == 0xFFFF;
            }
            if (bad) {
                return String.format(
                        Locale.ROOT,
                        "A literal holds the character U+%04X at position %d, which XML 1.0 cannot carry"
                                + " (control characters but tab, line feed and carriage return; U+FFFE, U+FFFF;"
                                + " unpaired surrogates)",
                        (int) c,
                        i);
            }
        }
        return null;
    }

    /**
     * Checks every {@code @language} of a JSON-LD document (read with Jackson's streaming parser, no
     * nesting limit beyond Jackson's own).
     *
     * @throws RecordParseException for an ill-formed tag, or a document that is not JSON, with the
     *     line and column
     */
    static void checkJsonLdLanguages(byte[] document, String what) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Integer.MAX_VALUE)
                        .build())
                .build();
        try (JsonParser p = factory.createParser(document)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && "@language".equals(p.currentName())) {
                    if (p.nextToken() == JsonToken.VALUE_STRING) {
                        String problem = languageTagProblem(p.getText());
                        if (problem != null) {
                            long line = p.currentLocation().getLineNr();
                            long column = p.currentLocation().getColumnNr();
                            throw new RecordParseException(
                                    "Cannot parse " + what + " at line " + line + ", column " + column + ": " + problem
                                            + "; the JSON-LD algorithm would drop the value",
                                    line,
                                    column,
                                    null);
                        }
                    }
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw new RecordParseException(
                    "Cannot parse " + what + (line >= 1 ? " at line " + line + ", column " + column : "")
                            + ": it is not JSON (" + e.getOriginalMessage() + ")",
                    line,
                    column,
                    e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + what, e);
        }
    }
}
