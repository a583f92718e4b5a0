package org.chmexchange.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.chmexchange.informea.InformeaEntitySet;
import org.chmexchange.informea.InformeaMapper;
import org.chmexchange.informea.InformeaRecord;
import org.chmexchange.informea.InformeaTreaties;
import org.chmexchange.informea.ODataDates;
import org.chmexchange.model.Common;
import org.chmexchange.model.Record;
import org.chmexchange.model.Samples;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Thesaurus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OData provider over an embedded store holding the sample records, called as the HTTP server
 * calls it: service document, metadata, feeds in JSON verbose and Atom, paging, filters, entities,
 * navigation, tombstones, errors; and the rows mapped back by the harvester's mapper.
 */
class InformeaProviderTest {

    static final Thesaurus THESAURUS = Thesaurus.fromClasspath();
    static final URI ROOT = URI.create("http://node.example.org/informea.svc/");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    RecordStore store;
    InformeaProvider odata;

    @BeforeEach
    void fill() {
        store = RecordStore.openEmbedded(dir);
        store.put(RecordMapper.toRdf(Samples.all()), RecordStore.localGraph(Samples.BASE));
        odata = new InformeaProvider(store, THESAURUS, Samples.BASE, ROOT, 2);
    }

    @AfterEach
    void close() {
        store.close();
    }

