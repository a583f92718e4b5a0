package org.chmexchange.http;

import org.chmexchange.ChmException;

/**
 * A response had a status the caller could not accept (see {@link HttpClients#requireSuccess}). The
 * message names the status, the request and the start of the body: "HTTP 503 for GET
 * https://peer.example.org/changes/page: Service unavailable, try later".
 */
public class HttpStatusException extends ChmException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String method;
    private final String url;
    private final String bodyExcerpt;

    /**
     * @param status the HTTP status code
     * @param method the request method; not null
     * @param url the request URL, safe to show (no credentials); not null
     * @param bodyExcerpt the start of the response body as text, whitespace collapsed; empty if none;
     *     not null
     */
    public HttpStatusException(int status, String method, String url, String bodyExcerpt) {
        super("HTTP " + status + " for " + method + " " + url + (bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt));
        this.status = status;
        this.method = method;
        this.url = url;
        this.bodyExcerpt = bodyExcerpt;
    }

    /** @return the HTTP status code */
    public int status() {
        return status;
    }

    /** @return the request method */
    public String method() {
        return method;
    }

    /** @return the request URL without credentials or secret query parameters */
    public String url() {
        return url;
    }

    /** @return at most {@value HttpClients#EXCERPT_CHARS} characters of the body; may be empty, not null */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** @return true for 408, 429 and 5xx: a later attempt (the next scheduled run) may succeed */
    public boolean isTransient() {
        return status == 408 || status == 429 || status >= 500;
    }
}
