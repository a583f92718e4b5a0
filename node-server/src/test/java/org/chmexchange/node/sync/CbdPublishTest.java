package org.chmexchange.node.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.model.Common;
import org.chmexchange.model.Decision;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.LangText;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.NationalTarget;
import org.chmexchange.model.Record;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.replay.CbdFixtures;
import org.chmexchange.node.replay.CbdReplay;
import org.chmexchange.publish.DeadLetter;
import org.chmexchange.publish.PublishOutcome;
import org.chmexchange.publish.PublishTarget;
import org.chmexchange.publish.Publisher;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.store.RecordStore;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A national node submits its own national records to the CBD ({@code protocol: cbd}) through the
 * v2023 API of {@link CbdReplay}: drafts created, then updated, answers as data (validation errors,
 * 403), a deletion that has no request, at-least-once and resumable through the publisher's change-log
 * position. The people are fictional.
 */
class CbdPublishTest {

    private static final String BASE = "http://national.example.org/";
    private static final String TOKEN = "cbd-user-token-example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CbdReplay replay;
    private RecordStore store;
    private OkHttpClient http;
    private Publisher publisher;
    private PublishTarget target;

    @BeforeEach
    void start() {
        replay = CbdReplay.start(new CbdFixtures(), "127.0.0.1", 0);
        replay.requireToken(TOKEN);
        store = RecordStore.openEmbedded(dir.resolve("national"));
        http = HttpClients.create(HttpSettings.builder()
                .bearerToken(
                        HttpSettings.originOf(okhttp3.HttpUrl.get(replay.url().toString())), () -> TOKEN)
                .build());
        publisher = new Publisher(store, http, BASE);
        target = new PublishTarget("to-cbd", replay.url(), "cbd", Map.of("realm", "chm"));
    }

    @AfterEach
    void stop() {
        HttpClients.shutdown(http);
        store.close();
        replay.close();
    }

    private static IRI iri(RecordType type, String id) {
        return type.mint(BASE, id);
    }

    private void put(Record record) {
        store.put(RecordMapper.toRdf(record), RecordStore.localGraph(BASE));
    }

    private static NationalReport report(String title) {
        return NationalReport.builder(
                        Common.builder(iri(RecordType.NATIONAL_REPORT, "co-nbsap-2030"), "co-nbsap-2030")
                                .title(LangText.of("es", title))
                                .concepts(List.of(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03")))
                                .build(),
                        Set.of(ChmThesaurus.treaty("cbd")),
                        ChmThesaurus.country("co"),
                        ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "nbsap"))
                .period(LocalDate.parse("2024-01-01"), LocalDate.parse("2030-12-31"))
                .build();
    }

    private static FocalPoint focalPoint(String designation) {
        return FocalPoint.builder(
                        Common.of(iri(RecordType.FOCAL_POINT, "co-cbd-fp1-ana-ejemplo"), "co-cbd-fp1-ana-ejemplo"),
                        Set.of(ChmThesaurus.treaty("cbd")),
                        ChmThesaurus.country("co"),
                        Set.of(ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "CBD-FP1")),
                        FocalPoint.ContactKind.PERSON,
                        "Ana Ejemplo")
                .firstName("Ana")
                .lastName("Ejemplo")
                .designation(LangText.of("es", designation))
                .emails(Set.of(org.eclipse.rdf4j.model.util.Values.iri("mailto:ana.ejemplo@example.org")))
                .build();
    }

