package org.chmexchange.node.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordWriter;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Thesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/**
 * {@code GET /records/{type}/{id}}: dereferences the record IRI {@code {base}records/{type}/{id}}
 * with content negotiation (Turtle, JSON-LD, RDF/XML, N-Triples, N-Quads; HTML for browsers);
 * 404 if the node has no such record, 406 if no representation is acceptable.
 */
final class RecordHandler implements Handler {

    private final RecordStore store;
    private final Thesaurus thesaurus;
    private final String base;
    private final JsonLdAnswer answer;

    RecordHandler(RecordStore store, Thesaurus thesaurus, String base) {
        this.store = store;
        this.thesaurus = thesaurus;
        this.base = base;
        this.answer = new JsonLdAnswer(base);
    }

    @Override
    public void handle(Context ctx) {
        String type = ctx.pathParam("type");
        String id = ctx.pathParam("id");
        RecordType recordType = RecordType.fromSlug(type)
                .orElseThrow(() -> ApiException.notFound("There is no record type '" + type + "' on this node."));
        if (!RecordType.ID.matcher(id).matches()) {
            throw ApiException.notFound("'" + id + "' is not a record id (letters, digits, '.', '_', '~', '-').");
        }
        IRI iri = recordType.mint(base, id);
        Model record = store.get(iri).orElseThrow(() -> missing(iri));
        Negotiation.Choice choice = Negotiation.forRecord(ctx.header("Accept"));
        ctx.header("Vary", "Accept");
        if (choice.html()) {
            ctx.contentType("text/html; charset=utf-8").result(HtmlView.record(iri, record, thesaurus, base));
            return;
        }
        RecordFormat format = choice.format();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(record, format, out, answer.context());
        if (format == RecordFormat.JSONLD && !choice.mediaType().equals("application/ld+json")) {
            ctx.header("Link", answer.context().linkHeader());
        }
        ctx.contentType(choice.mediaType() + "; charset=utf-8").result(out.toByteArray());
    }

    /** 410 Gone for a deleted record (its tombstone is in the change log), else 404. */
    private ApiException missing(IRI iri) {
        return store.lastChange(iri)
                .filter(c -> c.kind() == ChangeKind.DELETE)
                .map(c -> new ApiException(
                        410,
                        "Gone",
                        "The record <" + iri + "> was deleted at " + c.time() + ".",
                        Map.of("deleted", c.time().toString())))
                .orElseGet(() -> ApiException.notFound("This node has no record <" + iri + ">."));
    }
}
