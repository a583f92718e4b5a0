package org.chmexchange;

/**
 * Root of the unchecked exceptions of CHM Exchange. Specific subclasses say what a caller can act
 * on (for example an invalid record, a record that is not found, a conflict); messages always name
 * the thing that failed and the context ("Cannot map record <iri>: no rdf:type").
 *
 * <p>{@link java.io.IOException} is only used at the wire; everything above it is a
 * {@code ChmException}.
 */
public class ChmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, with context; not null */
    public ChmException(String message) {
        super(message);
    }

    /**
     * @param message what failed, with context; not null
     * @param cause the underlying error; may be null
     */
    public ChmException(String message, Throwable cause) {
        super(message, cause);
    }
}
