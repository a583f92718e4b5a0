package org.chmexchange.rdf;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.RDFHandler;
import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.eclipse.rdf4j.rio.helpers.XMLParserSettings;
import org.eclipse.rdf4j.rio.jsonld.JSONLDSettings;

/**
 * Reads documents in every {@link RecordFormat} with safe parser settings:
 * <ul>
 *   <li>Every format but RDF/XML is decoded as strict UTF-8 (RDF 1.1 Turtle section 6, N-Triples
 *       section 6, JSON-LD 1.1 via RFC 8259 section 8.1): bytes that are not UTF-8 (an ISO-8859-1
 *       body, an overlong or truncated sequence, an encoded surrogate) fail with a {@link
 *       RecordParseException} that gives their byte offset, never a U+FFFD in the data. RDF/XML is
 *       decoded as its XML declaration says; an encoding Java does not know fails the same way.
 *   <li>In a JSON-LD document in memory, every {@code @language} must be well-formed BCP 47,
 *       checked before the conversion, which would drop the value silently ({@link TermCheck};
 *       the admission gate {@code Gates.terms()} checks the tags and characters of every format).
 *   <li>A Turtle or TriG document in memory is also read by Jena's RIOT, which refuses what RDF4J
 *       lets through against the grammar (an unknown string escape such as {@code \q}: {@link
 *       StrictTurtle}).
 *   <li>A document nested deeper than the parser's stack (tens of thousands of {@code [ ]}, {@code
 *       ( )} or JSON arrays) fails with a {@link RecordParseException}, not an error of the JVM.
 *   <li>RDF/XML: secure XML processing, {@code DOCTYPE} declarations refused (so no external
 *       entity or DTD is ever resolved: XXE fails with a {@link RecordParseException});
 *   <li>JSON-LD: our context is served from the classpath at its canonical IRI (and at the URLs
 *       of a {@link JsonLdContext} given), every other remote context or document is refused;
 *       nothing is fetched from the network.
 * </ul>
 *
 * <pre>{@code
 * Model model = RecordReader.read(request.body(), RecordFormat.TURTLE, "http://localhost:8080/records/");
 * }</pre>
 *
 * <p>The caller owns {@code in}: it is read to the end of the document, not closed. Thread-safety:
 * stateless; safe from any thread.
 */
public final class RecordReader {

    private static final Pattern LOCATION_SUFFIX = Pattern.compile("\\s*\\[line -?\\d+(, column -?\\d+)?]$");

    private RecordReader() {}

    /**
     * Parses a whole document. Nothing is returned unless the whole document parses.
     *
     * @param in the document; not null
     * @param format its format; not null
     * @param baseIri the IRI relative IRIs are resolved against (the document's URL); not null
     * @return a new model with the document's statements and namespaces
     * @throws RecordParseException on a syntax error (with line and column when the parser gives
     *     them) or refused input (DOCTYPE, remote JSON-LD context)
     * @throws UncheckedIOException if reading {@code in} fails
     */
    public static Model read(InputStream in, RecordFormat format, String baseIri) {
        Model model = new LinkedHashModel();
        parse(in, format, baseIri, new StatementCollector(model));
        return model;
    }

    /**
     * Parses a whole document held in memory, as {@link #read(InputStream, RecordFormat, String)},
     * first checking that a text format is UTF-8 so that the error names the exact byte offset.
     *
     * @throws RecordParseException as {@link #read(InputStream, RecordFormat, String)}, and with
     *     {@link RecordParseException#offset()} for bytes that are not UTF-8
     */
    public static Model read(byte[] document, RecordFormat format, String baseIri) {
        return read(document, format, baseIri, JsonLdContext.CANONICAL);
    }

