package org.chmexchange.cbd;

import org.chmexchange.ChmException;

/**
 * A CBD document that cannot become a record of the common format (no identifier, a treaty code the
 * thesaurus does not know, a value a required property needs that is missing or malformed). The
 * message names the document and the reason. A harvest reports it and skips the document.
 */
public class CbdMappingException extends ChmException {
    private static final long serialVersionUID = 1L;

    /** @param message the document and the reason; not null */
    public CbdMappingException(String message) {
        super(message);
    }

    /**
     * @param message the document and the reason; not null
     * @param cause the model's own refusal; may be null
     */
    public CbdMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
