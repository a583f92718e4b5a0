package org.chmexchange.node.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderReadProperties;
import org.apache.olingo.odata2.api.ep.entry.ODataEntry;
import org.apache.olingo.odata2.api.ep.feed.ODataFeed;
import org.chmexchange.model.Common;
import org.chmexchange.model.Decision;
import org.chmexchange.model.LangText;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, part 2: two OData clients that are not the node's own read its {@code /informea.svc}:
 * Microsoft's datajs 1.0.3 (JavaScript, installed by {@code src/test/interop/install.sh}) and
 * Apache Olingo's client side ({@code EntityProvider.readMetadata} and {@code readFeed}). The node
 * holds the sample data, 150 more decisions written after a known time (so Decisions spans two
 * server pages of 100) and one deleted meeting. Every entity set is read to the end by its next
 * links; the counts are the store's, every entity has an English title, Decisions read by {@code
 * $skip} pages are the same entities, {@code $filter=updated gt} gives exactly the 150 later ones,
 * and the tombstone is listed.
 */
class ODataClientsIT {

    private static final Path CLIENTS = Path.of("target", "interop");
    private static final int MORE = 150;

    @TempDir
    static Path dataDir;

    private static ChmNodeServer node;
    private static String root;
    private static Instant before;
    private static final Set<String> later = new TreeSet<>();

