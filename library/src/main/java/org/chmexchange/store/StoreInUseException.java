package org.chmexchange.store;

/**
 * The data folder of a store is held by another process (a running node, another command), or by
 * another open store of this process. Stop the other holder first; nothing was opened.
 */
public class StoreInUseException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreInUseException(String message) {
        super(message);
    }

    public StoreInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
