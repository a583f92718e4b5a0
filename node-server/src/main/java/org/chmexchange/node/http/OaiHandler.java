package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.chmexchange.oai.OaiProvider;
import org.eclipse.jetty.http.MimeTypes;

/**
 * {@code GET /oai} and {@code POST /oai}: the OAI-PMH 2.0 provider (OAI-PMH 2.0 section 3.1.1:
 * arguments in the query of a GET, or as an {@code application/x-www-form-urlencoded} POST body).
 * Every OAI-PMH answer is a 200 {@code text/xml}, protocol errors included (section 3.6); a POST
 * of another media type is a 415 problem document. {@code GET /oai/rdf.xsd} serves the schema of
 * the {@code rdf} metadata format.
 */
final class OaiHandler {

    static final String PATH = "/oai";
    static final String SCHEMA_PATH = PATH + "/" + OaiProvider.RDF_SCHEMA_RESOURCE;
    private static final String FORM = "application/x-www-form-urlencoded";

    private final OaiProvider provider;

    OaiHandler(OaiProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    void get(Context ctx) throws IOException {
        answer(ctx, ctx.queryParamMap());
    }

    void post(Context ctx) throws IOException {
        String type = ctx.contentType() == null
                ? ""
                : MimeTypes.getContentTypeWithoutCharset(ctx.contentType())
                        .trim()
                        .toLowerCase(Locale.ROOT);
        if (!FORM.equals(type)) {
            throw ApiException.unsupportedMediaType(ctx.contentType(), List.of(FORM));
        }
        answer(ctx, ctx.formParamMap());
    }

    private void answer(Context ctx, Map<String, List<String>> arguments) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.respond(arguments, out);
        ctx.contentType(OaiProvider.CONTENT_TYPE);
        ctx.header("Cache-Control", "no-cache");
        ctx.result(out.toByteArray());
    }

    static void schema(Context ctx) {
        ctx.contentType("application/xml");
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.result(OaiProvider.rdfSchema());
    }
}
