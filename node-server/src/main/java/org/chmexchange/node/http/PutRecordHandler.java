package org.chmexchange.node.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.chmexchange.admission.Batch;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.auth.RecordFacts;
import org.chmexchange.node.auth.Token;
import org.chmexchange.store.WriteResult;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /records/{type}/{id}} and {@code PUT /records?iri=<IRI>}: idempotent upsert of one
 * record. The body (Turtle, N-Triples, N-Quads, JSON-LD, RDF/XML or TriG) is parsed with the record
 * IRI as base, so {@code <>} is the record; it must describe exactly that record (and, for the
 * path form, with the type the path names).
 *
 * <p>Answers 201 {@code {"id": iri, "result": "created"}}, or 200 with {@code "updated"} or
 * {@code "unchanged"}; 400, 401, 403, 413, 415 and 422 as {@link Publishing} says.
 */
final class PutRecordHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(PutRecordHandler.class);

    private final Publishing publishing;
    private final RecordTarget.Resolver target;

    PutRecordHandler(Publishing publishing, RecordTarget.Resolver target) {
        this.publishing = publishing;
        this.target = target;
    }

    @Override
    public void handle(Context ctx) {
        Token token = publishing.authenticate(ctx);
        RecordTarget record = target.resolve(ctx);
        IRI iri = record.iri();
        Model body = publishing.readBody(ctx, iri.stringValue());
        Batch batch = BodyRecords.split(body);
        Map<IRI, Model> records = batch.records();
        if (!records.keySet().equals(Set.of(iri))) {
            throw ApiException.badRequest(
                    "Wrong record",
                    "The URL names <" + iri + ">, but the body describes " + records.keySet()
                            + "; a PUT carries exactly the record it names (use POST /records for several).",
                    Map.of("record", iri.stringValue()));
        }
        RecordFacts facts = RecordFacts.of(body, iri);
        if (record.type().isPresent() && !facts.type().equals(record.type())) {
            RecordType named = record.type().get();
            throw ApiException.badRequest(
                    "Wrong record type",
                    "The URL names a " + named.slug() + " but the body describes <" + iri + "> as a "
                            + facts.type().map(RecordType::slug).orElse("record of no type") + ".",
                    Map.of("record", iri.stringValue()));
        }
        publishing.admit(token, batch);
        WriteResult result = publishing.store(batch, token);
        String outcome =
                result.created().contains(iri) ? "created" : result.updated().contains(iri) ? "updated" : "unchanged";
        LOG.info("Token '{}' wrote <{}>: {}", token.name(), iri, outcome);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", iri.stringValue());
        answer.put("result", outcome);
        ctx.status(outcome.equals("created") ? 201 : 200)
                .contentType("application/json")
                .result(Json.write(answer));
    }
}