    ODataAnswer get(String path, String... query) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            q.computeIfAbsent(query[i], k -> new ArrayList<>()).add(query[i + 1]);
        }
        return odata.serve(new ODataCall("GET", path, q, Map.of("Accept", List.of("application/json"))));
    }

    JsonNode json(String path, String... query) throws Exception {
        ODataAnswer a = get(path, query);
        String body = new String(a.body(), StandardCharsets.UTF_8);
        assertEquals(200, a.status(), body);
        return JSON.readTree(body);
    }

    @Test
    void serviceDocumentAndMetadata() throws Exception {
        JsonNode doc = json("");
        List<String> sets = new ArrayList<>();
        doc.path("d").path("EntitySets").forEach(n -> sets.add(n.asText()));
        assertTrue(
                sets.containsAll(List.of(
                        "Decisions",
                        "Meetings",
                        "Contacts",
                        "CountryReports",
                        "NationalPlans",
                        "Sites",
                        "Treaties",
                        "Documents",
                        "Tombstones")),
                sets.toString());
        ODataAnswer meta =
                odata.serve(new ODataCall("GET", "$metadata", Map.of(), Map.of("Accept", List.of("application/xml"))));
        String xml = new String(meta.body(), StandardCharsets.UTF_8);
        assertEquals(200, meta.status());
        assertTrue(xml.contains("Namespace=\"informea\""), xml);
        assertTrue(xml.contains("Name=\"InforMEAService\""));
        assertTrue(xml.contains("Name=\"phoneNumber\""));
        assertTrue(xml.contains("Name=\"protocolVersion\""));
    }

    @Test
    void aFeedPagedByTheServerWithExpandedTexts() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        JsonNode page = json("Decisions", "$expand", "title,summary,keywords,files", "$inlinecount", "allpages");
        String first = page.toString();
        int pages = 1;
        while (true) {
            page.path("d").path("results").forEach(rows::add);
            String next = page.path("d").path("__next").asText(null);
            if (next == null) {
                break;
            }
            HttpUrl url = HttpUrl.get(next);
            String path = url.encodedPath().substring(ROOT.getRawPath().length());
            List<String> q = new ArrayList<>();
            for (String n : url.queryParameterNames()) {
                for (String v : url.queryParameterValues(n)) {
                    q.add(n);
                    q.add(v);
                }
            }
            page = json(path, q.toArray(String[]::new));
            pages++;
        }
        assertTrue(first.contains("\"__count\":\"1\""), first);
        assertEquals(1, rows.size());
        assertEquals(1, pages);
        JsonNode r = rows.get(0);
        assertEquals(1, r.path("protocolVersion").asInt());
        assertNotNull(ODataDates.instant(r.path("updated").asText()), r.toString());
        assertFalse(r.path("title").path("results").isEmpty(), r.toString());
    }

    @Test
    void pagesOfTwoFollowTheNextLinksToEveryRecordInUpdatedOrder() throws Exception {
        // one more record per type, written later: 2 decisions, newest last
        Record later = RecordMapper.fromRdf(
                RecordMapper.toRdf(Samples.meeting()), Samples.meeting().iri());
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        JsonNode page = json("Meetings", "$inlinecount", "allpages");
        assertEquals(1, page.path("d").path("__count").asInt());
        page.path("d").path("results").forEach(r -> {
            ids.add(r.path("id").asText());
            times.add(ODataDates.instant(r.path("updated").asText()).toEpochMilli());
        });
        assertEquals(List.of(later.common().iri().getLocalName()), ids);
        assertTrue(page.path("d").path("__next").isMissingNode(), "one page: no next link");
    }

    @Test
    void updatedGtTreatyAndCountryFilter() throws Exception {
        Instant before = Instant.now();
        Thread.sleep(5);
        assertEquals(
                0,
                json("Decisions", "$filter", "updated gt datetime'" + iso(before) + "'")
                        .path("d")
                        .path("results")
                        .size());
        Common c = Samples.decision().common();
        Record changed = new org.chmexchange.model.Decision(
                Common.builder(c.iri(), c.identifier())
                        .title(c.title().with("en", "Changed"))
                        .build(),
                Samples.decision().treaty(),
                Samples.decision().decisionType(),
                Samples.decision().meeting(),
                Samples.decision().adopted());
        store.put(RecordMapper.toRdf(changed), RecordStore.localGraph(Samples.BASE));
        JsonNode since = json("Decisions", "$filter", "updated gt datetime'" + iso(before) + "'", "$expand", "title");
        assertEquals(1, since.path("d").path("results").size());
        assertEquals(
                "cbd",
                json("Decisions", "$filter", "treaty eq 'cbd'")
                        .path("d")
                        .path("results")
                        .get(0)
                        .path("treaty")
                        .asText());
        assertEquals(
                0,
                json("Decisions", "$filter", "treaty eq 'cites'")
                        .path("d")
                        .path("results")
                        .size());
        assertEquals(
                0,
                json("Decisions", "$filter", "treaty eq 'no-such-treaty'")
                        .path("d")
                        .path("results")
                        .size());
        String country = json("CountryReports")
                .path("d")
                .path("results")
                .get(0)
                .path("country")
                .asText();
        assertEquals(
                1,
                json("CountryReports", "$filter", "country eq '" + country + "' or country eq 'ZZ'")
                        .path("d")
                        .path("results")
                        .size());
        assertEquals(
                "1",
                new String(
                        get("CountryReports/$count", "$filter", "country eq '" + country + "'")
                                .body(),
                        StandardCharsets.UTF_8));
        ODataAnswer unsupported = get("Decisions", "$filter", "number eq '15/4'");
        assertEquals(501, unsupported.status());
        assertTrue(new String(unsupported.body(), StandardCharsets.UTF_8).contains("updated gt"));
        assertEquals(501, get("Decisions", "$orderby", "number").status());
        assertEquals(400, get("Decisions", "$skiptoken", "nonsense").status());
    }

    @Test
    void entitiesByKeyNavigationAndAtom() throws Exception {
        String id =
                json("Decisions").path("d").path("results").get(0).path("id").asText();
        JsonNode one = json("Decisions('" + id + "')", "$expand", "title");
        assertEquals(id, one.path("d").path("id").asText());
        JsonNode titles = json("Decisions('" + id + "')/title");
        assertEquals(6, titles.path("d").path("results").size(), titles.toString());
        assertEquals(404, get("Decisions('no-such-decision')").status());
        assertEquals(404, get("Meetings('" + id + "')").status(), "a decision is not a meeting");
        assertEquals("nagoya", json("Treaties('nagoya')").path("d").path("id").asText());
        assertEquals(404, get("Treaties('cbd')").status(), "no Treaty record for the CBD among the samples");
        ODataAnswer atom = odata.serve(new ODataCall(
                "GET",
                "Decisions",
                Map.of("$expand", List.of("title")),
                Map.of("Accept", List.of("application/atom+xml"))));
        String xml = new String(atom.body(), StandardCharsets.UTF_8);
        assertEquals(200, atom.status(), xml);
        assertTrue(xml.contains("<entry") && xml.contains("m:inline"), xml);
        assertEquals(
                405,
                odata.serve(new ODataCall("POST", "Decisions", Map.of(), Map.of()))
                        .status());
    }

    @Test
    void anNbsapIsANationalPlanByItsCodeAndByKey() throws Exception {
        org.chmexchange.model.NationalReport nbsap = org.chmexchange.model.NationalReport.builder(
                        Samples.common(org.chmexchange.model.RecordType.NATIONAL_REPORT, "plan-fr-nbsap", "FR-NBSAP"),
                        List.of(Samples.CBD),
                        org.chmexchange.vocab.ChmThesaurus.country("fr"),
                        org.chmexchange.vocab.ChmThesaurus.concept(
                                org.chmexchange.vocab.ChmThesaurus.REPORT_TYPES, "nbsap"))
                .build();
        store.put(RecordMapper.toRdf(nbsap), RecordStore.localGraph(Samples.BASE));
        JsonNode plans = json("NationalPlans");
        assertEquals(1, plans.path("d").path("results").size(), plans.toString());
        JsonNode row = plans.path("d").path("results").get(0);
        assertEquals("fr-nbsap", row.path("id").asText(), "the local id without the plan prefix");
        assertEquals("nbsap", row.path("type").asText(), "the code, not a CBD GUID notation");
        assertEquals(
                "fr-nbsap",
                json("NationalPlans('fr-nbsap')").path("d").path("id").asText());
        assertEquals(1, json("CountryReports").path("d").path("results").size(), "the NR7 only");
        assertEquals(400, get("CountryReports", "$filter", "country eq null").status());
    }

    @Test
    void deletedRecordsAreTombstones() throws Exception {
        Instant before = Instant.now();
        Thread.sleep(5);
        assertTrue(store.delete(Samples.nationalReport().iri()));
        JsonNode t = json("Tombstones", "$filter", "updated gt datetime'" + iso(before) + "'");
        assertEquals(1, t.path("d").path("results").size(), t.toString());
        JsonNode row = t.path("d").path("results").get(0);
        assertEquals(
                Samples.nationalReport().iri().stringValue(), row.path("uri").asText());
        assertEquals("CountryReports", row.path("entitySet").asText());
        assertEquals(
                Samples.nationalReport().iri().getLocalName(), row.path("id").asText());
        assertEquals(0, json("CountryReports").path("d").path("results").size());
        assertTrue(store.delete(Samples.organization().iri()));
        assertEquals(1, json("Tombstones").path("d").path("results").size(), "an organization has no entity set");
        assertTrue(store.delete(Samples.treaty().iri()));
        JsonNode treaty = json("Tombstones", "$filter", "updated gt datetime'" + iso(before) + "'")
                .path("d")
                .path("results")
                .get(1);
        assertEquals("Treaties", treaty.path("entitySet").asText());
        assertEquals("nagoya", treaty.path("id").asText(), "keyed by the treaty's identifier, as its row was");
    }

    @Test
    void everyServedRecordMapsBackToItselfThroughTheHarvestersMapper() throws Exception {
        InformeaTreaties treaties = new InformeaTreaties(THESAURUS);
        InformeaMapper mapper = new InformeaMapper(Samples.BASE, THESAURUS, treaties, null);
        int mapped = 0;
        for (InformeaEntitySet set : InformeaEntitySet.values()) {
            JsonNode page = json(set.setName(), "$expand", String.join(",", set.expand()));
            for (JsonNode row : page.path("d").path("results")) {
                InformeaRecord back = mapper.map(set, row);
                Record original = Samples.all().stream()
                        .filter(r -> r.iri().equals(back.iri()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(set + " gave " + back.iri()));
                assertEquals(original.type(), back.record().type());
                if (!set.expand().contains("treaties") || set == InformeaEntitySet.DOCUMENTS) { // Contacts: no title
                    assertEquals(
                            original.common().title(), back.record().common().title(), set.setName());
                }
                if (set.expand().contains("files")) { // the InforMEA Meeting has no files
                    assertEquals(
                            original.common().files(), back.record().common().files(), set.setName());
                }
                mapped++;
            }
        }
        assertEquals(Samples.all().size() - 1, mapped, "every sample but the organization");
    }

    static String iso(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString().replace("Z", "");
    }
}
