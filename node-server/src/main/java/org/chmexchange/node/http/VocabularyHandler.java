package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.chmexchange.rdf.JsonLdContext;
import org.chmexchange.vocab.Vocabularies;

/**
 * The vocabulary at URLs of the node (issue 10, part 1), so that clients need no other server:
 * {@code GET /ns/context.jsonld} is the JSON-LD context ({@code application/ld+json}), {@code GET
 * /ns} the ontology and {@code GET /ns/shapes} the SHACL shapes, each by content negotiation in every
 * RDF format the node writes (Turtle for {@code *}{@code /*} or no {@code Accept}; 406 otherwise).
 * The documents are those the node itself loads ({@link Vocabularies}), served as {@link
 * RdfDocument}s. Thread-safe; the answers do not depend on the store, so they are served while the
 * node starts (JSON-LD then names the canonical context, the node's base being unknown).
 */
final class VocabularyHandler {

    private static final String CACHE = "public, max-age=3600";

    private final byte[] context = Vocabularies.contextJson().getBytes(StandardCharsets.UTF_8);
    private final RdfDocument ontology = new RdfDocument(Vocabularies::ontology);
    private final RdfDocument shapes = new RdfDocument(Vocabularies::shapes);
    private final Supplier<JsonLdContext> jsonLdContext;

    /**
     * @param jsonLdContext the context JSON-LD answers name: the node's own once it listens ({@link
     *     JsonLdAnswer#contextOf(String)}), the canonical one while it starts
     */
    VocabularyHandler(Supplier<JsonLdContext> jsonLdContext) {
        this.jsonLdContext = jsonLdContext;
    }

    void context(Context ctx) {
        ctx.header("Cache-Control", CACHE).contentType("application/ld+json").result(context);
    }

    void ontology(Context ctx) {
        ontology.answer(ctx, jsonLdContext.get());
    }

    void shapes(Context ctx) {
        shapes.answer(ctx, jsonLdContext.get());
    }
}
