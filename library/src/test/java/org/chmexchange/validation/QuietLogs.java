package org.chmexchange.validation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises RDF4J's log level to INFO for the tests. Without a logback configuration Logback logs
 * everything at DEBUG, and the SHACL engine then prints every shape and validation plan, which
 * floods the test output and slows validation about tenfold.
 */
final class QuietLogs {

    private QuietLogs() {}

    static void rdf4jAtInfo() {
        if (LoggerFactory.getLogger("org.eclipse.rdf4j") instanceof Logger logger) {
            logger.setLevel(Level.INFO);
        }
    }
}
