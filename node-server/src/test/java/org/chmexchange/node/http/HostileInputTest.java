package org.chmexchange.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.TokenScope;
import org.chmexchange.node.auth.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input that must be refused (issue 7): bytes that are not UTF-8, documents nested deeper
 * than a parser follows, RDF/XML in an unknown encoding, a text query of thousands of words. Each
 * answers a 4xx problem document, the store is unchanged (its last sequence and size) and the node
 * still answers.
 */
class HostileInputTest {

    static final String TOKEN = Tokens.newToken();

    @TempDir
    static Path dataDir;

    static ChmNodeServer node;
    static String root;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, true)
                .withTokens(List.of(new Token("editor", Tokens.sha256Hex(TOKEN), TokenScope.ANY)))
                .withMaxRequestBytes(8 * 1024 * 1024)); // so that the nesting, not the size, is what is refused
        root = "http://localhost:" + node.port() + "/";
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    record Case(String name, Request request, int status) {}

    static Request put(String contentType, byte[] body) {
        return new Request.Builder()
                .url(root + "records/decision/hostile")
                .header("Authorization", "Bearer " + TOKEN)
                .put(RequestBody.create(body, MediaType.get(contentType)))
                .build();
    }

    static byte[] turtleTitle(byte[] inside) {
        String doc = "@prefix chm: <https://w3id.org/chm-exchange/ns#> .\n"
                + "<> a chm:Decision ; <http://purl.org/dc/terms/title> \"@@\"@en .\n";
        return HostileMatrix.splice(doc.getBytes(StandardCharsets.UTF_8), "@@", inside);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        byte[][] notUtf8 = {
            {(byte) 0xFF, (byte) 0xFE},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            "Décision".getBytes(StandardCharsets.ISO_8859_1)
        };
        for (byte[] bad : notUtf8) {
            cases.add(new Case("not UTF-8 " + HostileMatrix.hex(bad), put("text/turtle", turtleTitle(bad)), 400));
        }
        String decision = "@prefix chm: <https://w3id.org/chm-exchange/ns#> .\n<> a chm:Decision ;"
                + " <http://purl.org/dc/terms/title> ";
        for (String literal : new String[] {
            "\"x\"@en--gb",
            "\"x\"@abcdefghi",
            "\"x\"@" + "a".repeat(5000),
            "\"a\\u0001b\"@en",
            "\"a\\u0000b\"@en",
            "\"a\\uFFFFb\"@en",
            "\"a\\u0008b\"@en"
        }) {
            cases.add(new Case(
                    "literal " + (literal.length() > 30 ? literal.substring(0, 30) + "..." : literal),
                    put("text/turtle", (decision + literal + " .").getBytes(StandardCharsets.UTF_8)),
                    400));
        }
        cases.add(new Case(
                "JSON-LD @language \"not a tag!\"",
                put(
                        "application/ld+json",
                        ("{\"@id\": \"\", \"@type\": \"https://w3id.org/chm-exchange/ns#Decision\","
                                        + " \"http://purl.org/dc/terms/title\": {\"@value\": \"x\", \"@language\":"
                                        + " \"not a tag!\"}}")
                                .getBytes(StandardCharsets.UTF_8)),
                400));
        String focalPoint = "@prefix chm: <https://w3id.org/chm-exchange/ns#> .\n"
                + "@prefix countries: <https://w3id.org/chm-exchange/thesaurus/countries/> .\n"
                + "<> a chm:FocalPoint ; chm:country countries:co ; <http://www.w3.org/2006/vcard/ns#fn> \"Ana\" .";
        cases.add(new Case(
                "a focal point at a decision's address",
                put("text/turtle", focalPoint.getBytes(StandardCharsets.UTF_8)),
                400));
        for (String iri : new String[] {
            "http://",
            "http:///records/decision/x",
            root + "records/decision/../decision/x",
            root + "records/decision/%2e%2e/decision/x",
            root + "records/decision/./x"
        }) {
            cases.add(new Case(
                    "record IRI " + iri,
                    new Request.Builder()
                            .url(root + "records?iri=" + java.net.URLEncoder.encode(iri, StandardCharsets.UTF_8))
                            .header("Authorization", "Bearer " + TOKEN)
                            .put(RequestBody.create(
                                    ("<" + iri + "> a <https://w3id.org/chm-exchange/ns#Decision> .")
                                            .getBytes(StandardCharsets.UTF_8),
                                    MediaType.get("application/n-triples")))
                            .build(),
                    400));
        }
        for (String path : new String[] {
            "health",
            "status",
            "records",
            "records/decision/x",
            "changes",
            "changes/page",
            "changes/1",
            "thesaurus/search?q=forest&",
            "thesaurus/schemes",
            "thesaurus/top?scheme=gbf-targets&",
            "thesaurus/concept?iri=GBF-TARGET-03&",
            "thesaurus/broader?iri=GBF-TARGET-03&"
        }) {
            cases.add(new Case(
                    "unknown parameter on " + path,
                    new Request.Builder()
                            .url(root + path + (path.endsWith("&") ? "" : "?") + "sneaky=1")
                            .build(),
                    400));
        }
        for (HostileMatrix.Write w : HostileMatrix.writes(root, node.baseIri(), TOKEN)) {
            cases.add(new Case(w.name(), w.request(), 400));
        }
        int depth = 50_000;
        cases.add(new Case(
                "50,000 nested [ ] in Turtle",
                put(
                        "text/turtle",
                        ("<> a <https://w3id.org/chm-exchange/ns#Decision> ; <http://example.org/p> "
                                        + "[ <http://example.org/p> ".repeat(depth) + "1" + " ]".repeat(depth) + " .")
                                .getBytes(StandardCharsets.UTF_8)),
                400));
        cases.add(new Case(
                "50,000 nested ( ) in Turtle",
                put(
                        "text/turtle",
                        ("<> a <https://w3id.org/chm-exchange/ns#Decision> ; <http://example.org/p> "
                                        + "( ".repeat(depth) + "1" + " )".repeat(depth) + " .")
                                .getBytes(StandardCharsets.UTF_8)),
                400));
        cases.add(new Case(
                "60,000 nested arrays in JSON-LD",
                put(
                        "application/ld+json",
                        ("{\"@id\": \"\", \"@type\": \"https://w3id.org/chm-exchange/ns#Decision\","
                                        + " \"http://example.org/p\": " + "[".repeat(60_000) + "1" + "]".repeat(60_000)
                                        + "}")
                                .getBytes(StandardCharsets.UTF_8)),
                400));
        cases.add(new Case(
                "20,000 nested objects in JSON-LD",
                put(
                        "application/ld+json",
                        ("{\"@id\": \"\", \"@type\": \"https://w3id.org/chm-exchange/ns#Decision\", "
                                        + "\"http://example.org/p\": {\"http://example.org/p\": ".repeat(20_000) + "1"
                                        + "}".repeat(20_001))
                                .getBytes(StandardCharsets.UTF_8)),
                400));
        cases.add(new Case(
                "RDF/XML in UTF-7",
                put(
                        "application/rdf+xml",
                        ("<?xml version=\"1.0\" encoding=\"UTF-7\"?><rdf:RDF"
                                        + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>")
                                .getBytes(StandardCharsets.US_ASCII)),
                400));
        cases.add(new Case(
                "q of 3,000 words (URI too long, answered by Jetty)",
                new Request.Builder()
                        .url(root + "records?q=" + "biodiversity+".repeat(3000))
                        .build(),
                414));
        cases.add(new Case(
                "q of 500 words",
                new Request.Builder()
                        .url(root + "records?q=" + "b+".repeat(500))
                        .build(),
                400));
        cases.add(new Case(
                "a 20 KiB header (answered by Jetty)",
                new Request.Builder()
                        .url(root + "records")
                        .header("X-Padding", "x".repeat(20 * 1024))
                        .build(),
                431));
        return cases;
    }

    /**
     * Requests no HTTP client sends (a malformed request line or header), written as raw bytes on a
     * socket: each must be answered with a problem document by whichever layer refuses it.
     */
    static final List<String[]> RAW = List.of(
            new String[] {"a bad percent-encoding in the path", "GET /records/%zz HTTP/1.1\r\nHost: x\r\n\r\n"},
            new String[] {
                "a Content-Length that is not a number",
                "PUT /records/decision/x HTTP/1.1\r\nHost: x\r\nContent-Type: text/turtle\r\n"
                        + "Content-Length: abc\r\n\r\n"
            },
            new String[] {"a header line without a colon", "GET /records HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n"},
            new String[] {
                "two Content-Length headers that differ",
                "PUT /records/decision/x HTTP/1.1\r\nHost: x\r\nContent-Type: text/turtle\r\n"
                        + "Content-Length: 5\r\nContent-Length: 7\r\n\r\nabcde"
            });

    @Test
    void malformedRequestsAreAnsweredWithProblemDocuments() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String[] raw : RAW) {
            try (java.net.Socket socket = new java.net.Socket("localhost", node.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(raw[1].getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String head = answer.lines().findFirst().orElse("");
                if (!head.matches("HTTP/1\\.1 4\\d\\d .*")
                        || !answer.toLowerCase(java.util.Locale.ROOT)
                                .contains("content-type: " + Problems.MEDIA_TYPE)) {
                    failures.add(raw[0] + ": " + answer.substring(0, Math.min(400, answer.length())));
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyCaseIsAProblemDocumentAndChangesNothing() throws Exception {
        long sequence = node.store().lastSequence();
        long size = node.store().size();
        List<String> failures = new ArrayList<>();
        for (Case c : cases()) {
            try (Response r = NodeFixture.HTTP.newCall(c.request()).execute()) {
                String body = r.body().string();
                String type = r.header("Content-Type", "");
                if (r.code() != c.status() || !type.startsWith(Problems.MEDIA_TYPE)) {
                    failures.add(c.name() + ": " + r.code() + " " + type + " "
                            + body.substring(0, Math.min(300, body.length())));
                    continue;
                }
                JsonNode problem = NodeFixture.JSON.readTree(body);
                if (problem.get("status").asInt() != c.status()
                        || problem.get("detail").asText().isBlank()) {
                    failures.add(c.name() + ": " + body);
                }
                if (c.name().startsWith("not UTF-8") && !problem.has("offset")) {
                    failures.add(c.name() + ": no offset in " + body);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(sequence, node.store().lastSequence(), "nothing was written");
        assertEquals(size, node.store().size());
        try (Response health = NodeFixture.HTTP
                .newCall(new Request.Builder().url(root + "health").build())
                .execute()) {
            assertEquals(200, health.code(), "the node is alive");
        }
        System.out.println("HostileInputTest: " + cases().size() + " cases, each a 4xx problem document");
        assertTrue(cases().size() >= 300, cases().size() + " cases");
    }
}
