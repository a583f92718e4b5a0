package org.chmexchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chmexchange.admission.ModifiedAtSource;
import org.chmexchange.node.cli.ChmNode;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.RecordPage;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.store.StoreCheck;
import org.chmexchange.testkit.KilledChild;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code chm-node harvest} of a peer node killed with SIGKILL twenty times mid-run (issue "A store
 * that survives crashes", part 1). After each kill the portal's folder opens and passes
 * {@link RecordStore#check()}, and every record it holds is the peer's. A last run then finishes the
 * harvest: the portal holds every record of the peer, each created exactly once in its change log
 * (a page applied twice, or a cursor saved ahead of its page, would show). People are fictional.
 */
@Tag("slow")
class HarvestKillTest {

    private static final int RECORDS = 6000;
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void aHarvestKilledTwentyTimesResumesAndEndsComplete() throws Exception {
        killAndFinish("    protocol: peer\n    url: %s\n    options:\n      limit: 100\n", RECORDS, KILLS, true);
    }

    /**
     * The same over InforMEA's protocol: the portal's {@code odata} harvester reads the central
     * node's {@code /informea.svc} (pages of 100 by the provider's next links), killed ten times.
     * The Contacts rows carry less than the records (InforMEA has no field for a focal point's
     * categories), so the copies are counted, not compared.
     */
    @Test
    void anODataHarvestOfANodeKilledTenTimesResumesAndEndsComplete() throws Exception {
        killAndFinish(
                "    protocol: odata\n    url: %sinformea.svc\n    options:\n      entitySets: Contacts\n"
                        + "      pageSize: 100\n",
                RECORDS / 3, KILLS / 2, false);
    }

    private void killAndFinish(String source, int records, int kills, boolean sameContent) throws Exception {
        try (ChmNodeServer central = ChmNodeServer.start(new NodeConfig(0, dir.resolve("central"), null, false))) {
            Model batch = new LinkedHashModel();
            for (int i = 0; i < records; i++) {
                batch.addAll(Fictional.focalPoint(
                        central.baseIri(), "ke-cbd-fp1-person-" + i, "ke", "Person " + i, "p" + i + "@example.org"));
                if (batch.size() > 5000) {
                    central.store().put(batch, RecordStore.localGraph(central.baseIri()));
                    batch = new LinkedHashModel();
                }
            }
            central.store().put(batch, RecordStore.localGraph(central.baseIri()));
            Path portal = dir.resolve("portal");
            Path config = dir.resolve("portal.yaml");
            Files.writeString(
                    config,
                    """
                    node:
                      data: %s
                      baseUrl: http://portal.example.org/
                    sources:
                      - name: central
                    """
                                    .formatted(portal)
                            + source.formatted(central.baseIri()));
            Random rnd = new Random(7);
            List<String> failures = new ArrayList<>();
            long previous = 0;
            for (int kill = 1; kill <= kills; kill++) {
                KilledChild.runAndKill(
                        ChmNode.class,
                        "Harvesting ",
                        rnd.nextInt(200, 1200),
                        dir.resolve("child.log"),
                        "harvest",
                        "central",
                        "--config",
                        config.toString(),
                        "--plain");
                try (RecordStore store = RecordStore.openEmbedded(portal)) {
                    StoreCheck check = store.check();
                    if (!check.sound()) {
                        failures.add("kill " + kill + ": " + check.problems());
                    }
                    long count = store.count(RecordQuery.ALL);
                    if (count < previous) {
                        failures.add("kill " + kill + ": " + count + " records after " + previous + " before");
                    }
                    previous = count;
                    String differs = sameContent ? sameAsCentral(store, central.store()) : null;
                    if (differs != null) {
                        failures.add("kill " + kill + ": " + differs);
                    }
                }
            }
            assertEquals(List.of(), failures);
            assertTrue(previous < records, "the kills came mid-run: " + previous + " of " + records + " harvested");

            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new ChmNode());
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(out));
            assertEquals(
                    0, cli.execute("harvest", "central", "--config", config.toString(), "--plain"), out.toString());
            try (RecordStore store = RecordStore.openEmbedded(portal)) {
                assertEquals(records, store.count(RecordQuery.ALL));
                assertEquals(records, store.countChanges(ChangeQuery.ALL), "each record created exactly once");
                assertEquals(List.of(), store.check().problems());
                if (sameContent) {
                    assertEquals(null, sameAsCentral(store, central.store()));
                }
            }
        }
    }

    /** Null if every record of {@code portal} is the central's (apart from the time it was stored). */
    private static String sameAsCentral(RecordStore portal, RecordStore central) {
        IRI after = null;
        for (RecordPage page = portal.list(RecordQuery.ALL, null, 500);
                !page.items().isEmpty();
                page = portal.list(RecordQuery.ALL, after, 500)) {
            for (RecordSummary r : page.items()) {
                Model here = portal.get(r.iri()).orElseThrow();
                Model there = central.get(r.iri()).orElse(null);
                if (there == null) {
                    return "<" + r.iri() + "> is not a record of the central node";
                }
                // A copy is the central's record with the central's time of change as modifiedAtSource.
                ModifiedAtSource.carry(there, r.iri());
                here.remove(r.iri(), DCTERMS.MODIFIED, null);
                there.remove(r.iri(), DCTERMS.MODIFIED, null);
                if (!here.equals(there)) {
                    return "<" + r.iri() + "> differs from the central's: " + here;
                }
            }
            after = page.lastKey().orElse(null);
            if (after == null) {
                break;
            }
        }
        return null;
    }
}
