package org.chmexchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows README.md as a newcomer would, in a fresh folder: its blocks are read from the README
 * itself and run with bash and the real {@code ./chm-node} script and curl, unchanged but for the
 * placeholders the README asks the reader to fill in ({@code <sha256 of ops>}, {@code <token of
 * colombia>}: the values the README's own commands printed). Runs after {@code package} (failsafe),
 * on the ports the README names (8080, 8081), which must be free.
 *
 * <p>The curl lines report their status through a {@code .curlrc} in the folder (HOME), so that the
 * commands themselves stay as written.
 */
@Tag("slow")
class ReadmeWalkthroughIT {

    private static final Path ROOT = projectRoot();
    private static final Duration NODE_START = Duration.ofMinutes(3);
    private static final Duration SCRIPT = Duration.ofMinutes(6);
    private static final Pattern STATUS = Pattern.compile("\\[HTTP (\\d{3})]\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

    @TempDir
    Path dir;

    private Readme readme;

    @BeforeEach
    void freshFolder() throws IOException {
        readme = Readme.read(ROOT.resolve("README.md"));
        for (int port : new int[] {8080, 8081, 8099}) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertTrue(socket.isBound());
            } catch (IOException e) {
                fail("The README walk-through needs port " + port + ", which is in use: " + e);
            }
        }
        // ./chm-node in the fresh folder is the project's own script; the wrapper notes its PID
        // (exec keeps it) so that the nodes started with & can be stopped after the test.
        Path wrapper = dir.resolve("chm-node");
        Files.writeString(
                wrapper,
                "#!/usr/bin/env bash\necho $$ >> \"" + pids() + "\"\nexec \"" + ROOT.resolve("chm-node")
                        + "\" \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));
        Files.writeString(dir.resolve(".curlrc"), "write-out = \"\\n[HTTP %{http_code}]\\n\"\n");
    }

    @AfterEach
    void stopNodes() throws IOException {
        if (!Files.exists(pids())) {
            return;
        }
        List<ProcessHandle> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(pids())) {
            ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(nodes::add);
        }
        nodes.forEach(ProcessHandle::destroy);
        for (ProcessHandle node : nodes) {
            try {
                node.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                node.destroyForcibly();
            }
        }
    }

    @Test
    void theTwoCommandsAndTheApiWalkThroughWorkAsWritten() throws Exception {
        List<String> serve =
                readme.section("The two commands").blocks("sh").get(0).commands();
        assertEquals(List.of("./chm-node serve"), serve);
        Process node = bash("-c", serve.get(0) + " > node.log 2>&1").start();
        awaitHealth(8080, node, "node.log");

        List<String> problems = new ArrayList<>();
        int lines = 0;
        for (String command :
                readme.section("A walk through the API").blocks("sh").get(0).commands()) {
            lines++;
            Run run = run(command, Duration.ofSeconds(60));
            int expected = command.contains("type=poem") ? 400 : 200;
            if (run.exit() != 0 || run.status() != expected) {
                problems.add(command + ": exit " + run.exit() + ", HTTP " + run.status() + "\n" + run.output());
            }
            if (command.contains("type=poem") && !run.output().contains("application/problem+json")) {
                problems.add(command + ": not a problem document\n" + run.output());
            }
            if (command.contains("meeting=cbd-cop-15-2") && !run.output().contains("cbd-decision-15-4")) {
                problems.add(command + ": decision 15/4 missing\n" + run.output());
            }
            if (command.contains("verb=ListRecords") && !run.output().contains("<oai_dc:dc")) {
                problems.add(command + ": not an OAI-PMH list of oai_dc records\n" + run.output());
            }
            if (command.contains("/informea.svc") && !run.output().contains("\"__metadata\"")) {
                problems.add(command + ": not an OData JSON verbose feed\n" + run.output());
            }
            if (command.contains("/sparql") && !run.output().contains("\"bindings\"")) {
                problems.add(command + ": not SPARQL JSON results\n" + run.output());
            }
            if (command.contains("text/turtle") && !run.output().contains("@prefix")) {
                problems.add(command + ": not Turtle\n" + run.output());
            }
        }
        assertTrue(lines >= 15, "the walk-through has its commands: " + lines);
        assertEquals(List.of(), problems);
    }

    @Test
    void theExchangeBetweenTwoNodesWorksAsWritten() throws Exception {
        Readme.Section exchange = readme.section("Exchange between nodes");
        List<Readme.Block> shell = exchange.blocks("sh");
        assertEquals(2, shell.size(), "one block of tokens, one walk-through");

        // 1. The tokens: each line prints a token and its entry; the reader keeps both.
        Map<String, String> values = new LinkedHashMap<>();
        for (String command : shell.get(0).commands()) {
            Run run = run(command, Duration.ofSeconds(60));
            assertEquals(0, run.exit(), command + "\n" + run.output());
            String name = group(Pattern.compile("--name (\\S+)"), command);
            values.put("<token of " + name + ">", group(Pattern.compile("(?m)^  (\\S{40,})$"), run.output()));
            values.put("<sha256 of " + name + ">", group(Pattern.compile("sha256: ([0-9a-f]{64})"), run.output()));
        }

        // 2. The configuration files, as the README shows them, with the printed values.
        List<Readme.Block> yaml = exchange.blocks("yaml");
        assertEquals(
                List.of("central.yaml", "national.yaml"),
                yaml.stream().map(Readme.Block::file).toList());
        for (Readme.Block file : yaml) {
            Files.writeString(dir.resolve(file.file()), fill(file.text(), values));
        }

        // 3. The walk-through, one bash script that stops at the first failing command.
        Run walk = run(fill(shell.get(1).text(), values), SCRIPT);
        assertEquals(0, walk.exit(), "the walk-through failed:\n" + walk.output() + logs());
        assertTrue(
                Pattern.compile("Harvest of central ended after .*: 1 page\\(s\\), [1-9]\\d* created")
                        .matcher(walk.output())
                        .find(),
                "the harvest brought the central node's decisions:\n" + walk.output());

        // What a sceptic then checks on the two nodes.
        String focalPoint = "http://localhost:8081/records/focal-point/co-cbd-fp1-ana-ejemplo";
        JsonNode central = get("http://localhost:8080/records?type=focal-point&country=co");
        assertEquals(List.of(focalPoint), ids(central.path("items")), "the focal point reached the central node");
        JsonNode status = get("http://localhost:8081/status");
        JsonNode target = status.path("publish").get(0);
        assertEquals("to-central", target.path("name").asText());
        assertTrue(target.path("lastRun").path("ok").asBoolean(), status.toPrettyString());
        assertEquals(0, target.path("deadLetters").asInt(), "nothing refused: " + status.toPrettyString());
        assertEquals(0, target.path("pendingChanges").asInt(), status.toPrettyString());
        JsonNode decisions = get("http://localhost:8081/records?type=decision&limit=500");
        assertTrue(
                ids(decisions.path("items")).contains("http://localhost:8080/records/decision/cbd-decision-15-4"),
                "the national node holds the central node's decisions");
        JsonNode fromNational = get("http://localhost:8080/records?limit=500&country=co");
        List<String> national = ids(fromNational.path("items")).stream()
                .filter(id -> id.startsWith("http://localhost:8081/"))
                .toList();
        assertEquals(List.of(focalPoint), national, "only the national node's own record was published");
        assertFalse(walk.output().contains("[HTTP 5"), walk.output());
    }

    @Test
    void theCbdHarvestFromTheReplayWorksAsWritten() throws Exception {
        List<Readme.Block> shell = readme.section("From the CBD clearing-house").blocks("sh");
        assertEquals(1, shell.size());
        // a fresh clone has examples/cbd.yaml
        Files.createDirectories(dir.resolve("examples"));
        Files.copy(
                ROOT.resolve("examples").resolve("cbd.yaml"),
                dir.resolve("examples").resolve("cbd.yaml"));

        Run walk = run(shell.get(0).text(), SCRIPT);

        assertEquals(0, walk.exit(), "the walk-through failed:\n" + walk.output() + logs());
        assertTrue(
                Pattern.compile("Harvest of cbd ended after .*: \\d+ page\\(s\\), 14 created")
                        .matcher(walk.output())
                        .find(),
                walk.output());
        JsonNode reports = get("http://localhost:8080/records?type=national-report");
        assertEquals(5, reports.path("totalItems").asInt(), reports.toPrettyString());
        JsonNode found = get("http://localhost:8080/records?identifier=chm-nfp-tg-900001-4");
        assertEquals(
                List.of("http://127.0.0.1:8099/records/focal-point/F0C4A1P0-0001-4A7B-9C01-EXAMPLE00001"),
                ids(found.path("items")));
        assertFalse(walk.output().contains("[HTTP 5"), walk.output());
    }

    /** Runs {@code script} with {@code bash -e} (stops at the first failing command). */
    private Run run(String script, Duration timeout) throws Exception {
        Path file = Files.createTempFile(dir, "step-", ".sh");
        Files.writeString(file, script + "\n");
        ProcessBuilder pb = bash("-e", file.toString()).redirectErrorStream(true);
        Path out = Files.createTempFile(dir, "step-", ".out");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Timed out after " + timeout + ":\n" + script + "\n---\n" + Files.readString(out) + logs());
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Matcher m = STATUS.matcher(output);
        return new Run(p.exitValue(), m.find() ? Integer.parseInt(m.group(1)) : -1, output);
    }

    /** bash in the fresh folder, HOME there too (for the {@code .curlrc}). */
    private ProcessBuilder bash(String... args) {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("HOME", dir.toString());
        return pb;
    }

    private void awaitHealth(int port, Process starter, String log) throws Exception {
        long deadline = System.nanoTime() + NODE_START.toNanos();
        while (System.nanoTime() < deadline) {
            try (Response r = HTTP.newCall(new Request.Builder()
                            .url("http://localhost:" + port + "/health")
                            .build())
                    .execute()) {
                if (r.code() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                if (!starter.isAlive() && starter.exitValue() != 0) {
                    fail("the node stopped: " + Files.readString(dir.resolve(log)));
                }
            }
            Thread.sleep(500);
        }
        fail("the node did not answer on port " + port + " within " + NODE_START + ": " + logs());
    }

    private static JsonNode get(String url) throws IOException {
        try (Response r = HTTP.newCall(new Request.Builder()
                        .url(url)
                        .header("Accept", "application/json")
                        .build())
                .execute()) {
            assertEquals(200, r.code(), url);
            return JSON.readTree(r.body().string());
        }
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            filled = filled.replace(v.getKey(), v.getValue());
        }
        Matcher left = Pattern.compile("<(token|sha256) of [^>]+>").matcher(filled);
        assertFalse(left.find(), () -> "a placeholder no command of the README printed: " + left.group());
        return filled;
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), () -> p + " not found in:\n" + text);
        return m.group(1);
    }

    private String logs() throws IOException {
        StringBuilder logs = new StringBuilder();
        for (String name : List.of("node.log", "central.log", "national.log", "replay.log", "cbd.log")) {
            Path log = dir.resolve(name);
            if (Files.exists(log)) {
                String text = Files.readString(log);
                logs.append("\n--- ")
                        .append(name)
                        .append(" (end) ---\n")
                        .append(text.substring(Math.max(0, text.length() - 4000)));
            }
        }
        return logs.toString();
    }

    private Path pids() {
        return dir.resolve("node.pids");
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("chm-node")) ? here : here.getParent();
    }

    private record Run(int exit, int status, String output) {}
}
