package org.chmexchange.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.chmexchange.ChmException;
import org.chmexchange.admission.ModifiedAtSource;
import org.chmexchange.http.Idempotent;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordWriter;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.ChangePage;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.chmexchange.store.WriteRequest;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes this node's own changes to a peer's publishing API: created and updated records in one
 * atomic {@code POST /records} per page of the change log, and each deletion as {@code DELETE
 * /records?iri=}. Its own records are those minted under its base IRI ({@code {base}records/}) and
 * held in one of its own graphs ({@link RecordStore#isOwnGraph}: written by the library into its
 * local graph, or through its publishing API into a publisher's graph); reference data, sample data
 * and harvested records are not its to publish. The position in the change log is saved only after
 * the peer answered a page, so delivery is at-least-once; the peer's writes are idempotent (a record sent twice is "unchanged", a record
 * deleted twice answers 404, taken as done), so a run after a crash simply resumes.
 *
 * <p><b>Dead letters.</b> A peer that refuses a change for what it is (400, 403, 409, 413 or 422:
 * invalid, out of the token's scope, another publisher's record, too large) does not stop the
 * exchange: when a page's batch is refused, its records are sent one by one, the refused ones are
 * set aside as {@link DeadLetter}s with the peer's answer, and the others go on, in order. A dead
 * letter is cleared when its record is sent again and accepted: when the record changes (its new
 * change-log entry sends it), or on demand ({@link #retryDeadLetters}). Any other failure (a network
 * error, 401, 404 on the API itself, 429, 5xx) stops the run where it is, to be resumed by the next.
 * The position and the dead letters are saved in one atomic write per page.
 *
 * <p>Thread-safety: one run (or retry) per target at a time (the caller schedules).
 */
public final class Publisher {

    /** The most characters of a peer's answer kept in a dead letter or an error message. */
    public static final int PROBLEM_CHARS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<DeadLetter>> DEAD_LETTERS = new TypeReference<>() {};
    private static final int PAGE = 200;
    /** The statuses by which a peer refuses a change for what it is (RFC 9110 section 15.5). */
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 409, 413, 422);

    private final RecordStore store;
    private final OkHttpClient http;
    private final String base;
    private final IRI localGraph;

    /**
     * @param store this node's store; not closed by this class
     * @param http the shared client, with the bearer token of each target's origin
     * @param base this node's base IRI: only records under {@code {base}records/} in its own graphs
     *     are published
     */
    public Publisher(RecordStore store, OkHttpClient http, String base) {
        this.store = Objects.requireNonNull(store, "store");
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
        this.localGraph = RecordStore.localGraph(base);
    }

    /**
     * Publishes everything since the target's saved position. Never throws for a failing peer: the
     * outcome says where it stopped and why.
     *
     * @throws org.chmexchange.store.StoreException if this node's store fails
     */
    public PublishOutcome run(PublishTarget target) {
        Instant started = now();
        long position = position(target);
        Map<String, DeadLetter> dead = deadLetterMap(target);
        Counts counts = new Counts();
        String error = null;
        try {
            ChangePage page;
            do {
                page = store.changes(ChangeQuery.ALL, position, PAGE);
                Map<IRI, ChangeEntry> last = new LinkedHashMap<>();
                for (ChangeEntry e : page.items()) {
                    if (e.record().stringValue().startsWith(base + "records/")) {
                        last.remove(e.record());
                        last.put(e.record(), e);
                    }
                }
                Map<IRI, Model> upserts = new LinkedHashMap<>();
                for (ChangeEntry e : last.values()) {
                    if (e.kind() != ChangeKind.DELETE) {
                        ownRecord(e.record()).ifPresent(m -> upserts.put(e.record(), m)); // absent: deleted later
                    }
                }
                upsert(target, upserts, last, dead, counts);
                for (ChangeEntry e : last.values()) {
                    if (e.kind() == ChangeKind.DELETE) {
                        deleteOne(target, e.record(), e.sequence(), dead, counts);
                    }
                }
                position = page.position();
                save(target, position, dead);
            } while (page.more());
        } catch (ChmException e) {
            error = e.getMessage();
            LOG.warn("Publishing to {} stopped at change {}: {}", target.name(), position, error);
        }
        return finish(target, started, counts, position, error);
    }

    /**
     * Sends every dead letter of {@code target} again, one record at a time (the record as it is now,
     * or its deletion if it is gone): accepted ones are cleared, refused ones keep the new answer, and
     * a record no longer this node's to publish is dropped. The position is not moved.
     *
     * @return the outcome: {@code upserted}/{@code deleted} cleared, {@code refused} still refused
     * @throws org.chmexchange.store.StoreException if this node's store fails
     */
    public PublishOutcome retryDeadLetters(PublishTarget target) {
        Instant started = now();
        long position = position(target);
        Map<String, DeadLetter> dead = deadLetterMap(target);
        Counts counts = new Counts();
        String error = null;
        try {
            for (DeadLetter letter : List.copyOf(dead.values())) {
                IRI iri = Values.iri(letter.record());
                ChangeEntry entry = store.lastChange(iri).orElse(null);
                long sequence = entry == null ? letter.sequence() : entry.sequence();
                Optional<Model> current = ownRecord(iri);
                if (current.isPresent()) {
                    sendOne(target, iri, current.get(), sequence, dead, counts);
                } else if (store.get(iri).isEmpty()) {
                    deleteOne(target, iri, sequence, dead, counts);
                } else {
                    dead.remove(letter.record()); // held by another graph now: not this node's to publish
                }
            }
        } catch (ChmException e) {
            error = e.getMessage();
            LOG.warn("Retrying the dead letters of {} stopped: {}", target.name(), error);
        }
        save(target, position, dead);
        return finish(target, started, counts, position, error);
    }

    /** The change-log position {@code target} was offered everything up to; 0 if never. */
    private long position(PublishTarget target) {
        return store.setting(SettingKey.publishPosition(target.name()))
                .map(Long::parseLong)
                .orElse(0L);
    }

    /** The changes {@code target} refused and that are set aside, oldest first; empty if none. */
    public List<DeadLetter> deadLetters(PublishTarget target) {
        return List.copyOf(deadLetterMap(target).values());
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

    /**
     * The record if it is this node's to publish (held in one of its own graphs), as it is sent:
     * with its time of change here as {@code chm:modifiedAtSource} ({@link ModifiedAtSource}).
     */
    private Optional<Model> ownRecord(IRI record) {
        if (!store.graphOf(record).map(g -> RecordStore.isOwnGraph(base, g)).orElse(false)) {
            return Optional.empty();
        }
        return store.get(record).map(m -> ModifiedAtSource.carry(new LinkedHashModel(m), record));
    }

    private void upsert(
            PublishTarget target,
            Map<IRI, Model> upserts,
            Map<IRI, ChangeEntry> entries,
            Map<String, DeadLetter> dead,
            Counts counts) {
        if (upserts.isEmpty()) {
            return;
        }
        if (upserts.size() > 1) {
            Model all = new LinkedHashModel();
            upserts.values().forEach(all::addAll);
            Refusal refusal = post(target, all);
            if (refusal == null) {
                upserts.keySet().forEach(iri -> dead.remove(iri.stringValue()));
                counts.upserted += upserts.size();
                return;
            }
            LOG.info(
                    "{} refused a batch of {} records ({}): sending them one by one",
                    target.name(),
                    upserts.size(),
                    refusal.status());
        }
        for (Map.Entry<IRI, Model> e : upserts.entrySet()) {
            sendOne(target, e.getKey(), e.getValue(), entries.get(e.getKey()).sequence(), dead, counts);
        }
    }

    private void sendOne(
            PublishTarget target, IRI iri, Model record, long sequence, Map<String, DeadLetter> dead, Counts counts) {
        if (settle(target, iri, "upsert", sequence, post(target, record), dead, counts)) {
            counts.upserted++;
        }
    }

    private void deleteOne(PublishTarget target, IRI iri, long sequence, Map<String, DeadLetter> dead, Counts counts) {
        Request request = new Request.Builder()
                .url(target.base() + "records?iri=" + URLEncoder.encode(iri.stringValue(), StandardCharsets.UTF_8))
                .delete()
                .build();
        if (settle(target, iri, "delete", sequence, send(target, request, "DELETE"), dead, counts)) {
            counts.deleted++;
        }
    }

    /** Clears the record's dead letter if the peer accepted the change (no refusal), else sets it aside. */
    private static boolean settle(
            PublishTarget target,
            IRI iri,
            String action,
            long sequence,
            Refusal refusal,
            Map<String, DeadLetter> dead,
            Counts counts) {
        if (refusal == null) {
            dead.remove(iri.stringValue());
            return true;
        }
        setAside(
                target,
                new DeadLetter(iri.stringValue(), action, sequence, refusal.status(), refusal.problem(), now()),
                dead,
                counts);
        return false;
    }

    private static void setAside(PublishTarget target, DeadLetter letter, Map<String, DeadLetter> dead, Counts counts) {
        LOG.warn(
                "{} refused change {} ({} of {}, {}): set aside as a dead letter; the others go on",
                target.name(),
                letter.sequence(),
                letter.action(),
                letter.record(),
                letter.status());
        dead.remove(letter.record());
        dead.put(letter.record(), letter);
        counts.refused++;
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
            String answer = excerpt(response.body().string());
            if (REFUSALS.contains(response.code())) {
                return new Refusal(response.code(), answer);
            }
            throw new ChmException("Publishing to " + target.name() + ": " + what + " " + request.url() + " answered "
                    + response.code() + ": " + answer);
        } catch (IOException e) {
            throw new ChmException(
                    "Publishing to " + target.name() + ": " + what + " " + request.url() + " failed: " + e.getMessage(),
                    e);
        }
    }

    private static String excerpt(String answer) {
        return answer.length() <= PROBLEM_CHARS ? answer : answer.substring(0, PROBLEM_CHARS);
    }

    private Map<String, DeadLetter> deadLetterMap(PublishTarget target) {
        Map<String, DeadLetter> dead = new LinkedHashMap<>();
        store.setting(SettingKey.publishDeadLetters(target.name())).ifPresent(json -> {
            try {
                JSON.readValue(json, DEAD_LETTERS).forEach(d -> dead.put(d.record(), d));
            } catch (JsonProcessingException e) {
                throw new ChmException("The saved dead letters of " + target.name() + " are not valid JSON", e);
            }
        });
        return dead;
    }

    /** The position and the dead letters, in one atomic write. */
    private void save(PublishTarget target, long position, Map<String, DeadLetter> dead) {
        store.write(new WriteRequest(
                localGraph,
                new LinkedHashModel(),
                Set.of(),
                true,
                Map.of(
                        SettingKey.publishPosition(target.name()),
                        Long.toString(position),
                        SettingKey.publishDeadLetters(target.name()),
                        toJson(List.copyOf(dead.values()))),
                new LinkedHashModel()));
    }

    private PublishOutcome finish(PublishTarget target, Instant started, Counts counts, long position, String error) {
        PublishOutcome outcome = new PublishOutcome(
                target.name(), started, now(), counts.upserted, counts.deleted, counts.refused, position, error);
        store.setSetting(SettingKey.publishStatus(target.name()), toJson(outcome));
        return outcome;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the publishing state as JSON", e);
        }
    }

    /** A peer's refusal of one change. */
    private record Refusal(int status, String problem) {}

    /** What a run did. */
    private static final class Counts {
        long upserted;
        long deleted;
        long refused;
    }
}
