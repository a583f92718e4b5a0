package org.chmexchange.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.chmexchange.ChmException;
import org.chmexchange.http.Idempotent;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordWriter;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;

/**
 * Protocol {@code peer}: another CHM Exchange node's publishing API (docs/EXCHANGE.md): records as
 * one atomic {@code POST /records} of N-Triples, deletions as {@code DELETE /records?iri=}.
 */
final class PeerChannel implements BatchPublishChannel {

    /** The protocol name. */
    static final String PROTOCOL = "peer";

    /** The statuses by which a peer refuses a change for what it is (RFC 9110 section 15.5). */
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 409, 413, 422);

    private final OkHttpClient http;

    PeerChannel(OkHttpClient http) {
        this.http = http;
    }

    /** The factory the registry finds. */
    public static final class Factory implements PublishChannelFactory {
        @Override
        public String protocol() {
            return PROTOCOL;
        }

        @Override
        public PublishChannel create(PublishTarget target, OkHttpClient http) {
            if (!target.options().isEmpty()) {
                throw new IllegalArgumentException(
                        "Publish target " + target.name() + ": protocol peer has no option; got "
                                + target.options().keySet());
            }
            return new PeerChannel(http);
        }
    }

    @Override
    public Refusal upsertAll(PublishTarget target, Model records) {
        return post(target, records);
    }

    @Override
    public Refusal upsert(PublishTarget target, IRI record, Model statements) {
        return post(target, statements);
    }

    @Override
    public Refusal delete(PublishTarget target, IRI record) {
        Request request = new Request.Builder()
                .url(target.base() + "records?iri=" + URLEncoder.encode(record.stringValue(), StandardCharsets.UTF_8))
                .delete()
                .build();
        return send(target, request, "DELETE");
    }

    private Refusal post(PublishTarget target, Model records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RecordWriter.write(records, RecordFormat.NTRIPLES, body);
        // A batch upsert by IRI: sending it twice has the effect of sending it once, so it may be retried.
        Request request = Idempotent.mark(new Request.Builder()
                        .url(target.base() + "records")
                        .post(RequestBody.create(body.toByteArray(), MediaType.get(RecordFormat.NTRIPLES.mediaType()))))
                .build();
        return send(target, request, "POST");
    }

    /**
     * Sends a request: null if the peer accepted it (a DELETE answered 404 counts: the record is
     * gone there), a refusal if it refused the change for what it is ({@link #REFUSALS}).
     *
     * @throws ChmException for any other answer or a network failure: the run stops
     */
    private Refusal send(PublishTarget target, Request request, String what) {
        try (Response response = http.newCall(request).execute()) {
            if (response.isSuccessful() || (what.equals("DELETE") && response.code() == 404)) {
                return null;
            }
            String answer = response.body().string();
            if (REFUSALS.contains(response.code())) {
                return new Refusal(response.code(), answer);
            }
            throw new ChmException("Publishing to " + target.name() + ": " + what + " " + request.url() + " answered "
                    + response.code() + ": " + Publisher.excerpt(answer));
        } catch (IOException e) {
            throw new ChmException(
                    "Publishing to " + target.name() + ": " + what + " " + request.url() + " failed: " + e.getMessage(),
                    e);
        }
    }
}
