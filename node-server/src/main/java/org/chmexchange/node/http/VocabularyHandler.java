package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.chmexchange.rdf.Negotiated;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordWriter;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.Model;

/**
 * The vocabulary at URLs of the node (issue 10, part 1), so that clients need no other server:
 * {@code GET /ns/context.jsonld} is the JSON-LD context ({@code application/ld+json}), {@code GET
 * /ns} the ontology and {@code GET /ns/shapes} the SHACL shapes, each by content negotiation in every
 * RDF format the node writes (Turtle for {@code *}{@code /*} or no {@code Accept}; 406 otherwise).
 * The documents are those the node itself loads ({@link Vocabularies}); each format is written once
 * and kept. Answers carry {@code Cache-Control: public, max-age=3600} and {@code Vary: Accept}.
 * Thread-safe; the answers do not depend on the store, so they are served while the node starts.
 */
final class VocabularyHandler {

    private static final String CACHE = "public, max-age=3600";

    private final byte[] context = Vocabularies.contextJson().getBytes(StandardCharsets.UTF_8);
    private final Document ontology = new Document(Vocabularies::ontology);
    private final Document shapes = new Document(Vocabularies::shapes);

    void context(Context ctx) {
        ctx.header("Cache-Control", CACHE).contentType("application/ld+json").result(context);
    }

    void ontology(Context ctx) {
        ontology.answer(ctx);
    }

    void shapes(Context ctx) {
        shapes.answer(ctx);
    }

    /** One RDF document, written lazily once per format. */
    private static final class Document {
        private final Supplier<Model> source;
        private final Map<RecordFormat, byte[]> written = new EnumMap<>(RecordFormat.class);
        private Model model;

        Document(Supplier<Model> source) {
            this.source = source;
        }

        void answer(Context ctx) {
            String accept = ctx.header("Accept");
            Negotiated n = RecordFormat.negotiate(accept, false);
            if (n.outcome() != Negotiated.Outcome.RDF) {
                throw ApiException.notAcceptable(
                        accept,
                        "text/turtle, application/ld+json, application/rdf+xml, application/trig,"
                                + " application/n-triples, application/n-quads");
            }
            ctx.header("Vary", "Accept")
                    .header("Cache-Control", CACHE)
                    .contentType(n.mediaType() + "; charset=utf-8")
                    .result(bytes(n.format()));
        }

        private synchronized byte[] bytes(RecordFormat format) {
            if (model == null) {
                model = source.get();
            }
            return written.computeIfAbsent(format, f -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                RecordWriter.write(model, f, out);
                return out.toByteArray();
            });
        }
    }
}
