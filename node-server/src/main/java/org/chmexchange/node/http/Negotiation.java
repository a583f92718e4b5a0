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
     * For a thesaurus concept: plain JSON or an RDF format. JSON is a full candidate with the top
     * server quality, so wildcards and browsers get JSON and a client that names an RDF format with
     * a higher weight gets that format.
     */
    static Choice forConcept(String accept) {
        double json = RecordFormat.acceptQuality(accept, "application/json");
        Negotiated rdf = RecordFormat.negotiate(accept, false);
        double rdfQ =
                rdf.outcome() == Negotiated.Outcome.RDF && !rdf.mediaType().equals("application/json")
                        ? RecordFormat.acceptQuality(accept, rdf.mediaType())
                        : -1;
        if (json > 0 && json >= rdfQ) {
            return new Choice(false, null, "application/json");
        }
        if (rdfQ > 0) {
            return new Choice(false, rdf.format(), rdf.mediaType());
        }
        throw ApiException.notAcceptable(accept, "application/json, " + AVAILABLE_RDF);
    }

    /**
     * Whether a client asks for a page rather than data: the same rule as for records ({@link
     * RecordFormat#negotiate(String, boolean)} chooses HTML), so browsers ({@code text/html} at 1,
     * {@code *}{@code /*} at 0.8) get pages, and {@code *}{@code /*}, {@code text/*}, no {@code
     * Accept} or a data type get data.
     */
    static boolean wantsHtml(String accept) {
        return RecordFormat.negotiate(accept, true).outcome() == Negotiated.Outcome.HTML;
    }

    /** For endpoints that only answer JSON: 406 unless the client takes application/json. */
    static void requireJson(String accept) {
        if (!RecordFormat.accepts(accept, "application/json") && !RecordFormat.accepts(accept, "application/ld+json")) {
            throw ApiException.notAcceptable(accept, "application/json");
        }
    }
}
