package org.chmexchange.node.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chmexchange.ChmException;
import org.chmexchange.validation.ValidationReport;

/**
 * An error the API answers with an RFC 9457 problem document ({@code application/problem+json}):
 * the HTTP status, a short title and a detail that says what to change.
 */
public class ApiException extends ChmException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient Map<String, Object> extensions;
    private final transient Map<String, String> headers;

    /**
     * @param status HTTP status, 4xx or 5xx
     * @param title short, stable summary of the problem type ("Bad parameter")
     * @param detail what was wrong with this request and how to fix it
     * @param extensions extra members of the problem document (for example the parameter name); not null
     */
    public ApiException(int status, String title, String detail, Map<String, Object> extensions) {
        this(status, title, detail, extensions, Map.of());
    }

    /**
     * @param status HTTP status, 4xx or 5xx
     * @param title short, stable summary of the problem type ("Bad parameter")
     * @param detail what was wrong with this request and how to fix it
     * @param extensions extra members of the problem document, in this order; not null
     * @param headers response headers to send with the problem (for example {@code WWW-Authenticate});
     *     not null
     */
    public ApiException(
            int status, String title, String detail, Map<String, Object> extensions, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        this.headers = Map.copyOf(headers);
    }

    /** 400 for a bad query parameter, naming the parameter. */
    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(400, "Bad parameter", detail, Map.of("parameter", parameter));
    }

    /** 404 for something the node does not have. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail, Map.of());
    }

    /** 406 when no representation the node has is acceptable. */
    public static ApiException notAcceptable(String accept, String available) {
        return new ApiException(
                406,
                "Not acceptable",
                "No representation matches Accept: " + accept + ". Available: " + available,
                Map.of());
    }

    /** 400 for a request body or URL that cannot be acted on. */
    public static ApiException badRequest(String title, String detail, Map<String, Object> extensions) {
        return new ApiException(400, title, detail, extensions);
    }

    /**
     * 401 for a write without a known bearer token, with {@code WWW-Authenticate: Bearer} (RFC 6750
     * section 3; {@code error="invalid_token"} when a token was sent but is not known).
     */
    public static ApiException unauthorized(String detail, boolean tokenSent) {
        String challenge = "Bearer realm=\"chm-node\"" + (tokenSent ? ", error=\"invalid_token\"" : "");
        return new ApiException(401, "Unauthorized", detail, Map.of(), Map.of("WWW-Authenticate", challenge));
    }

    /** 403 for a record outside the token's scope. */
    public static ApiException forbidden(String detail, Map<String, Object> extensions) {
        return new ApiException(403, "Forbidden", detail, extensions);
    }

    /** 413 for a request body over the node's limit. */
    public static ApiException tooLarge(long limit) {
        return new ApiException(
                413,
                "Content too large",
                "The request body is larger than this node accepts (" + limit
                        + " bytes); send fewer records per request.",
                Map.of("maxRequestBytes", limit));
    }

    /** 415 for a request body in a format the node does not read. */
    public static ApiException unsupportedMediaType(String contentType, List<String> supported) {
        return new ApiException(
                415,
                "Unsupported media type",
                (contentType == null
                                ? "The request has no Content-Type"
                                : "Content-Type " + contentType + " is not an RDF format this node reads")
                        + "; send one of " + String.join(", ", supported) + ".",
                Map.of("supported", supported));
    }

    /**
     * 422 for records that break the shapes: the problem document carries the members of
     * {@link ValidationReport#toMap()} ({@code conforms}, {@code violationCount}, {@code violations}).
     */
    public static ApiException invalid(String detail, ValidationReport report) {
        return new ApiException(422, "Invalid records", detail, report.toMap());
    }

    /** Headers to send with the problem document; not null, may be empty. */
    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
