package org.chmexchange.validation;

import org.chmexchange.ChmException;

/**
 * The validator itself cannot work: its shapes or reference data cannot be loaded, it has been
 * closed, or the SHACL engine failed. Never thrown because the validated data is invalid; invalid
 * data gives a {@link ValidationReport}.
 */
public class ValidatorException extends ChmException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, with context; not null */
    public ValidatorException(String message) {
        super(message);
    }

    /**
     * @param message what failed, with context; not null
     * @param cause the underlying error; may be null
     */
    public ValidatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
