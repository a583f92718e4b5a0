package org.chmexchange.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.chmexchange.ChmException;
import org.chmexchange.admission.ModifiedAtSource;
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

    private final RecordStore store;
    private final OkHttpClient http;
    private final String base;
    private final IRI localGraph;
    private final Map<String, PublishChannelFactory> factories;
    private final Map<String, PublishChannel> channels = new java.util.concurrent.ConcurrentHashMap<>();

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
        this.factories = factories();
    }

    /** The publishing protocols found on the class path ({@code peer} always), sorted. */
    public static java.util.Set<String> protocols() {
        return new java.util.TreeSet<>(factories().keySet());
    }

    private static Map<String, PublishChannelFactory> factories() {
        Map<String, PublishChannelFactory> found = new LinkedHashMap<>();
        for (PublishChannelFactory f :
                java.util.ServiceLoader.load(PublishChannelFactory.class, Publisher.class.getClassLoader())) {
            found.putIfAbsent(f.protocol(), f);
        }
        found.putIfAbsent(PeerChannel.PROTOCOL, new PeerChannel.Factory());
        return Map.copyOf(found);
    }

    /**
     * The channel of a target, made once per target name.
     *
     * @throws IllegalArgumentException if no channel serves the target's protocol, or its options are
     *     not valid
     */
    public PublishChannel channel(PublishTarget target) {
        return channels.computeIfAbsent(target.name(), name -> {
            PublishChannelFactory f = factories.get(target.protocol());
            if (f == null) {
                throw new IllegalArgumentException("Publish target " + target.name() + ": no publisher for protocol '"
                        + target.protocol() + "'; known: " + protocols());
            }
            return f.create(target, http);
        });
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
            PublishChannel channel = channel(target);
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
                        ownRecord(e.record())
                                .filter(m -> channel.accepts(e.record(), m))
                                .ifPresent(m -> upserts.put(e.record(), m)); // absent: deleted later
                    }
                }
                upsert(channel, target, upserts, last, dead, counts);
                for (ChangeEntry e : last.values()) {
                    if (e.kind() == ChangeKind.DELETE) {
                        deleteOne(channel, target, e.record(), e.sequence(), dead, counts);
                    }
                }
                position = page.position();
                save(target, position, dead);
            } while (page.more());
        } catch (ChmException | IllegalArgumentException e) {
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
            PublishChannel channel = channel(target);
            for (DeadLetter letter : List.copyOf(dead.values())) {
                IRI iri = Values.iri(letter.record());
                ChangeEntry entry = store.lastChange(iri).orElse(null);
                long sequence = entry == null ? letter.sequence() : entry.sequence();
                Optional<Model> current = ownRecord(iri);
                if (current.isPresent()) {
                    sendOne(channel, target, iri, current.get(), sequence, dead, counts);
                } else if (store.get(iri).isEmpty()) {
                    deleteOne(channel, target, iri, sequence, dead, counts);
                } else {
                    dead.remove(letter.record()); // held by another graph now: not this node's to publish
                }
            }
        } catch (ChmException | IllegalArgumentException e) {
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
            PublishChannel channel,
            PublishTarget target,
            Map<IRI, Model> upserts,
            Map<IRI, ChangeEntry> entries,
            Map<String, DeadLetter> dead,
            Counts counts) {
        if (upserts.isEmpty()) {
            return;
        }
        if (upserts.size() > 1 && channel instanceof BatchPublishChannel batch) {
            Model all = new LinkedHashModel();
            upserts.values().forEach(all::addAll);
            Refusal refusal = batch.upsertAll(target, all);
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
            sendOne(
                    channel,
                    target,
                    e.getKey(),
                    e.getValue(),
                    entries.get(e.getKey()).sequence(),
                    dead,
                    counts);
        }
    }

    private void sendOne(
            PublishChannel channel,
            PublishTarget target,
            IRI iri,
            Model record,
            long sequence,
            Map<String, DeadLetter> dead,
            Counts counts) {
        if (settle(target, iri, "upsert", sequence, channel.upsert(target, iri, record), dead, counts)) {
            counts.upserted++;
        }
    }

    private void deleteOne(
            PublishChannel channel,
            PublishTarget target,
            IRI iri,
            long sequence,
            Map<String, DeadLetter> dead,
            Counts counts) {
        if (settle(target, iri, "delete", sequence, channel.delete(target, iri), dead, counts)) {
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

    /** The first {@link #PROBLEM_CHARS} characters of an answer. */
    static String excerpt(String answer) {
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

    /** What a run did. */
    private static final class Counts {
        long upserted;
        long deleted;
        long refused;
    }
}
