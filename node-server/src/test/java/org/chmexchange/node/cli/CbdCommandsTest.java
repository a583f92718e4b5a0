package org.chmexchange.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.replay.CbdFixtures;
import org.chmexchange.node.replay.CbdReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's CBD example: the shipped {@code examples/cbd.yaml} (only its replay port and data
 * folder changed), {@code chm-node harvest cbd} against the replay, then a node on the data folder
 * serves the records in {@code /records}, findable by a CBD identifier.
 */
class CbdCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theExampleConfigurationHarvestsTheReplayAndTheNodeServesTheRecords() throws IOException {
        try (CbdReplay replay = CbdReplay.start(CbdFixtures.bundled(), "127.0.0.1", 0)) {
            String example = Files.readString(Path.of("..", "examples", "cbd.yaml"));
            assertTrue(example.contains("url: http://127.0.0.1:" + ReplayCommand.DEFAULT_PORT + "/"), example);
            Path data = dir.resolve("data-cbd");
            Path config = dir.resolve("cbd.yaml");
            Files.writeString(
                    config,
                    example.replace(
                                    "http://127.0.0.1:" + ReplayCommand.DEFAULT_PORT + "/",
                                    "http://127.0.0.1:" + replay.port() + "/")
                            .replace("data: data-cbd", "data: " + data));

            ExchangeCommandsTest.Run run =
                    ExchangeCommandsTest.run(Map.of(), "harvest", "cbd", "--config", config.toString(), "--plain");

            assertEquals(0, run.exit(), run.err() + run.out());
            assertTrue(run.out().contains("Harvesting cbd (cbd, http://127.0.0.1:" + replay.port() + "/)"), run.out());
            assertTrue(run.out().contains(" 14 created, 0 updated"), run.out());
            assertTrue(run.out().contains("notice(s)"), run.out());
            assertTrue(run.out().contains("The data folder holds 14 record(s)."), run.out());
        }
        try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dir.resolve("data-cbd"), null, false))) {
            OkHttpClient http = new OkHttpClient();
            // the data folder keeps the base of its first start (examples/cbd.yaml's port 8080); this node listens
            // elsewhere
            String at = "http://127.0.0.1:" + node.port() + "/";
            JsonNode reports = get(http, at + "records?type=national-report");
            assertEquals(5, reports.get("totalItems").asInt(), reports::toString);
            JsonNode byPermalink = get(
                    http,
                    okhttp3.HttpUrl.get(at + "records")
                            .newBuilder()
                            .addQueryParameter("identifier", "https://chm.cbd.int/database/record?documentID=900007")
                            .build()
                            .toString());
            assertEquals(1, byPermalink.get("totalItems").asInt(), byPermalink::toString);
            assertTrue(byPermalink.toString().contains("SCBD-DEC-CBD-COP-15-04"), byPermalink::toString);
            JsonNode byUnique = get(http, at + "records?identifier=chm-nfp-tg-900001-4");
            assertEquals(1, byUnique.get("totalItems").asInt(), byUnique::toString);
        }
    }

    private static JsonNode get(OkHttpClient http, String url) throws IOException {
        try (Response r = http.newCall(new Request.Builder()
                        .url(url)
                        .header("Accept", "application/json")
                        .build())
                .execute()) {
            assertEquals(200, r.code(), url);
            return JSON.readTree(r.body().string());
        }
    }
}
