package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.chmexchange.rdf.JsonLdContext;
import org.chmexchange.rdf.Negotiated;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordWriter;
import org.eclipse.rdf4j.model.Model;

/**
 * One whole RDF document the node serves by content negotiation (the ontology, the shapes, the
 * thesaurus): every RDF format the node writes, Turtle for {@code *}{@code /*} or no {@code Accept},
 * 406 otherwise. JSON-LD names the context it is given and, when sent as {@code application/json},
 * links it ({@link JsonLdContext#linkHeader()}). The model is loaded on first use and each format is
 * written once and kept. Answers carry {@code Cache-Control: public, max-age=3600} and {@code Vary:
 * Accept}. Thread-safe.
 */
final class RdfDocument {

    private static final String CACHE = "public, max-age=3600";

    private final Supplier<Model> source;
    private final Map<String, byte[]> written = new HashMap<>();
    private Model model;

    /** @param source gives the model once, on first use; the document never changes after */
    RdfDocument(Supplier<Model> source) {
        this.source = source;
    }

    void answer(Context ctx, JsonLdContext context) {
        Negotiated n = negotiate(ctx, context);
        ctx.header("Cache-Control", CACHE).result(bytes(n.format(), context));
    }

    /**
     * Sends {@code model} (built for this request) by content negotiation, as {@link #answer} sends a
     * kept document, with {@code Cache-Control: no-cache}.
     */
    static void send(Context ctx, Model model, JsonLdContext context) {
        Negotiated n = negotiate(ctx, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(model, n.format(), out, context);
        ctx.header("Cache-Control", "no-cache").result(out.toByteArray());
    }

    /** The RDF format for the request (406 if none), with the answer's type and headers set. */
    private static Negotiated negotiate(Context ctx, JsonLdContext context) {
        String accept = ctx.header("Accept");
        Negotiated n = RecordFormat.negotiate(accept, false);
        if (n.outcome() != Negotiated.Outcome.RDF) {
            throw ApiException.notAcceptable(
                    accept,
                    "text/turtle, application/ld+json, application/rdf+xml, application/trig,"
                            + " application/n-triples, application/n-quads");
        }
        if (n.format() == RecordFormat.JSONLD && !n.mediaType().equals("application/ld+json")) {
            ctx.header("Link", context.linkHeader());
        }
        ctx.header("Vary", "Accept").contentType(n.mediaType() + "; charset=utf-8");
        return n;
    }

    private synchronized byte[] bytes(RecordFormat format, JsonLdContext context) {
        if (model == null) {
            model = source.get();
        }
        String key = format == RecordFormat.JSONLD ? format + " " + context.url() : format.toString();
        return written.computeIfAbsent(key, k -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RecordWriter.write(model, format, out, context);
            return out.toByteArray();
        });
    }
}
