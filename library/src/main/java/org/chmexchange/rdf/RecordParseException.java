package org.chmexchange.rdf;

import org.chmexchange.ChmException;

/**
 * An RDF document that cannot be read: a syntax error, or input refused as unsafe (an XML
 * {@code DOCTYPE} or external entity, a JSON-LD remote context other than ours). The message names
 * the format, the base IRI and, when the parser reports it, the line and column.
 *
 * <p>Thrown by {@link RecordReader}; an HTTP layer answers 400 Bad Request.
 */
public class RecordParseException extends ChmException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;
    private final long offset;

    /**
     * @param message what failed, with context; not null
     * @param line the line of the error, from 1, or -1 when unknown
     * @param column the column of the error, from 1, or -1 when unknown
     * @param cause the parser's error; may be null
     */
    public RecordParseException(String message, long line, long column, Throwable cause) {
        this(message, line, column, -1, cause);
    }

    /**
     * @param message what failed, with context; not null
     * @param line the line of the error, from 1, or -1 when unknown
     * @param column the column of the error, from 1, or -1 when unknown
     * @param offset the byte offset of the error, from 0 (bytes that are not UTF-8), or -1 when unknown
     * @param cause the parser's error; may be null
     */
    public RecordParseException(String message, long line, long column, long offset, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    /** The byte offset of the error, from 0, or -1 when unknown (set for bytes that are not UTF-8). */
    public long offset() {
        return offset;
    }

    /** The line of the error, from 1, or -1 when unknown. */
    public long line() {
        return line;
    }

    /** The column of the error, from 1, or -1 when unknown. */
    public long column() {
        return column;
    }
}
