package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chmexchange.rdf.Negotiated;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordWriter;
import org.chmexchange.sparql.SparqlQueries;
import org.chmexchange.sparql.SparqlQueryException;
import org.chmexchange.sparql.SparqlResult;
import org.chmexchange.sparql.SparqlResultFormat;
import org.eclipse.rdf4j.model.IRI;

/**
 * The SPARQL 1.1 Protocol query operation at {@code /sparql} (W3C Recommendation, 21 March 2013,
 * section 2.1) over {@link SparqlQueries}:
 *
 * <ul>
 *   <li>query via GET ({@code ?query=}), via URL-encoded POST ({@code
 *       application/x-www-form-urlencoded} body with {@code query=}) and via POST directly ({@code
 *       application/sparql-query} body); {@code default-graph-uri} and {@code named-graph-uri} in the
 *       URL or, for the form, in the body too;
 *   <li>answers by content negotiation: SELECT and ASK in the SPARQL 1.1 result formats (JSON by
 *       default, XML, CSV and TSV for SELECT), CONSTRUCT and DESCRIBE in every RDF format the node
 *       writes (Turtle by default; JSON-LD names the node's context);
 *   <li>failures as problem documents: a missing, repeated or malformed query 400 (with the parser's
 *       message), an update 403 (read-only: this endpoint has no update operation), a body that is
 *       not UTF-8 400, an unknown body type 415, nothing acceptable 406, the result limit 400, the
 *       time limit 503.
 * </ul>
 *
 * Thread-safe.
 */
final class SparqlHandler {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String QUERY = "application/sparql-query";
    static final String UPDATE = "application/sparql-update";
    /** The parameters of the query operation, and those of the update operation (always refused). */
    static final List<String> PARAMETERS = List.of(
            "query", "default-graph-uri", "named-graph-uri", "update", "using-graph-uri", "using-named-graph-uri");

    private final SparqlQueries queries;
    private final String endpoint;
    private final JsonLdAnswer answer;

    /** @param base the node's base IRI, ending with {@code /} */
    SparqlHandler(SparqlQueries queries, String base) {
        this.queries = queries;
        this.endpoint = base + "sparql";
        this.answer = new JsonLdAnswer(base);
    }

    /** {@code GET /sparql?query=...}. */
    void get(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        refuseUpdate(params);
        answer(ctx, single(params, "query"), params);
    }

