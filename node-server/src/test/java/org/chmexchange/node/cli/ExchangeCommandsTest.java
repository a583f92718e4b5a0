package org.chmexchange.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.Fictional;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.TokenEntry;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code chm-node harvest} and {@code chm-node publish} driven in-process against a real node on a
 * free port, with configuration files written to a temporary folder. All people are fictional.
 */
class ExchangeCommandsTest {

    static final String CENTRAL_TOKEN = Tokens.newToken();
    static final String BASE = "http://national.example.org/";

    @TempDir
    static Path dir;

    static ChmNodeServer central;

    @BeforeAll
    static void start() {
        central = ChmNodeServer.start(new NodeConfig(0, dir.resolve("central"), null, false)
                .withTokens(List.of(
                        new TokenEntry("national", Tokens.sha256Hex(CENTRAL_TOKEN), null, null, null).toToken())));
        Fictional.publishLocally(
                central.store(), central.baseIri(), "ke-cbd-fp1-amani", "ke", "Amani Mfano", "amani.mfano@example.org");
        Fictional.publishLocally(
                central.store(), central.baseIri(), "fr-cbd-fp1-jeanne", "fr", "Jeanne Exemple", "jeanne@example.org");
        Fictional.publishLocally(
                central.store(), central.baseIri(), "jp-cbd-fp1-hanako", "jp", "Hanako Rei", "hanako.rei@example.org");
    }

    @AfterAll
    static void stop() {
        central.close();
    }

