package org.chmexchange.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.ConfigFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theCommandLineOverridesTheFile() throws IOException {
        Path file = dir.resolve("chm-node.yaml");
        Files.writeString(
                file,
                """
                node:
                  port: 9090
                  data: from-file
                  baseUrl: https://file.example.org/
                  maxRequestBytes: 2048
                tokens:
                  - name: colombia
                    sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                    countries: [co]
                """);
        ServeCommand fromFile = new ServeCommand();
        new CommandLine(fromFile).parseArgs("--config", file.toString(), "--no-sample-data");
        NodeConfig config = fromFile.config();
        assertEquals(9090, config.port());
        assertEquals(Path.of("from-file"), config.dataDir());
        assertEquals("https://file.example.org/", config.baseIri());
        assertEquals(2048, config.maxRequestBytes());
        assertFalse(config.loadSampleData());
        assertEquals(
                List.of("colombia"), config.tokens().stream().map(Token::name).toList());

        ServeCommand overridden = new ServeCommand();
        new CommandLine(overridden)
                .parseArgs(
                        "--config",
                        file.toString(),
                        "--port",
                        "0",
                        "--data",
                        dir.resolve("cli-data").toString(),
                        "--base-url",
                        "https://cli.example.org/");
        NodeConfig over = overridden.config();
        assertEquals(0, over.port());
        assertEquals(dir.resolve("cli-data"), over.dataDir());
        assertEquals("https://cli.example.org/", over.baseIri());
        assertEquals(2048, over.maxRequestBytes(), "what the command line does not name comes from the file");
        assertEquals(1, over.tokens().size());
        assertTrue(over.loadSampleData());

        ServeCommand noFile = new ServeCommand();
        new CommandLine(noFile).parseArgs("--port", "7070");
        NodeConfig defaults = noFile.config();
        assertEquals(7070, defaults.port());
        assertEquals(Path.of("chm-data"), defaults.dataDir());
        assertNull(defaults.baseIri());
        assertTrue(defaults.tokens().isEmpty());
    }

    @Test
    void aBadFileExitsWithUsageErrorAndTheLine() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "node:\n  prot: 8080\n");
        Run run = run(new ChmNode(), "serve", "--config", file.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("line 2"), run.err());
        assertTrue(run.err().contains("unknown key 'prot' in node"), run.err());
    }

    @Test
    void tokenNewPrintsATokenAndItsEntry() {
        Run run = run(
                new ChmNode(),
                "token",
                "new",
                "--name",
                "colombia",
                "--country",
                "CO",
                "--treaty",
                "cbd",
                "--treaty",
                "nagoya",
                "--type",
                "focal-point");
        assertEquals(0, run.exit(), run.err());
        Matcher token =
                Pattern.compile("^  ([A-Za-z0-9_-]{43})$", Pattern.MULTILINE).matcher(run.out());
        assertTrue(token.find(), run.out());
        String secret = token.group(1);
        String entry = run.out().substring(run.out().indexOf("  - name:"));
        ConfigFile file = ConfigFile.parse("tokens:\n" + entry, "printed entry");
        Token configured = file.tokens().get(0).toToken();
        assertEquals("colombia", configured.name());
        assertEquals(Tokens.sha256Hex(secret), configured.sha256());
        assertEquals(List.of("co"), file.tokens().get(0).countries());
        assertEquals(List.of("cbd", "nagoya"), file.tokens().get(0).treaties());
        assertEquals(
                java.util.Set.of(RecordType.FOCAL_POINT), configured.scope().types());
        assertEquals(
                1,
                run.out().split(Pattern.quote(secret), -1).length - 1,
                "the token is printed once, and the entry holds only its digest");
    }

    @Test
    void tokenNewRefusesABadScope() {
        Run run = run(new ChmNode(), "token", "new", "--name", "colombia", "--type", "report");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unknown record type 'report'"), run.err());
        assertTrue(run.out().isEmpty(), "no token is printed: " + run.out());
    }
}
