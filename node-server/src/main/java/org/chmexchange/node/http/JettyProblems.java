package org.chmexchange.node.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches a route (a request line or header the
 * HTTP parser refuses: 400 bad URI or header, 414 URI too long, 431 headers too large, a bad {@code
 * Content-Length}; a body that times out), as RFC 9457 problem documents like every other error of
 * the node ({@link Problems}), instead of Jetty's HTML page. Installed as the server's error handler
 * and the servlet context's. The detail is Jetty's reason, never a stack trace or an exception's
 * class name.
 *
 * <p>Thread-safety: stateless.
 */
public final class JettyProblems extends ErrorHandler {

    /** Every method gets a problem document (Jetty's default: only GET, POST and HEAD get a body). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** A request the HTTP parser refused before it became a request: the same document, no instance path. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        int code = status >= 400 && status <= 599 ? status : 400;
        fields.put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(Problems.document(
                        new ApiException(code, HttpStatus.getMessage(code), detail(code, reason), Map.of()), "/")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        int status = code >= 400 && code <= 599 ? code : 500;
        String reason = HttpStatus.getMessage(status);
        String detail = detail(status, message);
        String instance = request.getHttpURI() == null || request.getHttpURI().getPath() == null
                ? "/"
                : request.getHttpURI().getPath();
        byte[] body = Problems.document(new ApiException(status, reason, detail, Map.of()), instance)
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** What the client can do about it, with Jetty's reason when it is a plain phrase. */
    static String detail(int status, String message) {
        String said = message == null || message.contains("Exception") || message.contains("\n") ? null : message;
        String advice =
                switch (status) {
                    case 400 -> "The request line, a header or the body framing is malformed";
                    case 408 -> "The request body did not arrive in time";
                    case 413 -> "The request body is larger than this node accepts";
                    case 414 -> "The request URI is longer than this node accepts (8 KiB of request line): put fewer"
                            + " or shorter parameters";
                    case 431 -> "The request headers are larger than this node accepts";
                    default -> "The node could not answer this request";
                };
        return advice
                + (said == null || said.equalsIgnoreCase(HttpStatus.getMessage(status)) ? "." : " (" + said + ").");
    }
}
