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
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/**
 * {@code GET /records/{type}/{id}}: dereferences the record IRI {@code {base}records/{type}/{id}}
 * with content negotiation (Turtle, JSON-LD, RDF/XML, TriG, N-Triples, N-Quads; the portal's page
 * for browsers); {@code GET /record?iri=} does the same for any record the node holds, its own or
 * harvested. {@code format} (a file extension: {@code ttl}, {@code jsonld}, {@code rdf}, {@code
 * trig}, {@code nt}, {@code nq}) overrides {@code Accept}, for links. 404 if the node has no such
 * record, 410 if it was deleted, 406 if no representation is acceptable, 400 for an unknown format.
 */
final class RecordHandler implements Handler {

    private final RecordStore store;
    private final String base;
    private final JsonLdAnswer answer;

    /** The query parameters of both addresses. */
    static final java.util.List<String> PARAMETERS = java.util.List.of("format", "lang");

    private final PortalHandler portal;

    RecordHandler(RecordStore store, String base, PortalHandler portal) {
        this.portal = portal;
        this.store = store;
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
        answer(ctx, iri, ctx.path());
    }

    /** {@code GET /record?iri=}: any record the node holds, by its IRI. */
    void byIri(Context ctx) {
        String value = RecordListRequest.single(ctx.queryParamMap(), "iri");
        if (value == null) {
            throw ApiException.badParameter("iri", "Give the record IRI: /record?iri=https://...");
        }
        IRI iri = Params.iri("iri", value);
        answer(ctx, iri, "/record?iri=" + org.chmexchange.node.portal.Page.Urls.encode(iri.stringValue()));
    }

    private void answer(Context ctx, IRI iri, String self) {
        Model record = store.get(iri).orElseThrow(() -> missing(iri));
        Negotiation.Choice choice = chosen(ctx);
        ctx.header("Vary", "Accept");
        if (choice.html()) {
            portal.record(ctx, iri, record, self);
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

    /** The representation asked for: {@code format} if given, else by {@code Accept}. */
    private static Negotiation.Choice chosen(Context ctx) {
        String format = RecordListRequest.single(ctx.queryParamMap(), "format");
        if (format == null) {
            return Negotiation.forRecord(ctx.header("Accept"));
        }
        RecordFormat f = RecordFormat.forExtension(format)
                .orElseThrow(() -> ApiException.badParameter(
                        "format", "Unknown format '" + format + "'; give one of ttl, jsonld, rdf, trig, nt, nq."));
        return new Negotiation.Choice(false, f, f.mediaType());
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
