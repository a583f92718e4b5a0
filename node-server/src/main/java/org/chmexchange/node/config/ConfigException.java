package org.chmexchange.node.config;

import org.chmexchange.ChmException;

/**
 * A configuration file that cannot be used: unreadable, not YAML, an unknown key, or a value that
 * is not allowed. The message names the file, the line and column when known, the key (as a path
 * such as {@code tokens[0].sha256}) and what is expected.
 */
public class ConfigException extends ChmException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where; not null */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where; not null
     * @param cause the underlying error; may be null
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
