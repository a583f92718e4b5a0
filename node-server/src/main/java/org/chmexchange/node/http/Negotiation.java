package org.chmexchange.node.http;

import org.chmexchange.rdf.Negotiated;
import org.chmexchange.rdf.RecordFormat;

/**
 * Content negotiation of the HTTP layer, on top of {@link RecordFormat#negotiate(String, boolean)}
 * (which holds the media types and server qualities). Every failure is a 406 problem.
 */
final class Negotiation {

    private static final String AVAILABLE_RDF = "text/turtle, application/ld+json, application/rdf+xml,"
            + " application/trig, application/n-triples, application/n-quads";

    /**
     * What to answer with: HTML ({@code html}), an RDF format ({@code format}), or plain JSON
     * (neither).
     */
    record Choice(boolean html, RecordFormat format, String mediaType) {}

    private Negotiation() {}

    /** For a record: an RDF format or the HTML page. */
    static Choice forRecord(String accept) {
        Negotiated n = RecordFormat.negotiate(accept, true);
        return switch (n.outcome()) {
            case HTML -> new Choice(true, null, n.mediaType());
            case RDF -> new Choice(false, n.format(), n.mediaType());
            case NOT_ACCEPTABLE -> throw ApiException.notAcceptable(accept, "text/html, " + AVAILABLE_RDF);
        };
    }

    /**
     * For a thesaurus concept: plain JSON unless the client asks for an RDF format by name
     * (a wildcard or no Accept header gives JSON).
     */
    static Choice forConcept(String accept) {
        if (accept == null || accept.isBlank() || hasExactJson(accept)) {
            return new Choice(false, null, "application/json");
        }
        Negotiated n = RecordFormat.negotiate(accept, false);
        if (n.outcome() == Negotiated.Outcome.RDF && !n.mediaType().equals("application/json")
                && !accept.replace(" ", "").startsWith("*/*")) {
            return new Choice(false, n.format(), n.mediaType());
        }
        if (RecordFormat.accepts(accept, "application/json")) {
            return new Choice(false, null, "application/json");
        }
        throw ApiException.notAcceptable(accept, "application/json, " + AVAILABLE_RDF);
    }

    /** For endpoints that only answer JSON: 406 unless the client takes application/json. */
    static void requireJson(String accept) {
        if (!RecordFormat.accepts(accept, "application/json") && !RecordFormat.accepts(accept, "application/ld+json")) {
            throw ApiException.notAcceptable(accept, "application/json");
        }
    }

    private static boolean hasExactJson(String accept) {
        for (String element : accept.split(",")) {
            String type = element.split(";")[0].trim();
            if (type.equalsIgnoreCase("application/json")) {
                return RecordFormat.accepts(accept, "application/json");
            }
        }
        return false;
    }
}
