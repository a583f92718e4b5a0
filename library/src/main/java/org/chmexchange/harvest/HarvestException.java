package org.chmexchange.harvest;

import org.chmexchange.ChmException;

/** A harvest failed: the message names the source, the URL and the position ("page 3 at cursor X"). */
public class HarvestException extends ChmException {

    private static final long serialVersionUID = 1L;

    public HarvestException(String message) {
        super(message);
    }

    public HarvestException(String message, Throwable cause) {
        super(message, cause);
    }
}
