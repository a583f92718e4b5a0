package org.chmexchange.informea;

import org.chmexchange.ChmException;

/** An InforMEA row that cannot be a record (no id, no title, an unknown treaty...); the message says why. */
public final class InformeaMappingException extends ChmException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the row */
    public InformeaMappingException(String message) {
        super(message);
    }
}
