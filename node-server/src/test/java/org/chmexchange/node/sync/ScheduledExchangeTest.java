package org.chmexchange.node.sync;

import static org.chmexchange.node.NodeFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.Fictional;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.PublishTarget;
import org.chmexchange.node.config.SourceEntry;
import org.chmexchange.node.config.TokenEntry;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on their schedules, without any trigger: a national node publishes a record to the central
 * node's publishing API with the central node's token (read from the national node's environment),
 * and a portal harvests the central node. All people are fictional.
 */
class ScheduledExchangeTest {

    static final Duration OFTEN = Duration.ofMillis(300);

    @TempDir
    Path dirs;

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    static JsonNode first(ChmNodeServer node, String list) {
        Reply reply = get("http://localhost:" + node.port() + "/status", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get(list).get(0);
    }

    static JsonNode awaitStatus(ChmNodeServer node, String list, Predicate<JsonNode> condition)
            throws InterruptedException {
        JsonNode[] last = new JsonNode[1];
        try {
            await(list + " of " + node.baseIri() + " in /status", () -> condition.test(last[0] = first(node, list)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last: " + last[0], e);
        }
        return last[0];
    }

    @Test
    void aRecordWrittenAtTheNationalNodeReachesThePortalOnSchedule() throws InterruptedException {
        String centralToken = Tokens.newToken();
        Token national =
                new TokenEntry("national", Tokens.sha256Hex(centralToken), List.of("co"), null, null).toToken();
        try (ChmNodeServer central = ChmNodeServer.start(
                        new NodeConfig(0, dirs.resolve("central"), null, false).withTokens(List.of(national)));
                ChmNodeServer nationalNode = ChmNodeServer.start(
                        new NodeConfig(
                                0,
                                dirs.resolve("national"),
                                null,
                                false,
                                NodeConfig.defaults().maxRequestBytes(),
                                List.of(),
                                null,
                                List.of(),
                                List.of(new PublishTarget("to-central", central.baseIri(), OFTEN, "CENTRAL_TOKEN"))),
                        Map.of("CENTRAL_TOKEN", centralToken));
                ChmNodeServer portal = ChmNodeServer.start(
                        new NodeConfig(
                                0,
                                dirs.resolve("portal"),
                                null,
                                false,
                                NodeConfig.defaults().maxRequestBytes(),
                                List.of(),
                                null,
                                List.of(new SourceEntry(
                                        "central", "peer", central.baseIri(), OFTEN, null, Map.of("limit", "10"))),
                                List.of()),
                        Map.of())) {
            Fictional.publishLocally(
                    nationalNode.store(),
                    nationalNode.baseIri(),
                    "co-cbd-fp1-lucia-ejemplo",
                    "co",
                    "Lucía Ejemplo",
                    "lucia.ejemplo@example.org");
            IRI record = RecordType.FOCAL_POINT.mint(nationalNode.baseIri(), "co-cbd-fp1-lucia-ejemplo");

            await(
                    "the central node has the record",
                    () -> central.store().get(record).isPresent());
            assertTrue(
                    central.store()
                            .get(record)
                            .orElseThrow()
                            .contains(
                                    record, PROV.WAS_ATTRIBUTED_TO, Values.iri(central.baseIri() + "agents/national")),
                    "written with the national node's token");
            long lastSequence = nationalNode.store().lastSequence();
            JsonNode target = awaitStatus(
                    nationalNode,
                    "publish",
                    t -> !t.get("lastRun").isNull()
                            && t.get("lastRun").get("position").asLong() == lastSequence);
            assertEquals("to-central", target.get("name").asText());
            assertEquals(central.baseIri(), target.get("url").asText());
            assertEquals("PT0.3S", target.get("schedule").asText());
            assertTrue(target.get("lastRun").get("ok").asBoolean(), target.toString());
            assertEquals(0, target.get("pendingChanges").asLong(), target.toString());

            await("the portal harvested it", () -> portal.store().get(record).isPresent());
            JsonNode source = awaitStatus(
                    portal,
                    "sources",
                    s -> !s.get("lastRun").isNull() && s.get("lag").isNumber());
            assertTrue(source.get("lastRun").get("ok").asBoolean(), source.toString());
            assertEquals("PT0.3S", source.get("schedule").asText());
        }
    }
}
