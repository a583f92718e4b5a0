package org.chmexchange.node.http;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/** Checks of request parameters shared by the handlers; each failure is a 400 naming the parameter. */
final class Params {

    /** Codes and ids (treaty ids, country codes, scheme names, notations, record ids). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private Params() {}

    /**
     * The one rule for query parameters, on every address: a parameter the address does not take is
     * a 400 naming it (registered with each route in {@link Routes}).
     *
     * @throws ApiException 400 for the first unknown parameter
     */
    static void only(Map<String, List<String>> params, Collection<String> allowed) {
        for (String name : params.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badParameter(
                        name,
                        "Unknown parameter '" + name + "'"
                                + (allowed.isEmpty()
                                        ? ": this address takes none."
                                        : ". Known: " + String.join(", ", allowed) + "."));
            }
        }
    }

    static boolean isIri(String value) {
        return value.startsWith("http://") || value.startsWith("https://");
    }

    /** An absolute http(s) IRI given as a parameter. */
    static IRI iri(String parameter, String value) {
        try {
            return Values.iri(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(parameter, "Not a valid IRI: " + value);
        }
    }

    /** A code or id: letters, digits, {@code . _ ~ -}, at most 128 characters. */
    static String code(String parameter, String value) {
        if (!CODE.matcher(value).matches()) {
            throw ApiException.badParameter(
                    parameter,
                    "'" + value + "' is not a valid " + parameter + ": use letters, digits, '.', '_', '~' or '-'.");
        }
        return value;
    }

    /** An integer page size from 1 to {@code max}; {@code defaultValue} when absent. */
    static int limit(String value, int defaultValue, int max) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw ApiException.badParameter("limit", "limit must be an integer from 1 to " + max + ": " + value);
    }
}
