package org.chmexchange.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.HttpUrl;
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
 * {@code chm-node thesaurus import cbd} against the replay's thesaurus domains (fixture texts), then
 * a node on the folder: the thesaurus API serves the imported labels, the search finds them, the
 * change list shows the import; a second import without change says so; a domain the API does not
 * have imports nothing.
 */
class ThesaurusImportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theImportedLabelsAreServedAndTheImportIsListed() throws IOException {
        Path data = dir.resolve("data");
        try (CbdReplay replay = CbdReplay.start(CbdFixtures.bundled(), "127.0.0.1", 0)) {
            String url = replay.url().toString();
            ExchangeCommandsTest.Run run = ExchangeCommandsTest.run(
                    Map.of(),
                    "thesaurus",
                    "import",
                    "cbd",
                    "--url",
                    url,
                    "--domain",
                    "GBF-TARGETS",
                    "--domain",
                    "CBD-SUBJECTS",
                    "--domain",
                    "countries",
                    "--data",
                    data.toString());
            assertEquals(0, run.exit(), run.err() + run.out());
            assertTrue(run.out().contains("GBF-TARGETS: 2 term(s), 0 concept(s) added, 2 enriched"), run.out());
            assertTrue(run.out().contains("CBD-SUBJECTS: 2 term(s), 2 concept(s) added"), run.out());
            assertTrue(run.out().contains("the node serves it from its next start"), run.out());
            assertTrue(
                    replay.requests().stream().anyMatch(r -> r.pathAndQuery()
                            .equals("/api/v2013/thesaurus/domains/GBF-TARGETS/terms?relations")),
                    replay.requests()::toString);

            ExchangeCommandsTest.Run again = ExchangeCommandsTest.run(
                    Map.of(),
                    "thesaurus",
                    "import",
                    "cbd",
                    "--url",
                    url,
                    "--domain",
                    "GBF-TARGETS",
                    "--domain",
                    "CBD-SUBJECTS",
                    "--domain",
                    "countries",
                    "--data",
                    data.toString());
            assertEquals(0, again.exit(), again.err());
            assertTrue(again.out().contains("Nothing changed since the last import."), again.out());

            ExchangeCommandsTest.Run missing = ExchangeCommandsTest.run(
                    Map.of(),
                    "thesaurus",
                    "import",
                    "cbd",
                    "--url",
                    url,
                    "--domain",
                    "regions",
                    "--data",
                    data.toString());
            assertEquals(1, missing.exit(), missing.out());
            assertTrue(missing.err().contains("regions") && missing.err().contains("404"), missing.err());
        }
        try (ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, data, null, false))) {
            OkHttpClient http = new OkHttpClient();
            String at = "http://127.0.0.1:" + node.port() + "/";
            JsonNode concept = get(
                    http,
                    HttpUrl.get(at + "thesaurus/concept")
                            .newBuilder()
                            .addQueryParameter("iri", "GBF-TARGET-01")
                            .build());
            assertEquals(
                    "Cible 1 (texte de fixture)",
                    concept.path("prefLabel").path("fr").asText(),
                    concept::toString);
            JsonNode found = get(
                    http,
                    HttpUrl.get(at + "thesaurus/search")
                            .newBuilder()
                            .addQueryParameter("q", "Forest biodiversity")
                            .build());
            assertTrue(found.toString().contains("cbd-cbd-subjects/CBD-SUBJECT-FOR"), found::toString);
            JsonNode imports = get(http, HttpUrl.get(at + "thesaurus/imports"));
            assertEquals(2, imports.path("totalItems").asInt(), imports::toString);
            assertTrue(imports.path("items").get(0).path("changed").asBoolean() == false, imports::toString);
            assertTrue(imports.path("items").get(1).path("changed").asBoolean(), imports::toString);
            assertEquals(
                    "GBF-TARGETS",
                    imports.path("items")
                            .get(1)
                            .path("domains")
                            .get(0)
                            .path("domain")
                            .asText());
        }
    }

    @Test
    void aRunningNodeImportsOnItsScheduleAndServesTheNewLabelsAtOnce() throws Exception {
        org.chmexchange.node.config.ConfigFile file = org.chmexchange.node.config.ConfigFile.parse(
                """
                thesaurusImport:
                  url: http://127.0.0.1:1/
                  domains: [GBF-TARGETS]
                  schedule: PT1H
                """,
                "chm-node.yaml");
        assertEquals(java.util.List.of("GBF-TARGETS"), file.thesaurusImport().domains());
        try (CbdReplay replay = CbdReplay.start(CbdFixtures.bundled(), "127.0.0.1", 0);
                ChmNodeServer node = ChmNodeServer.start(new NodeConfig(0, dir.resolve("running"), null, false)
                        .withThesaurusImport(new org.chmexchange.node.config.ThesaurusImportConfig(
                                replay.url().toString(),
                                file.thesaurusImport().domains(),
                                java.time.Duration.ofHours(1))))) {
            OkHttpClient http = new OkHttpClient();
            HttpUrl concept = HttpUrl.get("http://127.0.0.1:" + node.port() + "/thesaurus/concept")
                    .newBuilder()
                    .addQueryParameter("iri", "GBF-TARGET-01")
                    .build();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            String fr = "";
            while (System.nanoTime() < deadline && fr.isEmpty()) {
                fr = get(http, concept).path("prefLabel").path("fr").asText();
                if (fr.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            assertEquals("Cible 1 (texte de fixture)", fr, "served without a restart");
            JsonNode imports = get(http, HttpUrl.get("http://127.0.0.1:" + node.port() + "/thesaurus/imports"));
            assertEquals(1, imports.path("totalItems").asInt(), imports::toString);
        }
    }

    private static JsonNode get(OkHttpClient http, HttpUrl url) throws IOException {
        try (Response r = http.newCall(new Request.Builder()
                        .url(url)
                        .header("Accept", "application/json")
                        .build())
                .execute()) {
            assertEquals(200, r.code(), url.toString());
            return JSON.readTree(r.body().string());
        }
    }
}
