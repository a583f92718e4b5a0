package org.chmexchange.node.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chmexchange.admission.Batch;
import org.chmexchange.node.auth.Token;
import org.chmexchange.store.WriteResult;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /records}: a batch of records with any IRIs in one body, written atomically (all or
 * nothing: one {@code RecordStore.put}). Relative IRIs resolve against {@code {base}records}.
 * Answers 200 {@code {"created": [...], "updated": [...], "unchanged": [...]}}; 400, 401, 403, 413,
 * 415 and 422 as {@link Publishing} says, and then nothing of the batch is stored.
 */
final class PostRecordsHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(PostRecordsHandler.class);

    private final Publishing publishing;

    PostRecordsHandler(Publishing publishing) {
        this.publishing = publishing;
    }

    @Override
    public void handle(Context ctx) {
        Token token = publishing.authenticate(ctx);
        Model body = publishing.readBody(ctx, publishing.base() + "records");
        Batch batch = BodyRecords.split(body);
        int records = batch.records().size();
        publishing.admit(token, batch);
        WriteResult result = publishing.store(batch, token);
        LOG.info(
                "Token '{}' wrote {} records: {} created, {} updated, {} unchanged",
                token.name(),
                records,
                result.created().size(),
                result.updated().size(),
                result.unchanged().size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("created", strings(result.created()));
        answer.put("updated", strings(result.updated()));
        answer.put("unchanged", strings(result.unchanged()));
        ctx.status(200).contentType("application/json").result(Json.write(answer));
    }

    private static List<String> strings(List<IRI> iris) {
        return iris.stream().map(IRI::stringValue).toList();
    }
}
