package org.chmexchange.odata;

import java.util.Map;
import java.util.Objects;

/**
 * The answer to an {@link ODataCall}: what the HTTP server sends.
 *
 * @param status the HTTP status code
 * @param headers response headers ({@code Content-Type}, {@code DataServiceVersion}, ...); never null
 * @param body the response body; empty for none (never null)
 */
public record ODataAnswer(int status, Map<String, String> headers, byte[] body) {

    /** Copies the headers; rejects null. */
    public ODataAnswer {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
