package org.chmexchange.harvest.oai;

import org.chmexchange.harvest.HarvestException;

/** A response that is not an OAI-PMH 2.0 document the harvester can read. */
final class OaiFormatException extends HarvestException {

    OaiFormatException(String message) {
        super(message);
    }

    OaiFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
