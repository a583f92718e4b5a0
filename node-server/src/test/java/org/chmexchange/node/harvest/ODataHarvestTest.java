package org.chmexchange.node.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.informea.ODataDates;
import org.chmexchange.node.replay.InformeaRows;
import org.chmexchange.node.replay.ODataReplay;
import org.chmexchange.testkit.harvest.HarvestFixture;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol {@code odata} against {@link ODataReplay}, a real HTTP server with synthetic rows of six
 * entity sets in InforMEA's shapes: paging, JSON verbose and v4, next links, deferred navigation,
 * incremental runs, a service that ignores the filter or {@code $skip}, deletions at the end of a full
 * run, a crash between pages.
 */
class ODataHarvestTest extends HarvestFixture {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Map<String, Integer> COUNTS =
            Map.of("Decisions", 12, "Meetings", 10, "Contacts", 7, "CountryReports", 5, "NationalPlans", 4, "Sites", 6);
    static final int TOTAL = 44;

    private ODataReplay replay;
    private final Map<String, String> options = new HashMap<>(Map.of("pageSize", "5"));

    @BeforeEach
    void startReplay() {
        replay = ODataReplay.start("127.0.0.1", 0);
        COUNTS.forEach((set, n) -> replay.put(set, InformeaRows.NAVIGATION.get(set), InformeaRows.of(set, n, T0)));
    }

    @AfterEach
    void stopReplay() {
        replay.close();
    }

    @Override
    protected HarvestSource source() {
        return new HarvestSource("cites", "odata", replay.url(), options);
    }

    private IRI record(String type, String id) {
        return Values.iri(replay.url() + "/records/" + type + "/" + id);
    }

    private List<String> requests(String part) {
        return replay.requests().stream().filter(r -> r.contains(part)).toList();
    }

    @Test
    void aFullRunReadsEveryEntitySetPageByPageWithItsExpand() {
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();
        HarvestOutcome outcome = harvest(recorder);
        assertOk(outcome);
        assertEquals(TOTAL, outcome.counts().created(), recorder.rejected::toString);
        assertEquals(TOTAL, harvested().size());
        assertTrue(requests("/Decisions?").stream()
                .allMatch(r -> r.contains("$orderby=updated desc,id")
                        && r.contains("$expand=title,longTitle,summary,content,keywords,files")
                        && r.contains("$top=5")));
        assertEquals(3, requests("/Decisions?").size(), "12 rows in pages of 5");
        Model decision = store.get(record("decision", "dec-3")).orElseThrow();
        assertTrue(decision.contains(null, CHM.meeting, record("meeting", "mtg-3")));
        assertTrue(decision.contains(null, DCTERMS.TITLE, Values.literal("Décision 3", "fr")));
        assertTrue(store.get(record("national-report", "plan-np-1")).isPresent());
        assertTrue(recorder.notices.stream().anyMatch(n -> n.contains("summary had HTML")), recorder.notices::toString);
        assertTrue(runner.state("cites").get("mode").isEmpty(), "the run ended");
        assertTrue(runner.state("cites").get("fullAt").isPresent());
    }

    @Test
    void anIncrementalRunAsksForWhatChangedAndAFullRunDeletesWhatVanished() {
        assertOk(harvest());
        ObjectNode changed = InformeaRows.row("Meetings", 4, T0.plusSeconds(86_400));
        changed.withArray("title").removeAll().addObject().put("language", "en").put("value", "Renamed meeting");
        replay.put("Meetings", InformeaRows.NAVIGATION.get("Meetings"), List.of(changed));
        replay.remove("Sites", "site-2");
        int before = replay.requests().size();

        HarvestOutcome incremental = harvest();
        assertOk(incremental);
        List<String> sent = replay.requests().subList(before, replay.requests().size());
        assertTrue(
                sent.stream()
                        .filter(r -> r.startsWith("/Meetings?"))
                        .allMatch(r -> r.contains("$filter=updated gt datetime'")),
                sent::toString);
        assertEquals(1, incremental.counts().updated(), incremental::toString);
        assertEquals(0, incremental.counts().deleted(), "an incremental run cannot see deletions");
        assertTrue(store.get(record("meeting", "mtg-4"))
                .orElseThrow()
                .contains(null, DCTERMS.TITLE, Values.literal("Renamed meeting", "en")));

        options.put("fullEvery", "PT0S");
        HarvestOutcome full = harvest();
        assertOk(full);
        assertEquals(0, full.counts().created() + full.counts().updated(), "writes only what changed");
        assertEquals(1, full.counts().deleted());
        assertFalse(harvested().contains(record("site", "site-2")));
        assertEquals(TOTAL - 1, harvested().size());
    }