    /** {@code POST /sparql}: a form or the query itself as the body. */
    void post(Context ctx) {
        String type = mediaType(ctx.header("Content-Type"));
        if (type == null) {
            throw new ApiException(
                    400,
                    "Missing Content-Type",
                    "A POST to the SPARQL endpoint needs Content-Type " + FORM + " (query=...) or " + QUERY
                            + " (the query as the body).",
                    Map.of());
        }
        Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
        switch (type) {
            case FORM -> {
                utf8(ctx.bodyAsBytes());
                for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
                    params.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
                }
                Params.only(params, PARAMETERS);
                refuseUpdate(params);
                answer(ctx, single(params, "query"), params);
            }
            case QUERY -> {
                refuseUpdate(params);
                if (params.containsKey("query")) {
                    throw ApiException.badParameter(
                            "query", "A query sent as the body must not also be given as a query parameter.");
                }
                answer(ctx, utf8(ctx.bodyAsBytes()), params);
            }
            case UPDATE -> throw readOnly();
            default -> throw new ApiException(
                    415,
                    "Unsupported Media Type",
                    "The SPARQL endpoint takes " + FORM + " or " + QUERY + ", not " + type + ".",
                    Map.of());
        }
    }

    private void answer(Context ctx, String query, Map<String, List<String>> params) {
        List<IRI> defaults = iris(params, "default-graph-uri");
        List<IRI> named = iris(params, "named-graph-uri");
        String accept = ctx.header("Accept");
        SparqlResult result;
        try {
            result = queries.evaluate(query, endpoint, defaults, named);
        } catch (SparqlQueryException e) {
            throw problem(e);
        }
        ctx.header("Vary", "Accept");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (result instanceof SparqlResult.Graph graph) {
            Negotiated n = RecordFormat.negotiate(accept, false);
            if (n.outcome() != Negotiated.Outcome.RDF) {
                throw ApiException.notAcceptable(accept, "an RDF format (text/turtle, application/ld+json, ...)");
            }
            RecordWriter.write(graph.statements(), n.format(), out, answer.context());
            if (n.format() == RecordFormat.JSONLD && !n.mediaType().equals("application/ld+json")) {
                ctx.header("Link", answer.context().linkHeader());
            }
            ctx.contentType(n.mediaType() + "; charset=utf-8").result(out.toByteArray());
            return;
        }
        boolean bool = result instanceof SparqlResult.Bool;
        SparqlResultFormat format = SparqlResultFormat.negotiate(accept, bool)
                .orElseThrow(() -> ApiException.notAcceptable(
                        accept,
                        bool
                                ? "application/sparql-results+json, application/sparql-results+xml"
                                : "application/sparql-results+json, application/sparql-results+xml, text/csv,"
                                        + " text/tab-separated-values"));
        format.write(result, out);
        ctx.contentType(format.mediaType() + "; charset=utf-8").result(out.toByteArray());
    }

    private ApiException problem(SparqlQueryException e) {
        return switch (e.kind()) {
            case SYNTAX -> new ApiException(400, "Malformed query", e.getMessage(), Map.of());
            case UPDATE -> readOnly();
            case SERVICE -> new ApiException(400, "SERVICE not available", e.getMessage(), Map.of());
            case TOO_MANY_RESULTS -> new ApiException(
                    400, "Too many results", e.getMessage(), Map.of("maxResults", queries.maxResults()));
            case REMOTE -> new ApiException(502, "Remote endpoint failed", e.getMessage(), Map.of());
            case TIMEOUT -> new ApiException(
                    503,
                    "Query timeout",
                    e.getMessage(),
                    Map.of("timeoutSeconds", queries.timeout().toSeconds()));
        };
    }

    private static ApiException readOnly() {
        return new ApiException(
                403,
                "Read-only",
                "This SPARQL endpoint answers queries only; records are written through the publishing API"
                        + " (PUT, POST and DELETE on /records).",
                Map.of());
    }

    private static void refuseUpdate(Map<String, List<String>> params) {
        if (params.containsKey("update")
                || params.containsKey("using-graph-uri")
                || params.containsKey("using-named-graph-uri")) {
            throw readOnly();
        }
    }

    /** Exactly one value of {@code name} (SPARQL 1.1 Protocol 2.1.1: one query per request). */
    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.isEmpty() || values.get(0).isBlank()) {
            throw ApiException.badParameter(
                    name, "Give the SPARQL query in the '" + name + "' parameter, e.g. ?query=ASK%20%7B%7D.");
        }
        if (values.size() > 1) {
            throw ApiException.badParameter(name, "Give one query per request, not " + values.size() + ".");
        }
        return values.get(0);
    }

    private static List<IRI> iris(Map<String, List<String>> params, String name) {
        List<IRI> iris = new ArrayList<>();
        for (String value : params.getOrDefault(name, List.of())) {
            iris.add(Params.iri(name, value));
        }
        return iris;
    }

    /** {@code type/subtype} of a Content-Type, lower case; null if absent or blank. */
    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
                throw new ApiException(
                        415,
                        "Unsupported Media Type",
                        "The SPARQL endpoint reads UTF-8 only (SPARQL 1.1 Protocol 2.1.2 and 2.1.3), not "
                                + p.substring(8) + ".",
                        Map.of());
            }
        }
        return parts[0].trim().toLowerCase(Locale.ROOT);
    }

    /** The body as strict UTF-8: bytes that are not UTF-8 are a 400, never a U+FFFD in the query. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(
                    400, "Not UTF-8", "The request body is not UTF-8 (SPARQL 1.1 Protocol, section 2.1).", Map.of());
        }
    }
}
