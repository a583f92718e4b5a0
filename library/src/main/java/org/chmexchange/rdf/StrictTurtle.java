package org.chmexchange.rdf;

import java.io.ByteArrayInputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDFLib;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;

/**
 * A second reading of a Turtle or TriG document, by Apache Jena's RIOT parser, for what RDF4J 5.2's
 * Turtle parser lets through: it keeps an unknown string escape ({@code "a\qb"}) as the two
 * characters {@code \q} where RDF 1.1 Turtle (section 6.4: {@code ECHAR}, a backslash and one of
 * {@code t b n r f " ' \}; {@code UCHAR}, a backslash, u or U and 4 or 8 hex digits) has a syntax error, and no
 * setting makes it strict. RIOT follows the grammar and is already on the class path (the TDB2
 * store). Only RIOT's errors count; its warnings (IRI advice) are RDF4J's to judge, and the
 * statements are RDF4J's: RIOT's go nowhere.
 *
 * <p>Used for documents held in memory (request bodies), after RDF4J read them, and only when a
 * value RDF4J read holds a backslash: a lenient escape always leaves one (a valid escape leaves
 * one only for {@code \\}), so other documents are read once. (RIOT in Jena 5.6 reads RDF 1.2
 * Turtle, where {@code "x"@en--ltr} has a base direction; such a tag is {@link TermCheck}'s to
 * refuse, as not BCP 47, with a clearer message.) A dump streamed from a source is read once,
 * by RDF4J only. Stateless; thread-safe.
 */
final class StrictTurtle {

    private StrictTurtle() {}

    /**
     * @throws RecordParseException at the first error RIOT finds, with its line and column
     */
    static void check(byte[] document, Model read, RecordFormat format, String baseIri, String what) {
        Lang lang =
                switch (format) {
                    case TURTLE -> Lang.TURTLE;
                    case TRIG -> Lang.TRIG;
                    default -> null;
                };
        if (lang == null || !hasBackslash(read)) {
            return;
        }
        try {
            RDFParser.create()
                    .source(new ByteArrayInputStream(document))
                    .lang(lang)
                    .base(baseIri)
                    .checking(false)
                    .errorHandler(ERRORS_ONLY)
                    .parse(StreamRDFLib.sinkNull());
        } catch (Located e) {
            throw new RecordParseException(
                    "Cannot parse " + what
                            + (e.line >= 1 ? " at line " + e.line + (e.column >= 1 ? ", column " + e.column : "") : "")
                            + ": " + e.getMessage() + " (RDF 1.1 Turtle, section 6.4)",
                    e.line,
                    e.column,
                    e);
        } catch (RiotException e) {
            throw new RecordParseException("Cannot parse " + what + ": " + e.getMessage(), -1, -1, e);
        } catch (StackOverflowError e) {
            throw new RecordParseException(
                    "Cannot parse " + what + ": it nests deeper than the parser can follow; flatten it", -1, -1, null);
        }
    }

    private static boolean hasBackslash(Model model) {
        for (Statement st : model) {
            if (st.getObject().stringValue().indexOf('\\') >= 0
                    || st.getSubject().stringValue().indexOf('\\') >= 0
                    || st.getPredicate().stringValue().indexOf('\\') >= 0
                    || (st.getObject() instanceof Literal l
                            && l.getDatatype().stringValue().indexOf('\\') >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** RIOT's error, with where it is. */
    private static final class Located extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long line;
        final long column;

        Located(String message, long line, long column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private static final ErrorHandler ERRORS_ONLY = new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {}

        @Override
        public void error(String message, long line, long col) {
            throw new Located(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new Located(message, line, col);
        }
    };
}
