package org.chmexchange.odata;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to the OData service, as the HTTP server received it.
 *
 * @param method the HTTP method ({@code GET}, {@code HEAD}, ...); not null
 * @param path the part of the request path after the service root, still percent-encoded, such as
 *     {@code Decisions('x')/title} or {@code $metadata}; empty for the service document; never null
 * @param query the query parameters, decoded; never null
 * @param headers the request headers by name (any case); never null
 */
public record ODataCall(
        String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers) {

    /** Copies the maps; rejects null. */
    public ODataCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, ignoring the case of its name; null when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
