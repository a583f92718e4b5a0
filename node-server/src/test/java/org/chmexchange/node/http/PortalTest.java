package org.chmexchange.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.store.RecordStore;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal over HTTP, on the sample data and a few focal points and reports of fictional people:
 * content negotiation at the API's addresses, the reader's language, facets, record, concept and
 * country pages, the self-description and the metrics.
 */
class PortalTest {

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TempDir
    static Path dataDir;

    static ChmNodeServer node;
    static String root;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true));
        root = "http://localhost:" + node.port() + "/";
        Model people = new LinkedHashModel();
        people.addAll(focalPoint("cn-cbd", "Mei Example", "cbd", "CBD-FP1", "mei.example@example.org"));
        people.addAll(focalPoint("cn-cms", "MEI EXAMPLE", "cms", "CMS-FP", "Mei.Example@example.org"));
        people.addAll(focalPoint("cn-abs", "Lin Sample", "nagoya", "ABS-FP", "lin.sample@example.org"));
        IRI report = RecordType.NATIONAL_REPORT.mint(node.baseIri(), "cn-nr6");
        people.add(report, RDF.TYPE, CHM.NationalReport);
        people.add(report, DCTERMS.IDENTIFIER, Values.literal("cn-nr6"));
        people.add(report, DCTERMS.TITLE, Values.literal("Sixth national report of China", "en"));
        people.add(report, DCTERMS.TITLE, Values.literal("Sixième rapport national de la Chine", "fr"));
        people.add(report, CHM.country, ChmThesaurus.country("cn"));
        people.add(report, CHM.treaty, ChmThesaurus.treaty("cbd"));
        people.add(report, DCTERMS.ISSUED, Values.literal(java.time.LocalDate.of(2019, 6, 1)));
        people.add(report, DCTERMS.SUBJECT, ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-11"));
        node.store().put(people, RecordStore.localGraph(node.baseIri()));
    }

    static Model focalPoint(String id, String name, String treaty, String category, String email) {
        IRI iri = RecordType.FOCAL_POINT.mint(node.baseIri(), id);
        Model m = new LinkedHashModel();
        m.add(iri, RDF.TYPE, CHM.FocalPoint);
        m.add(iri, DCTERMS.IDENTIFIER, Values.literal(id));
        m.add(iri, VCARD4.FN, Values.literal(name));
        m.add(iri, VCARD4.HAS_EMAIL, Values.iri("mailto:" + email));
        m.add(iri, CHM.treaty, ChmThesaurus.treaty(treaty));
        m.add(iri, CHM.country, ChmThesaurus.country("cn"));
        m.add(iri, CHM.focalPointCategory, ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, category));
        return m;
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static Reply page(String path, String acceptLanguage) {
        Request.Builder r = new Request.Builder().url(root + path).header("Accept", BROWSER);
        if (acceptLanguage != null) {
            r.header("Accept-Language", acceptLanguage);
        }
        return NodeFixture.call(r.build());
    }

    static String html(String path, String acceptLanguage) {
        Reply r = page(path, acceptLanguage);
        assertEquals(200, r.status(), path + ": " + r.body());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        return r.body();
    }

    @Test
    void browsersGetPagesAndClientsGetDataAtTheSameAddresses() {
        assertTrue(html("", null).contains("<html lang=\"en\" dir=\"ltr\">"));
        Reply data = NodeFixture.get(root, "*/*");
        assertEquals(200, data.status());
        assertEquals(root, data.json().get("base").asText(), "a client asking for anything gets the self-description");
        assertTrue(NodeFixture.get(root + "records", null).contentType().startsWith("application/"));
        assertTrue(NodeFixture.get(root + "records", "text/html").contentType().startsWith("text/html"));
        assertTrue(NodeFixture.get(root + "thesaurus/concept?iri=" + ChmThesaurus.country("cn"), BROWSER)
                .body()
                .contains("<h1"));
        Reply ttl = NodeFixture.get(root + "records/decision/cbd-decision-15-4?format=ttl", BROWSER);
        assertTrue(ttl.contentType().startsWith("text/turtle"), "format overrides Accept: " + ttl.contentType());
        assertEquals(
                400,
                NodeFixture.get(root + "records/decision/cbd-decision-15-4?format=docx", BROWSER)
                        .status());
        Reply vary = page("records", null);
        assertTrue(vary.header("Vary").contains("Accept-Language"), vary.header("Vary"));
    }

    @Test
    void theReadersLanguageComesFromTheSwitcherOrTheBrowser() {
        String fr = html("thesaurus/concept?iri=" + ChmThesaurus.country("cn"), "fr-CH, fr;q=0.9, en;q=0.8");
        assertTrue(fr.contains("<html lang=\"fr\""), "Accept-Language fr");
        assertTrue(fr.contains(">Chine</h1>"), "the French label of the concept");
        assertEquals("fr", page("records", "fr").header("Content-Language"));
        String ar = html("records?lang=ar", "fr");
        assertTrue(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "the switcher wins and Arabic is right to left");
        String unknown = html("records?lang=xx", "de, zh;q=0.5");
        assertTrue(unknown.contains("<html lang=\"zh\""), "an unknown lang is ignored; zh is the best UN language");
        assertTrue(html("records", "de").contains("<html lang=\"en\""), "no UN language: English");
        assertTrue(
                html("records/decision/cbd-decision-15-4", "fr").contains(" lang=\"en\">Kunming-Montreal"),
                "a value in another language than the page carries its own lang");
    }

    @Test
    void theSearchPageHasFacetsWithCountsAndTheAPIsFiltersAndPaging() {
        String all = html("records?limit=5", "en");
        long decisions = NodeFixture.get(root + "records?type=decision&limit=1", "application/json")
                .json()
                .get("totalItems")
                .asLong();
        assertTrue(
                all.contains(">Decision</a> <span class=\"count\">" + decisions + "</span>"),
                "the type facet counts the decisions");
        Matcher next = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\"").matcher(all);
        assertTrue(next.find(), "a next page");
        assertEquals(
                200,
                page(next.group(1).replace("&amp;", "&").substring(1), "en").status());

        String filtered = html("records?type=decision&treaty=cbd", "en");
        assertTrue(filtered.contains("aria-current=\"true\">✓ Decision</a>"), "the selected type");
        assertTrue(filtered.contains("Remove the filter"), "active filters can be removed");
        String goal = html("records?concept=AICHI-GOAL-C", "en");
        Matcher narrower = Pattern.compile(
                        "href=\"(/records[^\"]*)\"[^>]*>[^<]*Target 11[^<]*</a> <span class=\"count\">1</span>")
                .matcher(goal);
        assertTrue(narrower.find(), "the selected goal's narrower target, with its count");
        String href = narrower.group(1).replace("&amp;", "&");
        assertEquals(1, count(href, "concept="), "a click replaces the concept, so it gives the count shown: " + href);
        assertTrue(href.contains("AICHI-TARGET-11"), href);

        String comma = html(
                "records?q=" + java.net.URLEncoder.encode("national, report", java.nio.charset.StandardCharsets.UTF_8),
                "en");
        assertEquals(1, count(comma, "aria-label=\"Remove the filter"), "a text search is one filter, commas and all");
        Matcher removeQ = Pattern.compile("<a href=\"([^\"]+)\" aria-label=\"Remove the filter")
                .matcher(comma);
        assertTrue(removeQ.find());
        assertEquals(
                200,
                page(removeQ.group(1).replace("&amp;", "&").substring(1), "en").status());

        Reply data = page("records?type=decision&format=json", "en");
        assertTrue(data.contentType().startsWith("application/json"), "format=json: the data, for a browser too");
        assertEquals(400, page("records?format=xml", "en").status());

        String year = html("records?year=2019", "en");
        assertTrue(year.contains("Sixth national report of China"));
        assertTrue(year.contains("<p role=\"status\" id=\"total\">1 records</p>"), year);
        assertEquals(400, page("records?year=19", "en").status());

        String text = html("records?q=rapport+national", "fr");
        assertTrue(text.contains("Sixième rapport national de la Chine"), "full text, title in the reader's language");
    }

    @Test
    void aFacetClickGivesTheCountItShowed() {
        for (String search : new String[] {
            "records?treaty=cbd",
            "records?type=decision&concept=AICHI-GOAL-C",
            "records?concept=AICHI-GOAL-C",
            "records"
        }) {
            String page = html(search, "en");
            Matcher row = Pattern.compile(
                            "<li><a href=\"(/records[^\"]*)\"[^>]*>([^<]*)</a> <span class=\"count\">([0-9]+)</span>")
                    .matcher(page.substring(page.indexOf("class=\"facets\"")));
            int rows = 0;
            while (row.find() && rows < 40) {
                if (row.group(2).startsWith("✓")) {
                    continue; // a selected value: its click removes the filter
                }
                String href = row.group(1).replace("&amp;", "&");
                long shown = Long.parseLong(row.group(3));
                Reply data = NodeFixture.get(
                        root + href.substring(1) + (href.contains("?") ? "&" : "?") + "format=json", null);
                assertEquals(200, data.status(), href + ": " + data.body());
                long total = data.json().get("totalItems").asLong();
                assertEquals(shown, total, search + ": the row '" + row.group(2) + "' -> " + href);
                rows++;
            }
            assertTrue(rows > 0, search);
        }
    }

    @Test
    void aRecordPageLinksBothWaysAndToItsFormatsAndProvenance() {
        String page = html("records/decision/cbd-decision-15-4", "en");
        assertTrue(page.contains("Fifteenth meeting of the Conference of the Parties"), "its meeting, by title");
        assertTrue(page.contains("Records that link here"), "cited by");
        assertTrue(page.contains("CMS Contribution to the Kunming-Montreal"), "the document that cites it");
        assertTrue(page.contains("href=\"/records/decision/cbd-decision-15-4?format=jsonld\""), "formats");
        assertTrue(page.contains("graphs/sample"), "provenance: the graph it came through");
        assertTrue(page.contains("href=\"/changes/"), "its last change");
        assertTrue(page.contains("Change history"), "its change history");
        assertTrue(page.contains(">create · "), "from its creation");

        String fp = html("records/focal-point/cn-cbd", "en");
        assertTrue(fp.contains(">Mei Example</h1>"), "a focal point's heading is the person's name");
        assertTrue(fp.contains("China"), "its country, linked to the country page");
        assertTrue(fp.contains("href=\"/countries/cn?lang=en\""));
    }

    @Test
    void theCountryPageMergesFocalPointsAcrossTreaties() {
        String cn = html("countries/cn", "en");
        assertEquals(1, count(cn, "<td><span>Mei Example</span>"), "one person, once");
        assertTrue(cn.contains("Convention on Biological Diversity: "), cn);
        assertTrue(cn.contains("Convention on the Conservation of Migratory Species"), "the CMS role too");
        assertEquals(2, count(cn, "<tr><td>"), "two people");
        assertTrue(cn.contains("Sixth national report of China"));
        assertTrue(html("countries", "en").contains("href=\"/countries/cn?lang=en\""));
        assertEquals(404, page("countries/zz", "en").status());
        assertEquals(
                406, NodeFixture.get(root + "countries/cn", "application/json").status(), "a page only");
        assertEquals(404, page("countries/china", "en").status());
    }

    @Test
    void theThesaurusBrowserShowsSchemesHierarchiesAndTaggedRecords() {
        String schemes = html("thesaurus", "es");
        assertTrue(schemes.contains("Esquemas de conceptos"));
        assertTrue(schemes.contains("/thesaurus/top?scheme="));
        String gbf = html("thesaurus/top?scheme=" + ChmThesaurus.scheme(ChmThesaurus.GBF_TARGETS), "en");
        assertTrue(gbf.contains("GBF-T03") || gbf.contains("GBF-TARGET-03"), "the targets");
        String target =
                html("thesaurus/concept?iri=" + ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03"), "en");
        assertTrue(target.contains("Kunming-Montreal Global Biodiversity Framework"), "a record tagged with it");
        assertTrue(target.contains("lang=\"fr\""), "labels in other languages carry their lang");
        String found = html("thesaurus/search?q=chin", "fr");
        assertTrue(found.contains(">Chine</a>"), "the thesaurus search, labels in the reader's language");
    }

    @Test
    void recordTextIsEscapedEverywhere() {
        IRI iri = RecordType.DOCUMENT.mint(node.baseIri(), "xss");
        Model m = new LinkedHashModel();
        m.add(iri, RDF.TYPE, CHM.Document);
        m.add(iri, DCTERMS.IDENTIFIER, Values.literal("<b>x</b>"));
        m.add(iri, DCTERMS.TITLE, Values.literal("<script>alert(1)</script>", "en"));
        m.add(iri, DCTERMS.REFERENCES, Values.iri("javascript:alert(1)"));
        node.store().put(m, RecordStore.localGraph(node.baseIri()));
        try {
            for (String path : new String[] {"records/document/xss", "records?q=script", ""}) {
                String page = html(path, "en");
                assertFalse(page.contains("<script>"), path);
                assertFalse(page.contains("href=\"javascript:"), path);
            }
        } finally {
            node.store().delete(iri);
        }
    }

    @Test
    void theNodeDescribesItselfAndExposesMetrics() {
        JsonNode self = NodeFixture.get(root + ".well-known/chm-node", "application/json")
                .json();
        assertEquals(root, self.get("base").asText());
        long records = NodeFixture.get(root + "records?limit=1", "application/json")
                .json()
                .get("totalItems")
                .asLong();
        assertEquals(records, self.get("records").asLong());
        assertEquals(4, self.get("recordsByType").get("focal-point").asLong() + 1, "three focal points");
        assertTrue(self.get("lastModified").asText().startsWith("20"));
        boolean oai = false;
        for (JsonNode e : self.get("endpoints")) {
            oai |= e.get("protocol").asText().equals("oai-pmh-2.0")
                    && e.get("url").asText().equals(root + "oai");
        }
        assertTrue(oai, "the endpoints with their protocols");

        html("records", "en");
        Reply metrics = NodeFixture.get(root + "metrics", null);
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
        assertTrue(
                metrics.body()
                        .contains("chm_http_requests_seconds_count{method=\"GET\",route=\"/records\",status=\"200\"}"),
                metrics.body());
        assertTrue(metrics.body().contains("chm_store_records " + (double) records), "the store's size");
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
