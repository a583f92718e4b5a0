package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chmexchange.odata.InformeaProvider;
import org.chmexchange.odata.ODataAnswer;
import org.chmexchange.odata.ODataCall;

/**
 * {@code /informea.svc} and everything under it: the InforMEA OData V2 API over the node's records
 * ({@link InformeaProvider}; docs/INFORMEA.md, "Provider"). {@code /informea.svc} itself redirects
 * (307) to {@code /informea.svc/}, as Olingo's servlet does. The path after the service root goes to
 * Olingo still percent-encoded (its URI parser decodes key predicates itself); the answer, errors
 * included, is Olingo's.
 */
final class InformeaHandler {

    static final String PATH = "/informea.svc";

    private final InformeaProvider provider;

    InformeaHandler(InformeaProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    void handle(Context ctx) {
        String uri = ctx.req().getRequestURI();
        int at = uri.indexOf(PATH);
        String rest = at < 0 ? "" : uri.substring(at + PATH.length());
        if (rest.isEmpty()) {
            // as Olingo's servlet does: the service root ends in '/', so that the relative links of
            // the service document resolve under it
            String query = ctx.req().getQueryString();
            ctx.status(307);
            ctx.header("Location", PATH + "/" + (query == null ? "" : "?" + query));
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : java.util.Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, java.util.Collections.list(ctx.req().getHeaders(name)));
        }
        ODataAnswer answer = provider.serve(new ODataCall(ctx.method().name(), rest, ctx.queryParamMap(), headers));
        ctx.status(answer.status());
        answer.headers().forEach(ctx::header);
        ctx.result(answer.body());
    }
}