    @BeforeAll
    static void start() throws InterruptedException {
        assertTrue(
                Files.isDirectory(CLIENTS.resolve("node_modules/datajs")),
                "datajs is not installed: run bash node-server/src/test/interop/install.sh (Maven runs it in"
                        + " pre-integration-test)");
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true));
        root = node.baseIri() + "informea.svc";
        Thread.sleep(5);
        before = Instant.now();
        Thread.sleep(5);
        List<org.chmexchange.model.Record> decisions = new ArrayList<>();
        for (int i = 0; i < MORE; i++) {
            String id = "syn-decision-" + i;
            IRI iri = RecordType.DECISION.mint(node.baseIri(), id);
            decisions.add(new Decision(
                    Common.builder(iri, "SYN/" + i)
                            .title(LangText.of("en", "Synthetic decision " + i, "fr", "Décision synthétique " + i))
                            .build(),
                    ChmThesaurus.treaty("cbd"),
                    ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, "decision"),
                    null,
                    LocalDate.of(2024, 1, 1).plusDays(i)));
            later.add(id);
        }
        node.store().put(RecordMapper.toRdf(decisions), RecordStore.localGraph(node.baseIri()));
        IRI meeting = node.store()
                .list(
                        new RecordQuery(Set.of(RecordType.MEETING), Set.of(), Set.of(), Set.of(), Set.of(), null, null),
                        null,
                        1)
                .items()
                .get(0)
                .iri();
        assertTrue(node.store().delete(meeting));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static long count(RecordType type) {
        return node.store().count(new RecordQuery(Set.of(type), Set.of(), Set.of(), Set.of(), Set.of(), null, null));
    }

    @Test
    void datajsReadsEverySetPagesFiltersAndFindsTheTombstone() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "node",
                CLIENTS.resolve("odata-datajs.js").toString(),
                root,
                before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                        .toString()
                        .replace("Z", ""),
                "Decisions=title,keywords,files",
                "Meetings=title,description",
                "Treaties=title,description",
                "Documents=title,files,keywords",
                "Contacts=treaties",
                "CountryReports=title,files",
                "NationalPlans=title,files",
                "Sites=name",
                "Tombstones="));
        Path log = Files.createTempFile(dataDir, "datajs", ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "datajs did not finish");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "datajs failed: " + err);
        JsonNode out = NodeFixture.JSON.readTree(Files.readString(log));

        assertEquals("informea", out.path("namespace").asText());
        assertEquals("InforMEAService", out.path("container").asText());
        Set<String> types = strings(out.path("entityTypes"));
        assertTrue(
                types.containsAll(List.of(
                        "Decision",
                        "Meeting",
                        "Contact",
                        "CountryReport",
                        "NationalPlan",
                        "Site",
                        "Treaty",
                        "Document",
                        "Tombstone",
                        "LocalizableString")),
                types::toString);
        assertTrue(strings(out.path("contactProperties")).containsAll(List.of("phoneNumber", "protocolVersion")));
        assertTrue(strings(out.path("listed")).containsAll(List.of("Decisions", "Tombstones", "NationalPlans")));
        assertTrue(out.path("hrefsUnderRoot").asBoolean(), "the collections resolve under the service root");

        JsonNode sets = out.path("sets");
        assertEquals(
                count(RecordType.DECISION),
                sets.path("Decisions").path("entities").asLong());
        assertEquals(2, sets.path("Decisions").path("pages").asInt(), "two server pages of 100");
        assertEquals(
                count(RecordType.MEETING),
                sets.path("Meetings").path("entities").asLong());
        assertEquals(
                count(RecordType.TREATY), sets.path("Treaties").path("entities").asLong());
        assertEquals(
                count(RecordType.DOCUMENT),
                sets.path("Documents").path("entities").asLong());
        assertEquals(1, sets.path("Tombstones").path("entities").asInt());
        sets.fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            assertEquals(
                    s.path("entities").asInt(),
                    new HashSet<>(strings(s.path("ids"))).size(),
                    e.getKey() + ": ids unique");
            assertEquals(0, s.path("withoutEnglishTitle").size(), e.getKey() + ": " + s.path("withoutEnglishTitle"));
            assertTrue(s.path("updatedIsODataDate").asBoolean(), e.getKey() + ": updated as /Date(ms)/");
        });
        JsonNode atom = out.path("atomDecisions");
        assertEquals(count(RecordType.DECISION), atom.path("entities").asLong(), "Atom, by its next links");
        assertEquals(atom.path("entities").asInt(), atom.path("titled").asInt());
        List<String> bySkip = list(out.path("decisionsBySkip"));
        assertEquals(strings(sets.path("Decisions").path("ids")), new TreeSet<>(bySkip), "$skip pages: the same");
        assertEquals(bySkip.size(), new HashSet<>(bySkip).size(), "$skip pages: no repeats");
        assertEquals(later, strings(out.path("updatedAfter")), "$filter=updated gt: the later decisions");
    }

    @Test
    void olingosClientSideReadsTheMetadataAndEveryPageOfAFeed() throws Exception {
        NodeFixture.Reply metadata = NodeFixture.get(root + "/$metadata", "application/xml");
        assertEquals(200, metadata.status());
        Edm edm = EntityProvider.readMetadata(bytes(metadata.body()), false);
        for (String format : List.of("application/atom+xml", "application/json")) {
            EdmEntitySet decisions = edm.getDefaultEntityContainer().getEntitySet("Decisions");
            Set<String> ids = new LinkedHashSet<>();
            int pages = 0;
            for (String url = root + "/Decisions"; url != null; pages++) {
                NodeFixture.Reply r = NodeFixture.get(url, format);
                assertEquals(200, r.status(), r.body());
                ODataFeed feed = EntityProvider.readFeed(
                        format,
                        decisions,
                        bytes(r.body()),
                        EntityProviderReadProperties.init().build());
                for (ODataEntry entry : feed.getEntries()) {
                    assertTrue(ids.add((String) entry.getProperties().get("id")), "no repeats");
                    assertEquals((short) 1, entry.getProperties().get("protocolVersion"));
                    assertTrue(entry.getProperties().get("updated") instanceof java.util.Calendar);
                }
                url = feed.getFeedMetadata().getNextLink();
            }
            assertEquals(count(RecordType.DECISION), ids.size(), format);
            assertEquals(2, pages, format);
        }
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> strings(JsonNode array) {
        return new TreeSet<>(list(array));
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
