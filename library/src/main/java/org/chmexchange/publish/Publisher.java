package org.chmexchange.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.chmexchange.ChmException;
import org.chmexchange.http.Idempotent;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordWriter;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.ChangePage;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes this node's own changes (records minted under its base IRI) to a peer's publishing API:
 * created and updated records in one atomic {@code POST /records} per page of the change log, and
 * each deletion as {@code DELETE /records?iri=}. The position in the change log is saved only after
 * the peer accepted a page, so delivery is at-least-once; the peer's writes are idempotent (a
 * record sent twice is "unchanged", a record deleted twice answers 404, taken as done), so a run
 * after a crash simply resumes.
 *
 * <p>Thread-safety: one run per target at a time (the caller schedules).
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int PAGE = 200;

    private final RecordStore store;
    private final OkHttpClient http;
    private final String base;

    /**
     * @param store this node's store; not closed by this class
     * @param http the shared client, with the bearer token of each target's host
     * @param base this node's base IRI: only records under {@code {base}records/} are published
     */
    public Publisher(RecordStore store, OkHttpClient http, String base) {
        this.store = Objects.requireNonNull(store, "store");
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
    }

    /** Publishes everything since the target's saved position. Never throws for a failing peer. */
    public PublishOutcome run(PublishTarget target) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long position = store.setting(SettingKey.publishPosition(target.name()))
                .map(Long::parseLong)
                .orElse(0L);
        long upserted = 0;
        long deleted = 0;
        String error = null;
        try {
            ChangePage page;
            do {
                page = store.changes(ChangeQuery.ALL, position, PAGE);
                Map<IRI, ChangeKind> last = new LinkedHashMap<>();
                for (ChangeEntry e : page.items()) {
                    if (e.record().stringValue().startsWith(base + "records/")) {
                        last.remove(e.record());
                        last.put(e.record(), e.kind());
                    }
                }
                Model records = new LinkedHashModel();
                for (Map.Entry<IRI, ChangeKind> e : last.entrySet()) {
                    if (e.getValue() != ChangeKind.DELETE) {
                        Optional<Model> current = store.get(e.getKey()); // absent: a later page deletes it
                        current.ifPresent(records::addAll);
                        upserted += current.isPresent() ? 1 : 0;
                    }
                }
                if (!records.isEmpty()) {
                    post(target, records);
                }
                for (Map.Entry<IRI, ChangeKind> e : last.entrySet()) {
                    if (e.getValue() == ChangeKind.DELETE) {
                        delete(target, e.getKey());
                        deleted++;
                    }
                }
                position = page.position();
                store.setSetting(SettingKey.publishPosition(target.name()), Long.toString(position));
            } while (page.more());
        } catch (ChmException e) {
            error = e.getMessage();
            LOG.warn("Publishing to {} stopped at change {}: {}", target.name(), position, error);
        }
        PublishOutcome outcome = new PublishOutcome(
                target.name(),
                started,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                upserted,
                deleted,
                position,
                error);
        store.setSetting(SettingKey.publishStatus(target.name()), toJson(outcome));
        return outcome;
    }

    /** The outcome of the last run for a target, if any. */
    public Optional<PublishOutcome> lastOutcome(PublishTarget target) {
        return store.setting(SettingKey.publishStatus(target.name())).map(json -> {
            try {
                return JSON.readValue(json, PublishOutcome.class);
            } catch (JsonProcessingException e) {
                throw new ChmException("The saved publishing status of " + target.name() + " is not valid JSON", e);
            }
        });
    }

    private void post(PublishTarget target, Model records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RecordWriter.write(records, RecordFormat.NTRIPLES, body);
        // A batch upsert by IRI: sending it twice has the effect of sending it once, so it may be retried.
        Request request = Idempotent.mark(new Request.Builder()
                        .url(target.base() + "records")
                        .post(RequestBody.create(body.toByteArray(), MediaType.get(RecordFormat.NTRIPLES.mediaType()))))
                .build();
        send(target, request, "POST");
    }

    private void delete(PublishTarget target, IRI record) {
        Request request = new Request.Builder()
                .url(target.base() + "records?iri=" + URLEncoder.encode(record.stringValue(), StandardCharsets.UTF_8))
                .delete()
                .build();
        send(target, request, "DELETE");
    }

    private void send(PublishTarget target, Request request, String what) {
        try (Response response = http.newCall(request).execute()) {
            boolean goneAlready = what.equals("DELETE") && response.code() == 404;
            if (!response.isSuccessful() && !goneAlready) {
                String excerpt = response.body().string();
                throw new ChmException(
                        "Publishing to " + target.name() + ": " + what + " " + request.url() + " answered "
                                + response.code() + ": " + excerpt.substring(0, Math.min(500, excerpt.length())));
            }
        } catch (IOException e) {
            throw new ChmException(
                    "Publishing to " + target.name() + ": " + what + " " + request.url() + " failed: " + e.getMessage(),
                    e);
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the publishing status as JSON", e);
        }
    }
}
