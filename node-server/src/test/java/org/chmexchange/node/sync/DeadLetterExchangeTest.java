package org.chmexchange.node.sync;

import static org.chmexchange.node.NodeFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.Fictional;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.PublishTarget;
import org.chmexchange.node.config.TokenEntry;
import org.chmexchange.publish.DeadLetter;
import org.chmexchange.publish.PublishOutcome;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordSummary;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exchange that never stalls (issue 7): a national node started with the sample data publishes
 * to a central node whose token is scoped to Colombia. The sample records are not its to publish
 * and are not sent; a focal point out of the token's scope is refused, set aside as a dead letter
 * (shown in {@code /status}) and the changes after it go on; it is sent again when it changes, or
 * on demand.
 */
class DeadLetterExchangeTest {

    @TempDir
    Path dirs;

    @Test
    void aRefusedRecordIsSetAsideAndTheRestGoesOn() throws Exception {
        String centralToken = Tokens.newToken();
        Token colombia =
                new TokenEntry("colombia", Tokens.sha256Hex(centralToken), List.of("co"), null, null).toToken();
        String editorToken = Tokens.newToken();
        Token editor = new TokenEntry("editor", Tokens.sha256Hex(editorToken), List.of(), null, null).toToken();
        try (ChmNodeServer central = ChmNodeServer.start(
                        new NodeConfig(0, dirs.resolve("central"), null, false).withTokens(List.of(colombia)));
                ChmNodeServer national = ChmNodeServer.start(
                        new NodeConfig(
                                0,
                                dirs.resolve("national"),
                                null,
                                true,
                                NodeConfig.defaults().maxRequestBytes(),
                                List.of(editor),
                                null,
                                List.of(),
                                List.of(new PublishTarget("to-central", central.baseIri(), null, "CENTRAL_TOKEN"))),
                        Map.of("CENTRAL_TOKEN", centralToken))) {
            String base = national.baseIri();
            assertTrue(national.store().count(RecordQuery.ALL) > 50, "the national node holds the sample data");
            Fictional.publishLocally(national.store(), base, "co-cbd-fp1-ana", "co", "Ana Ejemplo", "ana@example.org");
            Fictional.publishLocally(
                    national.store(), base, "pe-cbd-fp1-luis", "pe", "Luis Muestra", "luis@example.org");
            // Written through the national node's publishing API by an editor: its own to publish too.
            java.io.ByteArrayOutputStream eva = new java.io.ByteArrayOutputStream();
            org.chmexchange.rdf.RecordWriter.write(
                    Fictional.focalPoint(base, "co-cbd-fp1-eva", "co", "Eva Ejemplo", "eva@example.org"),
                    org.chmexchange.rdf.RecordFormat.NTRIPLES,
                    eva);
            Reply written = NodeFixture.call(new okhttp3.Request.Builder()
                    .url("http://localhost:" + national.port() + "/records")
                    .header("Authorization", "Bearer " + editorToken)
                    .post(okhttp3.RequestBody.create(eva.toByteArray(), okhttp3.MediaType.get("application/n-triples")))
                    .build());
            assertEquals(200, written.status(), written.body());
            IRI peruvian = RecordType.FOCAL_POINT.mint(base, "pe-cbd-fp1-luis");

            PublishOutcome first = national.sync().publish("to-central").orElseThrow();
            assertTrue(first.ok(), first.error());
            assertEquals(2, first.upserted(), "the two Colombian focal points (one local, one an editor's), no sample");
            assertEquals(1, first.refused());
            assertEquals(national.store().lastSequence(), first.position(), "never stuck");
            assertEquals(
                    2,
                    central.store().list(RecordQuery.ALL, null, 500).items().stream()
                            .map(RecordSummary::iri)
                            .filter(iri -> iri.stringValue().startsWith(base))
                            .count(),
                    "the central node holds the two, and none of the national node's sample records");
            assertTrue(central.store().get(peruvian).isEmpty());

            Reply status = get("http://localhost:" + national.port() + "/status", null);
            assertEquals(200, status.status(), status.body());
            JsonNode target = status.json().get("publish").get(0);
            assertEquals(1, target.get("deadLetters").asInt(), target.toString());
            JsonNode letter = target.get("deadLetterRecords").get(0);
            assertEquals(peruvian.stringValue(), letter.get("record").asText());
            assertEquals(403, letter.get("status").asInt());
            JsonNode problem = NodeFixture.JSON.readTree(letter.get("problem").asText());
            assertEquals(403, problem.get("status").asInt(), "the central node's problem document is kept");
            assertEquals(1, target.get("lastRun").get("refused").asInt());

            // Sent again on demand: still refused, still set aside.
            PublishOutcome retried =
                    national.sync().retryDeadLetters("to-central").orElseThrow();
            assertEquals(0, retried.upserted());
            assertEquals(1, retried.refused());
            assertEquals(
                    1, national.sync().targetStatus("to-central").deadLetters().size());

            // A later change goes on while the dead letter waits; a change of the refused record resends it.
            Fictional.publishLocally(
                    national.store(), base, "co-cbd-fp1-ivan", "co", "Iván Ejemplo", "ivan@example.org");
            Fictional.publishLocally(
                    national.store(), base, "pe-cbd-fp1-luis", "co", "Luis Muestra", "luis@example.org");
            PublishOutcome second = national.sync().publish("to-central").orElseThrow();
            assertTrue(second.ok(), second.error());
            assertEquals(2, second.upserted());
            assertEquals(0, second.refused());
            assertTrue(central.store().get(peruvian).isPresent(), "accepted once it is Colombian");
            List<DeadLetter> none = national.sync().targetStatus("to-central").deadLetters();
            assertEquals(List.of(), none, "accepted: the dead letter is cleared");
            assertFalse(get("http://localhost:" + national.port() + "/status", null)
                    .body()
                    .contains(peruvian + "\""));
        }
    }
}
