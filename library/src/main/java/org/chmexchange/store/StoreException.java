package org.chmexchange.store;

import org.chmexchange.ChmException;

/** A store or index operation failed; the message names the operation and the record or graph. */
public class StoreException extends ChmException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
