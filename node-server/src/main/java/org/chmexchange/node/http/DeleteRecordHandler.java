package org.chmexchange.node.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import org.chmexchange.node.auth.RecordFacts;
import org.chmexchange.node.auth.Token;
import org.chmexchange.store.WriteRequest;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /records/{type}/{id}} and {@code DELETE /records?iri=<IRI>}: deletes a record the
 * token's scope covers (judged on the stored version). Answers 204; 404 if the node has no such
 * record; 401 and 403 as {@link Publishing} says.
 */
final class DeleteRecordHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteRecordHandler.class);

    private final Publishing publishing;
    private final RecordTarget.Resolver target;

    DeleteRecordHandler(Publishing publishing, RecordTarget.Resolver target) {
        this.publishing = publishing;
        this.target = target;
    }

    @Override
    public void handle(Context ctx) {
        Token token = publishing.authenticate(ctx);
        IRI iri = target.resolve(ctx).iri();
        Model stored = publishing
                .store()
                .get(iri)
                .orElseThrow(() -> ApiException.notFound("This node has no record <" + iri + ">."));
        publishing.checkScope(token, List.of(RecordFacts.of(stored, iri)));
        publishing.checkOwnership(token, List.of(iri));
        WriteRequest delete = new WriteRequest(
                publishing.graphOf(token),
                new LinkedHashModel(),
                java.util.Set.of(iri),
                true,
                java.util.Map.of(),
                new LinkedHashModel());
        if (publishing.store().write(delete).deleted().isEmpty()) {
            throw ApiException.notFound("This node has no record <" + iri + ">.");
        }
        LOG.info("Token '{}' deleted <{}>", token.name(), iri);
        ctx.status(204);
    }
}