    /**
     * As {@link #read(byte[], RecordFormat, String)}, a JSON-LD document naming our context by any
     * URL of {@code context} ({@link JsonLdContext#accepted()}): a node reads bodies that name its
     * own {@code /ns/context.jsonld}.
     *
     * @throws RecordParseException as {@link #read(byte[], RecordFormat, String)}; a JSON-LD
     *     document naming any other context is refused
     */
    public static Model read(byte[] document, RecordFormat format, String baseIri, JsonLdContext context) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(context, "context");
        String what = format.rdfFormat().getName() + " document <" + baseIri + ">";
        if (format != RecordFormat.RDFXML) {
            Utf8.check(document, what);
        }
        if (format == RecordFormat.JSONLD) {
            TermCheck.checkJsonLdLanguages(document, what);
        }
        Model model = new LinkedHashModel();
        parse(new java.io.ByteArrayInputStream(document), format, baseIri, new StatementCollector(model), context);
        StrictTurtle.check(document, model, format, baseIri, what);
        return model;
    }

    /**
     * Parses a whole document into {@code handler}, statement by statement, with the settings and
     * the error translation of {@link #read}: for callers that must not hold the document in memory
     * (a dump streamed to a {@link org.chmexchange.admission.RecordSpool}). On a failure the handler
     * has received the statements before the error; it is the handler's to discard them.
     *
     * @param in the document; not null; read to the end of the document, not closed
     * @param format its format; not null
     * @param baseIri the IRI relative IRIs are resolved against; not null
     * @param handler receives the statements; not null
     * @throws RecordParseException on a syntax error or refused input, and when the handler throws
     *     an {@link RDFHandlerException}
     * @throws UncheckedIOException if reading {@code in} fails
     */
    public static void parse(InputStream in, RecordFormat format, String baseIri, RDFHandler handler) {
        parse(in, format, baseIri, handler, JsonLdContext.CANONICAL);
    }

    /**
     * As {@link #parse(InputStream, RecordFormat, String, RDFHandler)}, a JSON-LD document naming
     * our context by any URL of {@code context}.
     */
    public static void parse(
            InputStream in, RecordFormat format, String baseIri, RDFHandler handler, JsonLdContext context) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(baseIri, "baseIri");
        Objects.requireNonNull(handler, "handler");
        RDFParser parser = createParser(format, context);
        parser.setRDFHandler(handler);
        String what = format.rdfFormat().getName() + " document <" + baseIri + ">";
        Utf8.CountingStream counted = new Utf8.CountingStream(in);
        try {
            if (format == RecordFormat.RDFXML) {
                parser.parse(counted, baseIri);
            } else {
                parser.parse(Utf8.strictReader(counted), baseIri);
            }
        } catch (RDFParseException e) {
            Utf8.rethrowIfNotUtf8(e, what, counted);
            throw parseError(what, e, e.getLineNumber(), e.getColumnNumber());
        } catch (RDFHandlerException | JsonException e) {
            Utf8.rethrowIfNotUtf8(e, what, counted);
            throw parseError(what, e, -1, -1);
        } catch (java.nio.charset.CharacterCodingException
                | java.io.CharConversionException
                | java.io.UnsupportedEncodingException e) {
            throw Utf8.notDecodable(what, e, counted);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + what, e);
        } catch (StackOverflowError e) {
            throw new RecordParseException(
                    "Cannot parse " + what + ": it nests deeper than the parser can follow (tens of thousands of"
                            + " nested brackets, lists, arrays or objects); flatten it",
                    -1,
                    -1,
                    null);
        }
    }

    /**
     * An RDF4J parser for {@code format} with the safe settings of this class, for callers that
     * stream statements into their own {@link org.eclipse.rdf4j.rio.RDFHandler}. Its exceptions
     * are RDF4J's.
     */
    public static RDFParser createParser(RecordFormat format) {
        return createParser(format, JsonLdContext.CANONICAL);
    }

    /** As {@link #createParser(RecordFormat)}, JSON-LD taking our context at the URLs of {@code context}. */
    public static RDFParser createParser(RecordFormat format, JsonLdContext context) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(context, "context");
        RDFParser parser = Rio.createParser(format.rdfFormat());
        ParserConfig config = parser.getParserConfig();
        config.set(XMLParserSettings.SECURE_PROCESSING, true);
        config.set(XMLParserSettings.DISALLOW_DOCTYPE_DECL, true);
        config.set(XMLParserSettings.LOAD_EXTERNAL_DTD, false);
        config.set(XMLParserSettings.EXTERNAL_GENERAL_ENTITIES, false);
        config.set(XMLParserSettings.EXTERNAL_PARAMETER_ENTITIES, false);
        config.set(JSONLDSettings.DOCUMENT_LOADER, ContextLoader.of(context));
        config.set(JSONLDSettings.SECURE_MODE, true);
        config.set(JSONLDSettings.WHITELIST, context.accepted());
        config.set(JSONLDSettings.DOCUMENT_LOADER_CACHE, false);
        return parser;
    }

    private static RecordParseException parseError(String what, Exception e, long line, long column) {
        long l = line;
        long c = column;
        StringBuilder detail = new StringBuilder(withoutLocation(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String message = withoutLocation(cause.getMessage());
            if (!message.isEmpty() && detail.indexOf(message) < 0) {
                if (detail.length() > 0 && detail.charAt(detail.length() - 1) == '.') {
                    detail.setLength(detail.length() - 1);
                }
                detail.append(": ").append(message);
            }
            if (cause instanceof JsonParsingException json && l < 1) {
                JsonLocation location = json.getLocation();
                l = location.getLineNumber();
                c = location.getColumnNumber();
            }
        }
        String where = l >= 1 ? " at line " + l + (c >= 1 ? ", column " + c : "") : "";
        return new RecordParseException("Cannot parse " + what + where + ": " + detail, l, c, e);
    }

    /** The message without the {@code [line 3, column 5]} suffix RDF4J appends (we say it once). */
    private static String withoutLocation(String message) {
        return message == null ? "" : LOCATION_SUFFIX.matcher(message).replaceFirst("");
    }
}