    record Run(int exit, String out, String err) {}

    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ChmNode());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        ((HarvestCommand) cli.getSubcommands().get("harvest").getCommand()).environment = environment;
        ((PublishCommand) cli.getSubcommands().get("publish").getCommand()).environment = environment;
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path config(String name, Path data) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(
                file,
                """
                node:
                  data: %s
                  baseUrl: %s
                sources:
                  - name: central
                    protocol: peer
                    url: %s
                    options:
                      limit: 2
                publish:
                  - name: to-central
                    url: %s
                    tokenEnv: CENTRAL_TOKEN
                """
                        .formatted(data, BASE, central.baseIri(), central.baseIri()));
        return file;
    }

    @Test
    void harvestPrintsEachPageAndASummary() throws IOException {
        Path data = dir.resolve("harvested");
        long records = central.store().count(RecordQuery.ALL); // 3, or 4 after the publishing test
        long pages = (records + 1) / 2; // every change is a create, two per page
        Run run = run(
                Map.of(),
                "harvest",
                "central",
                "--config",
                config("harvest", data).toString());
        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().contains("Harvesting central (peer, " + central.baseIri() + ")"), run.out());
        assertTrue(run.out().contains("page 1: 2 created, 0 updated, 0 unchanged, 0 deleted, 0 rejected"), run.out());
        assertTrue(run.out().contains("page 2: "), run.out());
        String summary = pages + " page(s), " + records + " created, 0 updated, 0 unchanged, 0 deleted, 0 rejected";
        assertTrue(
                run.out().contains("Harvest of central ended after ")
                        && run.out().contains(summary),
                run.out());
        assertTrue(run.out().contains("The data folder holds " + records + " record(s)."), run.out());

        Run again = run(
                Map.of(),
                "harvest",
                "central",
                "--config",
                config("harvest", data).toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("0 page(s), 0 created"), "nothing new: " + again.out());
        try (RecordStore store = RecordStore.openEmbedded(data)) {
            assertEquals(records, store.count(RecordQuery.ALL));
        }
    }

    @Test
    void harvestOfAnUnknownSourceOrWithoutItsTokenIsAUsageError() throws IOException {
        Path file = config("usage", dir.resolve("usage"));
        Run unknown = run(Map.of(), "harvest", "nowhere", "--config", file.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no source named 'nowhere'; configured: central"), unknown.err());

        Run noToken = run(Map.of(), "publish", "to-central", "--config", file.toString());
        assertEquals(2, noToken.exit());
        assertTrue(noToken.err().contains("CENTRAL_TOKEN, which is not set"), noToken.err());
    }

    @Test
    void harvestIntoTheFolderOfARunningNodeSaysItIsInUse() throws IOException {
        Run run = run(
                Map.of(),
                "harvest",
                "central",
                "--config",
                config("in-use", dir.resolve("unused")).toString(),
                "--data",
                dir.resolve("central").toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.err().contains("is in use"), run.err());
        assertTrue(run.err().contains("/admin/harvest/"), run.err());
        assertTrue(central.store().count(RecordQuery.ALL) >= 3, "the running node is not disturbed");
    }

    @Test
    void publishPushesLocalRecordsWithTheTargetToken() throws IOException {
        Path data = dir.resolve("national");
        try (RecordStore store = RecordStore.openEmbedded(data)) {
            store.setSetting(org.chmexchange.store.SettingKey.BASE_IRI, BASE);
            Fictional.publishLocally(store, BASE, "co-cbd-fp1-mateo", "co", "Mateo Ejemplo", "mateo@example.org");
        }
        IRI mateo = RecordType.FOCAL_POINT.mint(BASE, "co-cbd-fp1-mateo");
        Run run = run(
                Map.of("CENTRAL_TOKEN", CENTRAL_TOKEN),
                "publish",
                "to-central",
                "--config",
                config("publish", data).toString());
        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().contains("Publishing to to-central (" + central.baseIri() + "): 1 change(s)"), run.out());
        assertTrue(run.out().contains("1 record(s) sent, 0 deletion(s) sent"), run.out());
        assertTrue(run.out().contains("0 change(s) pending"), run.out());
        assertTrue(central.store().get(mateo).isPresent(), "the central node has the record");

        try (RecordStore store = RecordStore.openEmbedded(data)) {
            Fictional.publishLocally(store, BASE, "co-cbd-fp1-sofia", "co", "Sofía Ejemplo", "sofia@example.org");
        }
        Run wrongToken = run(
                Map.of("CENTRAL_TOKEN", "not-the-token"),
                "publish",
                "to-central",
                "--config",
                config("publish", data).toString());
        assertEquals(1, wrongToken.exit(), "refused by the peer: " + wrongToken.out());
        assertTrue(wrongToken.out().contains("Publishing to to-central FAILED"), wrongToken.out());
        assertTrue(wrongToken.out().contains("401"), wrongToken.out());
        assertTrue(wrongToken.out().contains("1 change(s) pending"), wrongToken.out());
    }

    @Test
    void publishSetsARefusedRecordAsideAndRetriesItOnDemand() throws IOException {
        Path data = dir.resolve("national-dead-letters");
        IRI empty = RecordType.DECISION.mint(BASE, "co-dec-empty");
        try (RecordStore store = RecordStore.openEmbedded(data)) {
            store.setSetting(org.chmexchange.store.SettingKey.BASE_IRI, BASE);
            org.eclipse.rdf4j.model.Model invalid = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
            invalid.add(empty, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, org.chmexchange.vocab.CHM.Decision);
            store.put(invalid, RecordStore.localGraph(BASE)); // the library does not validate; the peer does
            Fictional.publishLocally(store, BASE, "co-cbd-fp1-lucas", "co", "Lucas Ejemplo", "lucas@example.org");
        }
        Path file = config("dead-letters", data);
        Map<String, String> env = Map.of("CENTRAL_TOKEN", CENTRAL_TOKEN);
        Run first = run(env, "publish", "to-central", "--config", file.toString());
        assertEquals(0, first.exit(), "a refused record does not fail the run: " + first.err() + first.out());
        assertTrue(first.out().contains("1 refused by the peer and set aside"), first.out());
        assertTrue(first.out().contains("1 change(s) refused by to-central and set aside"), first.out());
        assertTrue(first.out().contains("upsert " + empty + " (change 1): 422"), first.out());
        assertTrue(central.store()
                .get(RecordType.FOCAL_POINT.mint(BASE, "co-cbd-fp1-lucas"))
                .isPresent());

        Run retried = run(env, "publish", "to-central", "--retry-dead-letters", "--config", file.toString());
        assertTrue(retried.out().contains("Dead letters sent again: 0 accepted, 1 refused again"), retried.out());

        try (RecordStore store = RecordStore.openEmbedded(data)) {
            store.delete(empty);
        }
        Run cleared = run(env, "publish", "to-central", "--retry-dead-letters", "--config", file.toString());
        assertTrue(cleared.out().contains("Dead letters sent again: 1 accepted, 0 refused again"), cleared.out());
        assertTrue(!cleared.out().contains("set aside (dead letters"), cleared.out());
    }
}
