package org.chmexchange.node.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.TokenScope;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.NetworkConfig;
import org.chmexchange.store.RecordQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A central node's registry of the network: a configured node that answers, one that does not, a
 * node that registers itself with a write token; the status and the network page show the same
 * nodes; registrations and histories survive a restart.
 */
class NetworkRegistryTest {

    static final String TOKEN = "colombia-secret-token-for-tests";

    @TempDir
    Path dirs;

    static Map<String, JsonNode> byName(JsonNode status) {
        Map<String, JsonNode> out = new HashMap<>();
        status.get("network").forEach(n -> out.put(n.get("name").asText(), n));
        return out;
    }

    static Reply register(String root, String token, String body) {
        Request.Builder r = new Request.Builder()
                .url(root + "network/nodes")
                .post(RequestBody.create(body, MediaType.get("application/json")));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return NodeFixture.call(r.build());
    }

    @Test
    void theRegistryPollsConfiguredAndRegisteredNodesAndRemembersThem() {
        try (ChmNodeServer national = ChmNodeServer.start(new NodeConfig(0, dirs.resolve("national"), null, true))) {
            String nationalRoot = "http://localhost:" + national.port() + "/";
            NetworkConfig network = new NetworkConfig(
                    Duration.ofHours(1),
                    List.of(
                            new NetworkConfig.Node("national", nationalRoot),
                            new NetworkConfig.Node("gone", "http://localhost:1/")));
            NodeConfig central = new NodeConfig(0, dirs.resolve("central"), null, false)
                    .withTokens(List.of(new Token("colombia", Tokens.sha256Hex(TOKEN), TokenScope.ANY)))
                    .withNetwork(network);
            try (ChmNodeServer node = ChmNodeServer.start(central)) {
                String root = "http://localhost:" + node.port() + "/";
                assertEquals(
                        401,
                        register(root, null, "{\"url\":\"" + nationalRoot + "\"}")
                                .status());
                assertEquals(
                        400,
                        register(root, TOKEN, "{\"url\":\"ftp://example.org/\"}")
                                .status());
                assertEquals(400, register(root, TOKEN, "not json").status());
                Reply ok = register(root, TOKEN, "{\"url\":\"" + nationalRoot + "\"}");
                assertEquals(201, ok.status(), ok.body());
                assertEquals("colombia", ok.json().get("name").asText(), "named after its token");

                node.network().pollAll();
                node.network().pollAll();
                Map<String, JsonNode> nodes = byName(
                        NodeFixture.get(root + "status", "application/json").json());
                long records = national.store().count(RecordQuery.ALL);
                assertEquals("up", nodes.get("national").get("state").asText());
                assertEquals(records, nodes.get("national").get("records").asLong());
                assertEquals(
                        national.store()
                                .count(new RecordQuery(
                                        java.util.Set.of(org.chmexchange.model.RecordType.DECISION),
                                        java.util.Set.of(),
                                        java.util.Set.of(),
                                        java.util.Set.of(),
                                        java.util.Set.of(),
                                        null,
                                        null)),
                        nodes.get("national")
                                .get("recordsByType")
                                .get("decision")
                                .asLong());
                assertEquals("down", nodes.get("gone").get("state").asText());
                assertEquals("unreachable", nodes.get("gone").get("error").asText(), "a class of failure, no address");
                assertNull(nodes.get("gone").get("records").asText(null), "never answered: no count");
                assertEquals("registered", nodes.get("colombia").get("origin").asText());
                assertEquals("up", nodes.get("colombia").get("state").asText());
                assertEquals("self", nodes.get("self").get("origin").asText());
                assertEquals(0, nodes.get("self").get("records").asLong(), "the central node holds nothing");
                assertEquals(1, node.network().history("national").size(), "two polls, no change: one sample");
                national.store()
                        .put(
                                org.chmexchange.testkit.store.RecordStoreContract.decision(
                                        "new-one", "cbd", "A new decision", "en"),
                                org.chmexchange.store.RecordStore.localGraph(national.baseIri()));
                node.network().pollAll();
                List<NodeRegistry.Sample> history = node.network().history("national");
                assertEquals(2, history.size(), "a change, a sample");
                assertEquals(records + 1, history.get(1).records());
                JsonNode byCountry = NodeFixture.get(nationalRoot + ".well-known/chm-node", "application/json")
                        .json()
                        .get("recordsByCountry");
                assertEquals(byCountry.size(), history.get(1).byCountry().size(), "the countries it reports");
                assertEquals(history.get(0).byCountry(), history.get(1).byCountry(), "a decision without a country");

                Reply page = NodeFixture.get(root + "network", "text/html");
                assertEquals(200, page.status());
                assertTrue(page.body().contains("state-up"), "up nodes");
                assertTrue(page.body().contains("state-down"), "the node that does not answer");
                assertTrue(page.body().contains("<polyline"), "a chart of records over time");
                assertTrue(page.body().contains("Records of national per type over time"));
                assertEquals(
                        byCountry.size() > 0,
                        page.body().contains("Records of national per country over time"),
                        "a per-country chart when the node reports countries");
                assertTrue(
                        NodeFixture.get(root + "status", "text/html").body().contains("state-down"),
                        "/status in a browser is the network page");
            }
            try (ChmNodeServer again = ChmNodeServer.start(central)) {
                String root = "http://localhost:" + again.port() + "/";
                Map<String, JsonNode> nodes = byName(
                        NodeFixture.get(root + "status", "application/json").json());
                assertEquals("registered", nodes.get("colombia").get("origin").asText(), "the registration survived");
                assertEquals(2, again.network().history("national").size(), "and the history");
            }
        }
    }

    @Test
    void anAnswerThatIsNotASelfDescriptionMarksTheNodeDown() {
        try (ChmNodeServer other = ChmNodeServer.start(new NodeConfig(0, dirs.resolve("other"), null, false))) {
            // the node's health answer is JSON, but not a self-description
            String notANode = "http://localhost:" + other.port() + "/health/";
            NodeConfig central = new NodeConfig(0, dirs.resolve("central2"), null, false)
                    .withNetwork(
                            new NetworkConfig(Duration.ofHours(1), List.of(new NetworkConfig.Node("odd", notANode))));
            try (ChmNodeServer node = ChmNodeServer.start(central)) {
                node.network().pollAll();
                String root = "http://localhost:" + node.port() + "/";
                JsonNode odd = byName(NodeFixture.get(root + "status", "application/json")
                                .json())
                        .get("odd");
                assertEquals("down", odd.get("state").asText());
                assertTrue(
                        odd.get("error").asText().startsWith("HTTP 4")
                                || odd.get("error").asText().startsWith("not a"),
                        odd.get("error").asText());
            }
        }
    }
}
