package org.chmexchange.node.http;

import static org.chmexchange.node.NodeFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The open API of a node on the real sample data; expectations are computed from the sample data itself. */
class RecordApiTest {

    @TempDir
    static Path dataDir;

    static ChmNodeServer node;
    static String root;
    static Model sample;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true));
        root = "http://localhost:" + node.port() + "/";
        sample = Vocabularies.sampleData(node.baseIri());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static Set<String> expected(Predicate<Resource> filter) {
        Set<String> iris = new TreeSet<>();
        for (Resource s : sample.filter(null, RDF.TYPE, null).subjects()) {
            if (s.isIRI() && !s.stringValue().contains("#") && filter.test(s)) {
                iris.add(s.stringValue());
            }
        }
        return iris;
    }

    static boolean has(Resource s, IRI p, IRI o) {
        return sample.contains(s, p, o);
    }

    /** Follows every next link; checks there is no duplicate and every page respects the limit. */
    static List<String> all(String query, int limit) {
        List<String> seen = new ArrayList<>();
        String url = root + "records?" + query + (query.isEmpty() ? "" : "&") + "limit=" + limit;
        long total = -1;
        while (url != null) {
            Reply r = get(url, "application/json");
            assertEquals(200, r.status(), r.body());
            JsonNode body = r.json();
            total = body.get("totalItems").asLong();
            assertTrue(body.get("items").size() <= limit);
            body.get("items").forEach(item -> seen.add(item.get("id").asText()));
            url = body.hasNonNull("next") ? body.get("next").asText() : null;
            if (url != null) {
                assertTrue(r.header("Link").contains("rel=\"next\""));
            }
        }
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no duplicates in " + query);
        assertEquals(total, seen.size(), "totalItems matches what paging returned for " + query);
        return seen;
    }

    @Test
    void healthReportsTheSampleRecords() {
        Reply r = get(root + "health", null);
        assertEquals(200, r.status());
        assertEquals("UP", r.json().get("status").asText());
        assertEquals(expected(s -> true).size(), r.json().get("records").asInt());
    }

    @Test
    void pagingThroughEverythingHasNoGapAndNoDuplicate() {
        List<String> seen = all("", 7);
        assertEquals(List.copyOf(expected(s -> true)), seen, "every sample record once, in IRI order");
    }

    @Test
    void filtersMatchTheSampleData() {
        assertEquals(expected(s -> has(s, RDF.TYPE, CHM.Decision)), new TreeSet<>(all("type=decision", 5)));
        assertEquals(expected(s -> has(s, RDF.TYPE, CHM.Decision)), new TreeSet<>(all("type=Decision", 50)));
        assertEquals(
                expected(s -> has(s, RDF.TYPE, CHM.Meeting) || has(s, RDF.TYPE, CHM.Document)),
                new TreeSet<>(all("type=meeting,document", 4)));
        assertEquals(
                expected(s -> has(s, CHM.treaty, ChmThesaurus.treaty("cms"))), new TreeSet<>(all("treaty=cms", 3)));
        assertEquals(
                expected(s -> has(s, CHM.country, ChmThesaurus.country("jp"))), new TreeSet<>(all("country=JPN", 3)));
        assertEquals(
                expected(s -> has(s, CHM.country, ChmThesaurus.country("jp"))), new TreeSet<>(all("country=jp", 3)));
        IRI cop152 = Values.iri(node.baseIri() + "records/meeting/cbd-cop-15-2");
        Set<String> cop15Decisions = expected(s -> has(s, CHM.meeting, cop152));
        assertEquals(4, cop15Decisions.size());
        assertEquals(cop15Decisions, new TreeSet<>(all("meeting=cbd-cop-15-2", 2)));
        assertEquals(cop15Decisions, new TreeSet<>(all("meeting=" + enc(cop152.stringValue()), 2)));
        assertEquals(Set.of(), new TreeSet<>(all("type=treaty&meeting=cbd-cop-15-2", 2)), "filters combine with AND");
        assertEquals(
                expected(s -> has(s, CHM.treaty, ChmThesaurus.treaty("cms"))
                        || has(s, CHM.treaty, ChmThesaurus.treaty("ipbes"))),
                new TreeSet<>(all("treaty=cms&treaty=ipbes", 5)),
                "repeated values are alternatives");
        assertEquals(new TreeSet<>(all("treaty=cms&treaty=ipbes", 5)), new TreeSet<>(all("treaty=cms,ipbes", 5)));
    }

    @Test
    void conceptFilterIncludesNarrowerConcepts() {
        IRI target1 = ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-01");
        Set<String> taggedTarget1 = expected(s -> has(s, DCTERMS.SUBJECT, target1));
        assertFalse(taggedTarget1.isEmpty());
        Set<String> goalA = expected(
                s -> sample.filter(s, DCTERMS.SUBJECT, null).objects().stream().anyMatch(c -> c.stringValue()
                        .matches(".*/(aichi-goals/AICHI-GOAL-A|aichi-targets/AICHI-TARGET-0[1-4])")));
        assertTrue(goalA.containsAll(taggedTarget1));
        assertEquals(
                goalA,
                new TreeSet<>(all("concept=AICHI-GOAL-A", 10)),
                "records tagged with strategic goal A or its targets 1-4, and nothing else");
        assertEquals(
                expected(s -> has(s, DCTERMS.SUBJECT, ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03"))),
                new TreeSet<>(all("concept=GBF-TARGET-03", 10)));
    }

    @Test
    void modifiedSinceAndFullText() {
        assertEquals(0, all("modifiedSince=2999-01-01", 10).size());
        assertEquals(
                expected(s -> true).size(),
                all("modifiedSince=2000-01-01T00:00:00Z", 100).size());
        List<String> bioBridge = all("q=" + enc("bio-bridge"), 10);
        assertTrue(bioBridge.size() >= 3, "decisions and documents mention the Bio-Bridge Initiative: " + bioBridge);
        for (String iri : bioBridge) {
            Resource s = Values.iri(iri);
            String text = sample.filter(s, null, null).objects().toString().toLowerCase();
            assertTrue(text.contains("bio-bridge"), iri + " matches q=bio-bridge");
        }
        assertEquals(
                expected(s -> has(s, RDF.TYPE, CHM.Decision)
                        && sample.filter(s, DCTERMS.TITLE, null).objects().stream()
                                .anyMatch(t -> t.stringValue().contains("Kunming-Montreal"))),
                new TreeSet<>(all("type=decision&q=kunming%20montreal", 10)));
    }

    @Test
    void everyRecordIriDereferencesWithContentNegotiation() {
        for (String iri : expected(s -> true)) {
            String path = iri.substring(node.baseIri().length());
            Reply turtle = get(root + path, "text/turtle");
            assertEquals(200, turtle.status(), iri);
            assertTrue(turtle.contentType().startsWith("text/turtle"));
            Model parsed = parse(turtle.body(), RDFFormat.TURTLE, iri);
            assertTrue(parsed.contains(Values.iri(iri), RDF.TYPE, null), iri);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "text/turtle, text/turtle",
        "application/ld+json, application/ld+json",
        "application/rdf+xml, application/rdf+xml",
        "application/n-triples, application/n-triples",
        "'*/*', text/turtle",
        "'application/ld+json;q=0.5, text/turtle;q=0.9', text/turtle",
        "'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', text/html"
    })
    void contentNegotiation(String accept, String expectedType) {
        String iri = node.baseIri() + "records/decision/cbd-decision-15-4";
        Reply r = get(root + "records/decision/cbd-decision-15-4", accept);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith(expectedType), r.contentType());
        assertTrue(r.header("Vary").contains("Accept"));
        if (expectedType.equals("text/html")) {
            assertTrue(r.body().contains("Kunming-Montreal Global Biodiversity Framework"));
        } else if (expectedType.equals("application/ld+json")) {
            JsonNode json =
                    get(root + "records/decision/cbd-decision-15-4", accept).json();
            assertEquals(iri, json.get("id").asText());
            assertEquals("Decision", json.get("type").asText());
            assertEquals("15/4", json.get("identifier").asText());
            assertEquals(
                    "Kunming-Montreal Global Biodiversity Framework",
                    json.get("title").get("en").asText());
        } else {
            RDFFormat format = Rio.getParserFormatForMIMEType(expectedType).orElseThrow();
            Model m = parse(r.body(), format, iri);
            assertTrue(m.contains(Values.iri(iri), DCTERMS.IDENTIFIER, Values.literal("15/4")));
        }
    }

    @Test
    void unacceptableAndUnknownGiveProblems() {
        Reply notAcceptable = get(root + "records/decision/cbd-decision-15-4", "application/pdf");
        assertEquals(406, notAcceptable.status());
        assertProblem(notAcceptable, 406);
        assertProblem(get(root + "records/decision/no-such-decision", "text/turtle"), 404);
        assertProblem(get(root + "records/no-such-type/x", "text/turtle"), 404);
        assertProblem(get(root + "no/such/path", null), 404);
        assertProblem(get(root + "records", "image/png"), 406);
    }

    @ParameterizedTest
    @CsvSource({
        "type=poem, type",
        "treaty=atlantis, treaty",
        "country=XX, country",
        "meeting=cbd-cop-99, meeting",
        "concept=NO-SUCH-CONCEPT, concept",
        "modifiedSince=yesterday, modifiedSince",
        "limit=0, limit",
        "limit=100000, limit",
        "limit=ten, limit",
        "cursor=not-a-cursor, cursor",
        "sort=title, sort",
        "q=%20%21%21, q"
    })
    void badParametersGive400NamingTheParameter(String query, String parameter) {
        Reply r = get(root + "records?" + query, null);
        assertProblem(r, 400);
        assertEquals(parameter, r.json().get("parameter").asText());
        assertFalse(r.json().get("detail").asText().isBlank());
    }

    @Test
    void aCursorOnlyWorksWithTheFiltersItWasIssuedFor() {
        JsonNode first = get(root + "records?type=decision&limit=2", null).json();
        String next = first.get("next").asText();
        String cursor = next.substring(next.indexOf("cursor=") + 7);
        Reply other = get(root + "records?type=meeting&limit=2&cursor=" + cursor, null);
        assertProblem(other, 400);
        Reply same = get(root + "records?type=decision&limit=3&cursor=" + cursor, null);
        assertEquals(200, same.status(), "the page size may change between pages");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        Reply ok = org.chmexchange.node.NodeFixture.call(new okhttp3.Request.Builder()
                .url(root + "records/decision/cbd-decision-15-4")
                .head()
                .header("Accept", "text/turtle")
                .build());
        assertEquals(200, ok.status());
        assertTrue(ok.contentType().startsWith("text/turtle"));
        assertEquals("", ok.body());
        Reply missing = org.chmexchange.node.NodeFixture.call(new okhttp3.Request.Builder()
                .url(root + "records/decision/nope")
                .head()
                .build());
        assertEquals(404, missing.status());
        Reply bad = org.chmexchange.node.NodeFixture.call(new okhttp3.Request.Builder()
                .url(root + "records?type=poem")
                .head()
                .build());
        assertEquals(400, bad.status());
    }

    @ParameterizedTest
    @CsvSource({
        "records/decision/a%20b, 404",
        "records/decision/%3Cx%3E, 404",
        "records?meeting=a%20b, 400",
        "records?treaty=a%20b, 400",
        "records?country=%7C%7C, 400",
        "records?country=http://x%20y, 400",
        "thesaurus/top?scheme=a%20b, 400",
        "thesaurus/top?scheme=http://x%20y, 400"
    })
    void malformedIdsAndIrisAreClientErrors(String path, int status) {
        assertProblem(get(root + path, null), status);
    }

    @Test
    void linksComeFromTheNodeBaseNotFromTheHostHeader() {
        Reply r = org.chmexchange.node.NodeFixture.call(new okhttp3.Request.Builder()
                .url(root + "records?limit=1")
                .header("Host", "evil.example")
                .build());
        assertEquals(200, r.status());
        assertTrue(r.json().get("next").asText().startsWith(node.baseIri() + "records?"), r.body());
        assertFalse(r.body().contains("evil.example"));
    }

    @Test
    void theListIsJsonLdToo() {
        Reply r = get(root + "records?type=meeting&limit=3", null);
        String context = node.baseIri() + "ns/context.jsonld";
        assertEquals(context, r.json().get("@context").asText());
        assertTrue(r.header("Link").contains("<" + context + ">; rel=\"http://www.w3.org/ns/json-ld#context\""));
        Model m = org.chmexchange.rdf.RecordReader.read(
                r.body().getBytes(StandardCharsets.UTF_8),
                org.chmexchange.rdf.RecordFormat.JSONLD,
                node.baseIri(),
                org.chmexchange.rdf.JsonLdContext.servedAt(context));
        IRI as = Values.iri("https://www.w3.org/ns/activitystreams#totalItems");
        assertEquals(1, m.filter(null, as, null).size(), "totalItems survives JSON-LD processing");
        assertEquals(
                1,
                m.filter(null, RDF.TYPE, Values.iri("https://www.w3.org/ns/activitystreams#OrderedCollectionPage"))
                        .size());
        assertEquals(3, m.filter(null, RDF.TYPE, CHM.Meeting).size(), "items are typed records");
    }

    @Test
    void jsonLdNamesTheContextTheNodeServesAndJsonAlsoLinksIt() {
        String context = node.baseIri() + "ns/context.jsonld";
        String record = root + "records/decision/cbd-decision-15-4";
        Reply ld = get(record, "application/ld+json");
        assertEquals(context, ld.json().get("@context").asText());
        assertEquals(null, ld.header("Link"), "application/ld+json carries its context in the body only");
        Reply json = get(record, "application/json");
        assertTrue(json.contentType().startsWith("application/json"), json.contentType());
        assertEquals(context, json.json().get("@context").asText());
        assertEquals(
                "<" + context + ">; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"",
                json.header("Link"));
        Reply list = get(root + "records?limit=1", "application/ld+json");
        assertTrue(list.contentType().startsWith("application/ld+json"), list.contentType());
        assertFalse(list.header("Link").contains("json-ld#context"), list.header("Link"));
        Reply served = get(context, null);
        assertEquals(200, served.status());
        assertEquals(Vocabularies.contextJson().strip(), served.body().strip());
    }

    @Test
    void theHtmlViewEscapesRecordText() {
        IRI iri = Values.iri(node.baseIri() + "records/decision/cbd-decision-xss");
        Model m = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
        m.add(iri, RDF.TYPE, CHM.Decision);
        m.add(iri, DCTERMS.IDENTIFIER, Values.literal("<script>alert(1)</script>"));
        m.add(iri, DCTERMS.TITLE, Values.literal("<img src=x onerror=alert(1)>", "en"));
        m.add(iri, org.eclipse.rdf4j.model.vocabulary.FOAF.HOMEPAGE, Values.iri("javascript:alert(1)"));
        node.store().put(m, org.chmexchange.store.RecordStore.localGraph(node.baseIri()));
        try {
            Reply html = get(root + "records/decision/cbd-decision-xss", "text/html");
            assertEquals(200, html.status());
            assertFalse(html.body().contains("<script>"));
            assertFalse(html.body().contains("<img"));
            assertFalse(html.body().contains("href=\"javascript:"));
            assertTrue(html.body().contains("&lt;script&gt;"));
        } finally {
            node.store().delete(iri);
        }
    }

    @Test
    void writesNeedATokenAndReadOnlyAddressesAnswer405() {
        Reply r = org.chmexchange.node.NodeFixture.post(root + "records", "text/turtle", "<a:b> <c:d> <e:f> .");
        assertProblem(r, 401);
        assertProblem(
                org.chmexchange.node.NodeFixture.post(root + "health", "text/turtle", "<a:b> <c:d> <e:f> ."), 405);
    }

    static void assertProblem(Reply r, int status) {
        assertEquals(status, r.status(), r.body());
        assertNotNull(r.contentType());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        JsonNode body = r.json();
        assertEquals(status, body.get("status").asInt());
        assertNotNull(body.get("title"));
        assertNull(body.get("stackTrace"));
    }

    static Model parse(String body, RDFFormat format, String base) {
        try {
            return Rio.parse(new StringReader(body), base, format);
        } catch (Exception e) {
            throw new AssertionError("Cannot parse " + format.getName() + ": " + body, e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