    @Test
    void aServiceThatIgnoresTheFilterIsDetectedAndGetsFullRuns() {
        options.put("overlap", "PT0S");
        assertOk(harvest());
        replay.ignoreFilter(true);
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();
        HarvestOutcome second = harvest(recorder);
        assertOk(second);
        assertTrue(
                recorder.notices.stream().anyMatch(n -> n.contains("it ignores the filter")),
                recorder.notices::toString);
        assertTrue(runner.state("cites").get("filterIgnored").orElseThrow().contains("Decisions"));
        replay.remove("Contacts", "nfp-1");
        int before = replay.requests().size();
        HarvestOutcome third = harvest();
        assertOk(third);
        assertTrue(
                replay.requests().subList(before, replay.requests().size()).stream()
                        .noneMatch(r -> r.contains("$filter")),
                "full runs from now on");
        assertEquals(1, third.counts().deleted());
    }

    @Test
    void aServiceThatIgnoresSkipIsStoppedWithAClearError() {
        replay.ignoreSkip(true);
        HarvestOutcome outcome = harvest();
        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("ignores $skip"), outcome.error());
    }

    @Test
    void serverDrivenNextLinksAreFollowedAndV4JsonIsRead() {
        replay.serverPageSize(3);
        replay.v4(true);
        HarvestOutcome outcome = harvest();
        assertOk(outcome);
        assertEquals(TOTAL, harvested().size());
        assertEquals(4, requests("/Decisions?").size(), "12 rows in server pages of 3");
        assertTrue(replay.requests().stream().anyMatch(r -> r.startsWith("/Decisions?") && r.contains("$skip=9")));
    }

    @Test
    void withoutExpandNavigationPropertiesAreReadByOneGetEach() {
        replay.rejectExpand(true);
        options.put("entitySets", "Sites");
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();
        HarvestOutcome outcome = harvest(recorder);
        assertOk(outcome);
        assertEquals(6, harvested().size(), recorder.rejected::toString);
        assertEquals(6, requests("')/name").size());
        assertTrue(store.get(record("site", "site-0"))
                .orElseThrow()
                .contains(null, DCTERMS.TITLE, Values.literal("Wetland 0", "en")));
    }

    @Test
    void aCrashBetweenPagesResumesWithoutTheDeletionSweep() {
        HarvestOutcome crashed = runner.run(source(), HarvestTesting.crashAfter(4));
        assertFalse(crashed.ok());
        assertEquals("full", runner.state("cites").get("mode").orElseThrow());
        assertTrue(harvested().contains(record("decision", "dec-11")), "the first page, committed");
        replay.remove("Decisions", "dec-11");
        HarvestOutcome resumed = harvest();
        assertOk(resumed);
        assertEquals(0, resumed.counts().deleted(), "a resumed run cannot know what the stopped run saw");
        assertTrue(harvested().contains(record("decision", "dec-11")));
        assertTrue(runner.state("cites").get("mode").isEmpty());
        options.put("fullEvery", "PT0S");
        HarvestOutcome full = harvest();
        assertOk(full);
        assertEquals(1, full.counts().deleted());
        assertEquals(TOTAL - 1, harvested().size());
    }

    @Test
    void aRowThatCannotBeMappedIsReportedAndKeepsItsEarlierRecord() {
        assertOk(harvest());
        ObjectNode broken = InformeaRows.row("Contacts", 3, T0.plusSeconds(86_400));
        broken.put("country", "Atlantis");
        replay.put("Contacts", InformeaRows.NAVIGATION.get("Contacts"), List.of(broken));
        options.put("fullEvery", "PT0S");
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();
        HarvestOutcome outcome = harvest(recorder);
        assertOk(outcome);
        assertTrue(
                recorder.notices.stream().anyMatch(n -> n.contains("'Atlantis'") && n.contains("skipped")),
                recorder.notices::toString);
        assertEquals(0, outcome.counts().deleted(), "the unmapped row's earlier record is kept");
        assertTrue(harvested().contains(record("focal-point", "nfp-3")));
        assertEquals(
                ODataDates.json(T0),
                InformeaRows.row("Sites", 0, T0).path("updated").asText());
    }
}