    private static NationalTarget nationalTarget() {
        return NationalTarget.of(
                Common.builder(iri(RecordType.NATIONAL_TARGET, "co-target-3"), "co-target-3")
                        .title(LangText.of("es", "Meta 3 (ejemplo)"))
                        .build(),
                Set.of(ChmThesaurus.treaty("cbd")),
                ChmThesaurus.country("co"),
                Set.of(ChmThesaurus.concept(ChmThesaurus.GBF_GOALS, "GBF-GOAL-A")),
                Set.of(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03")));
    }

    private JsonNode draftOf(String schema) {
        return replay.fixtures().drafts().values().stream()
                .filter(d -> schema.equals(d.path("header").path("schema").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + schema + " draft in " + replay.fixtures().drafts()));
    }

    @Test
    void nationalRecordsAreSubmittedAsDraftsThenUpdatedAndAnswersAreKeptAsData() throws Exception {
        put(report("Estrategia nacional (ejemplo)"));
        put(focalPoint("Directora (ficticia)"));
        put(nationalTarget());
        put(new Decision(
                Common.builder(iri(RecordType.DECISION, "co-decision-1"), "1")
                        .title(LangText.of("es", "Una decisión (ejemplo)"))
                        .build(),
                ChmThesaurus.treaty("cbd"),
                ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, "decision"),
                null,
                null));

        PublishOutcome first = publisher.run(target);

        assertTrue(first.ok(), first::toString);
        assertEquals(3, first.upserted(), "the decision is not the CBD's to take from a national node: " + first);
        assertEquals(3, replay.fixtures().drafts().size());
        JsonNode nbsap = draftOf("nbsap");
        assertEquals("co", nbsap.path("government").path("identifier").asText());
        assertEquals(
                "Estrategia nacional (ejemplo)", nbsap.path("title").path("es").asText());
        assertEquals(
                "GBF-TARGET-03",
                nbsap.path("globalTargetAlignment").get(0).path("identifier").asText());
        assertEquals("2030-12-31", nbsap.path("endDate").asText());
        assertEquals("person", draftOf("contact").path("type").asText());
        assertEquals(
                "GBF-GOAL-A",
                draftOf("nationalTarget7")
                        .path("globalGoalAlignment")
                        .get(0)
                        .path("identifier")
                        .asText());
        assertTrue(
                replay.requests().stream()
                        .filter(r -> r.pathAndQuery().startsWith("/api/v2023/"))
                        .allMatch(r -> r.pathAndQuery().endsWith("?realm=chm")
                                && r.method().equals("POST")),
                replay.requests()::toString);

        assertEquals(0, publisher.run(target).upserted(), "nothing new");

        // an update: the draft exists (HEAD says not published), so POST is refused and PUT sent
        put(report("Estrategia nacional, revisada (ejemplo)"));
        PublishOutcome update = publisher.run(target);
        assertTrue(update.ok(), update::toString);
        assertEquals(1, update.upserted());
        assertEquals(
                "Estrategia nacional, revisada (ejemplo)",
                draftOf("nbsap").path("title").path("es").asText());
        assertTrue(replay.requests().stream().anyMatch(r -> r.method().equals("PUT") && r.status() == 200));

        // the CBD's validation refuses it: a dead letter with its errors, the others go on
        String identifier = nbsap.path("header").path("identifier").asText();
        replay.fixtures()
                .refuse(identifier, JSON.readTree("[{\"code\": \"Error.InvalidValue\", \"property\": \"endDate\"}]"));
        put(report("Estrategia nacional, otra vez (ejemplo)"));
        put(focalPoint("Directora general (ficticia)"));
        PublishOutcome refused = publisher.run(target);
        assertTrue(refused.ok(), refused::toString);
        assertEquals(1, refused.refused(), refused::toString);
        assertEquals(1, refused.upserted(), refused::toString);
        DeadLetter letter = publisher.deadLetters(target).get(0);
        assertEquals(400, letter.status());
        assertTrue(
                letter.problem().contains("Error.InvalidValue")
                        && letter.problem().contains("endDate"),
                letter.problem());

        // accepted again: the dead letter is cleared on retry
        replay.fixtures().refuse(identifier, null);
        PublishOutcome retried = publisher.retryDeadLetters(target);
        assertEquals(1, retried.upserted(), retried::toString);
        assertEquals(List.of(), publisher.deadLetters(target));

        // a deletion has no request: set aside for the operator
        store.delete(iri(RecordType.NATIONAL_TARGET, "co-target-3"));
        PublishOutcome deleted = publisher.run(target);
        assertEquals(1, deleted.refused(), deleted::toString);
        assertEquals(501, publisher.deadLetters(target).get(0).status());
        assertTrue(publisher.deadLetters(target).get(0).problem().contains("withdraw"));
    }

    @Test
    void aTokenWithoutTheRightsIsRefusedAndTheChangeKept() {
        replay.requireToken("another-users-token");
        put(focalPoint("Directora (ficticia)"));

        PublishOutcome outcome = publisher.run(target);

        assertTrue(outcome.ok(), outcome::toString);
        assertEquals(1, outcome.refused());
        assertEquals(403, publisher.deadLetters(target).get(0).status());
        assertTrue(replay.fixtures().drafts().isEmpty());
    }

    @Test
    void anUnknownOptionIsAClearError() {
        PublishOutcome outcome =
                publisher.run(new PublishTarget("to-cbd-2", replay.url(), "cbd", Map.of("realms", "chm")));
        assertTrue(!outcome.ok() && outcome.error().contains("unknown option 'realms'"), outcome::toString);
    }
}
