package org.chmexchange.harvest.sparql;

import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * One SPARQL 1.1 Protocol query request (section 2.1): {@code query} and an optional
 * {@code default-graph-uri}, sent by GET when the URL stays short, else by POST as
 * {@code application/x-www-form-urlencoded} (which every SPARQL 1.1 endpoint accepts).
 *
 * @param endpoint the query endpoint; its own query parameters are kept; not null
 * @param query the query text; not blank
 * @param accept the {@code Accept} header (the result format); not blank
 * @param defaultGraph the {@code default-graph-uri}, or null for the endpoint's default graph
 */
record SparqlRequest(HttpUrl endpoint, String query, String accept, String defaultGraph) {

    /** The longest URL sent by GET; longer requests are POSTed (servers and proxies cut long URLs). */
    static final int MAX_GET_URL = 2048;

    /** Checks the values. */
    SparqlRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("A SPARQL request needs a query");
        }
        if (accept == null || accept.isBlank()) {
            throw new IllegalArgumentException("A SPARQL request needs an Accept header");
        }
        if (defaultGraph != null && !SparqlQueries.isWritableIri(defaultGraph)) {
            throw new IllegalArgumentException("default-graph-uri is not an absolute IRI: " + defaultGraph);
        }
    }

    /** The GET form: the endpoint with {@code query} (and {@code default-graph-uri}) appended. */
    HttpUrl toUrl() {
        HttpUrl.Builder url = endpoint.newBuilder().addQueryParameter("query", query);
        if (defaultGraph != null) {
            url.addQueryParameter("default-graph-uri", defaultGraph);
        }
        return url.build();
    }

    /** Whether this request goes by POST ({@link #toUrl()} is longer than {@link #MAX_GET_URL}). */
    boolean post() {
        return toUrl().toString().length() > MAX_GET_URL;
    }

    /** The HTTP request: GET of {@link #toUrl()}, or a form POST to the endpoint when too long. */
    Request toRequest() {
        Request.Builder request = new Request.Builder().header("Accept", accept);
        if (!post()) {
            return request.url(toUrl()).get().build();
        }
        FormBody.Builder form = new FormBody.Builder().add("query", query);
        if (defaultGraph != null) {
            form.add("default-graph-uri", defaultGraph);
        }
        return request.url(endpoint).post(form.build()).build();
    }

    /** The method and the endpoint, for messages (the query is long; see {@link #query()}). */
    String describe() {
        return (post() ? "POST " : "GET ") + endpoint;
    }
}
