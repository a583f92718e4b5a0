package org.chmexchange.node.http;

import java.util.Map;
import org.chmexchange.ChmException;

/**
 * An error the API answers with an RFC 9457 problem document ({@code application/problem+json}):
 * the HTTP status, a short title and a detail that says what to change.
 */
public class ApiException extends ChmException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient Map<String, Object> extensions;

    /**
     * @param status HTTP status, 4xx or 5xx
     * @param title short, stable summary of the problem type ("Bad parameter")
     * @param detail what was wrong with this request and how to fix it
     * @param extensions extra members of the problem document (for example the parameter name); not null
     */
    public ApiException(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
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
