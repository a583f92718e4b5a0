package org.chmexchange.node.http;

import static org.chmexchange.node.NodeFixture.call;
import static org.chmexchange.node.NodeFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture.Reply;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.TokenScope;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publishing API of a real node on a free port: tokens and scopes, formats, hostile input,
 * validation, atomic batches and deletion. All people and e-mail addresses are fictional.
 */
class PublishingApiTest {

    static final String COLOMBIA = Tokens.newToken();
    static final String SECRETARIAT = Tokens.newToken();
    static final long LIMIT = 64 * 1024;

    static final String PREFIXES =
            """
            @prefix chm: <https://w3id.org/chm-exchange/ns#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
            @prefix treaties: <https://w3id.org/chm-exchange/thesaurus/treaties/> .
            @prefix countries: <https://w3id.org/chm-exchange/thesaurus/countries/> .
            @prefix fpc: <https://w3id.org/chm-exchange/thesaurus/focal-point-categories/> .
            @prefix rt: <https://w3id.org/chm-exchange/thesaurus/report-types/> .
            """;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path secrets;

    static ChmNodeServer node;
    static String root;
    static String base;

    @BeforeAll
    static void start() {
        Token colombia =
                new Token("colombia", Tokens.sha256Hex(COLOMBIA), TokenScope.of(List.of("co"), List.of(), List.of()));
        Token secretariat = new Token("secretariat", Tokens.sha256Hex(SECRETARIAT), TokenScope.ANY);
        node = ChmNodeServer.start(new NodeConfig(0, dataDir, null, false)
                .withTokens(List.of(colombia, secretariat))
                .withMaxRequestBytes(LIMIT));
        root = "http://localhost:" + node.port() + "/";
        base = node.baseIri();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    // ---------------------------------------------------------------- records (fictional people)

    static String url(String type, String id) {
        return root + "records/" + type + "/" + id;
    }

    static IRI iri(String type, String id) {
        return RecordType.fromSlug(type).orElseThrow().mint(base, id);
    }

    /** A focal point in Turtle, with {@code <>} as its IRI. */
    static String focalPoint(String country, String name, String email) {
        return PREFIXES
                + """
                <> a chm:FocalPoint ;
                    dcterms:identifier "%s-cbd-fp1" ;
                    chm:treaty treaties:cbd ;
                    chm:country countries:%s ;
                    chm:focalPointCategory fpc:CBD-FP1 ;
                    chm:contactKind "person" ;
                    vcard:fn "%s" ;
                    vcard:hasEmail <mailto:%s> .
                """
                        .formatted(country, country, name, email);
    }

    /** A national report (NBSAP) in Turtle about {@code subject}. */
    static String nbsap(String subject, String country, String title) {
        return PREFIXES
                + """
                %s a chm:NationalReport ;
                    dcterms:identifier "%s-nbsap" ;
                    dcterms:title "%s"@en ;
                    chm:treaty treaties:cbd ;
                    chm:country countries:%s ;
                    chm:reportType rt:nbsap .
                """
                        .formatted(subject, country, title, country);
    }

    // ---------------------------------------------------------------- HTTP helpers

    static Reply send(String method, String url, String token, String contentType, String body) {
        Request.Builder request = new Request.Builder().url(url);
        RequestBody content = body == null
                ? null
                : RequestBody.create(
                        body.getBytes(StandardCharsets.UTF_8), contentType == null ? null : MediaType.get(contentType));
        request.method(method, content);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return call(request.build());
    }

    static Reply put(String url, String token, String contentType, String body) {
        return send("PUT", url, token, contentType, body);
    }

    static Reply delete(String url, String token) {
        return send("DELETE", url, token, null, null);
    }

    static boolean stored(IRI iri) {
        return node.store().get(iri).isPresent();
    }

    static void assertProblem(Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(status, reply.json().get("status").asInt());
    }

    // ---------------------------------------------------------------- authorization

    @Test
    void noTokenOrAnUnknownTokenIs401WithAChallenge() {
        String url = url("focal-point", "co-auth-test");
        String body = focalPoint("co", "Ana Ejemplo", "ana.ejemplo@example.org");
        Reply none = put(url, null, "text/turtle", body);
        assertProblem(none, 401);
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"), none.header("WWW-Authenticate"));

        Reply wrong = put(url, "not-a-token-of-this-node", "text/turtle", body);
        assertProblem(wrong, 401);
        assertTrue(wrong.header("WWW-Authenticate").contains("invalid_token"), wrong.header("WWW-Authenticate"));
        assertFalse(wrong.body().contains("not-a-token-of-this-node"), "the token is never echoed");

        Reply basic = call(new Request.Builder()
                .url(url)
                .header("Authorization", "Basic Y29sb21iaWE6c2VjcmV0")
                .put(RequestBody.create(body, MediaType.get("text/turtle")))
                .build());
        assertProblem(basic, 401);
        assertProblem(delete(url, null), 401);
        assertProblem(send("POST", root + "records", null, "text/turtle", body), 401);
        assertFalse(stored(iri("focal-point", "co-auth-test")), "no token, no write");
    }

    @Test
    void aMethodOverrideIsRefusedSoAGetNeverWrites() {
        IRI held = iri("focal-point", "co-override");
        String url = url("focal-point", "co-override");
        String body = focalPoint("co", "Ana Ejemplo", "ana.ejemplo@example.org");
        assertEquals(201, put(url, COLOMBIA, "text/turtle", body).status());

        Reply deleteByGet = call(new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + COLOMBIA)
                .header("X-HTTP-Method-Override", "DELETE")
                .get()
                .build());
        assertProblem(deleteByGet, 400);
        assertTrue(deleteByGet.json().get("detail").asText().contains("X-HTTP-Method-Override"), deleteByGet.body());
        assertTrue(stored(held), "a GET never deletes");

        IRI other = iri("focal-point", "co-override-put");
        Reply putByPost = call(new Request.Builder()
                .url(url("focal-point", "co-override-put"))
                .header("Authorization", "Bearer " + COLOMBIA)
                .header("X-HTTP-Method-Override", "PUT")
                .post(RequestBody.create(body, MediaType.get("text/turtle")))
                .build());
        assertProblem(putByPost, 400);
        assertFalse(stored(other), "nothing created through an override");
    }

    @Test
    void twoAuthorizationHeadersAreRefused() {
        IRI iri = iri("focal-point", "co-two-tokens");
        Reply reply = call(new Request.Builder()
                .url(url("focal-point", "co-two-tokens"))
                .addHeader("Authorization", "Bearer " + COLOMBIA)
                .addHeader("Authorization", "Bearer not-a-token-of-this-node")
                .put(RequestBody.create(
                        focalPoint("co", "Ana Ejemplo", "ana.ejemplo@example.org"), MediaType.get("text/turtle")))
                .build());
        assertProblem(reply, 400);
        assertTrue(reply.json().get("detail").asText().contains("2 Authorization headers"), reply.body());
        assertFalse(reply.body().contains("not-a-token-of-this-node"), "a token is never echoed");
        assertFalse(stored(iri));
    }

    @Test
    void aCountryTokenPublishesItsCountryOnly() {
        Reply kenyanReport = put(
                url("national-report", "ke-nbsap-2025"),
                COLOMBIA,
                "text/turtle",
                nbsap("<>", "ke", "Kenya National Biodiversity Strategy and Action Plan"));
        assertProblem(kenyanReport, 403);
        String detail = kenyanReport.json().get("detail").asText();
        assertTrue(detail.contains(iri("national-report", "ke-nbsap-2025").stringValue()), detail);
        assertTrue(detail.contains("country ke"), detail);
        assertEquals(
                iri("national-report", "ke-nbsap-2025").stringValue(),
                kenyanReport.json().get("record").asText());
        assertFalse(stored(iri("national-report", "ke-nbsap-2025")));

        Reply kenyanFocalPoint = put(
                url("focal-point", "ke-cbd-fp1"),
                COLOMBIA,
                "text/turtle",
                focalPoint("ke", "Wanjiru Mfano", "wanjiru.mfano@example.org"));
        assertProblem(kenyanFocalPoint, 403);
        assertFalse(stored(iri("focal-point", "ke-cbd-fp1")));

        String colombian = nbsap("<>", "co", "Plan de Acción de Biodiversidad de Colombia");
        String url = url("national-report", "co-nbsap-2025");
        Reply created = put(url, COLOMBIA, "text/turtle", colombian);
        assertEquals(201, created.status(), created.body());
        assertEquals("created", created.json().get("result").asText());
        assertEquals(
                iri("national-report", "co-nbsap-2025").stringValue(),
                created.json().get("id").asText());

        Reply again = put(url, COLOMBIA, "text/turtle", colombian);
        assertEquals(200, again.status(), again.body());
        assertEquals("unchanged", again.json().get("result").asText());

        Reply changed = put(url, COLOMBIA, "text/turtle", colombian.replace("Plan de Acción", "Estrategia y Plan"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals("updated", changed.json().get("result").asText());

        Reply read = get(url, "application/ld+json");
        assertEquals(200, read.status(), "reads need no token");
        assertTrue(read.body().contains("Estrategia y Plan de Biodiversidad"), read.body());
    }

    @Test
    void writesAreAttributedAndStoredInThePublishersGraph() {
        IRI iri = iri("focal-point", "co-cbd-fp1-provenance");
        Reply created = put(
                url("focal-point", "co-cbd-fp1-provenance"),
                COLOMBIA,
                "text/turtle",
                focalPoint("co", "Camila Muestra", "camila.muestra@example.org")
                        + "<> <http://www.w3.org/ns/prov#wasAttributedTo> <https://impostor.example.org/> .\n");
        assertEquals(201, created.status(), created.body());
        IRI agent = Values.iri(base + "agents/colombia");
        IRI graph = Values.iri(base + "graphs/publishers/colombia");
        assertTrue(node.store().contains(iri, PROV.WAS_ATTRIBUTED_TO, agent, graph));
        assertFalse(
                node.store().contains(iri, PROV.WAS_ATTRIBUTED_TO, Values.iri("https://impostor.example.org/"), null),
                "the node, not the body, says who wrote a record");
        Model stored = node.store().get(iri).orElseThrow();
        assertEquals(1, stored.filter(iri, DCTERMS.MODIFIED, null).size(), "the node sets modified");
    }

    @Test
    void readsStayOpen() {
        put(
                url("focal-point", "co-cbd-fp1-open"),
                COLOMBIA,
                "text/turtle",
                focalPoint("co", "Luis Ejemplo", "luis.ejemplo@example.org"));
        assertEquals(
                200, get(url("focal-point", "co-cbd-fp1-open"), "text/turtle").status());
        Reply list = get(root + "records?type=focal-point&country=co", "application/json");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("co-cbd-fp1-open"), list.body());
    }

    // ---------------------------------------------------------------- formats

    @Test
    void jsonLdNTriplesAndTheIriFormAreAccepted() {
        IRI jsonIri = iri("focal-point", "co-cbd-fp1-jsonld");
        String json =
                """
                {"@context": "%s",
                 "id": "%s", "type": "FocalPoint", "identifier": "co-cbd-fp1-jsonld",
                 "treaty": ["https://w3id.org/chm-exchange/thesaurus/treaties/cbd"],
                 "country": "https://w3id.org/chm-exchange/thesaurus/countries/co",
                 "categories": ["https://w3id.org/chm-exchange/thesaurus/focal-point-categories/CBD-FP1"],
                 "contactKind": "person", "name": "Mateo Ejemplo",
                 "emails": ["mailto:mateo.ejemplo@example.org"]}
                """
                        .formatted(Vocabularies.CONTEXT_IRI, jsonIri);
        Reply jsonLd = put(url("focal-point", "co-cbd-fp1-jsonld"), COLOMBIA, "application/ld+json", json);
        assertEquals(201, jsonLd.status(), jsonLd.body());
        assertTrue(stored(jsonIri));

        IRI ntIri = iri("national-report", "co-nr-ntriples");
        String s = "<" + ntIri + "> ";
        String nt = s
                + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/chm-exchange/ns#NationalReport> .\n"
                + s + "<http://purl.org/dc/terms/identifier> \"co-nr7\" .\n"
                + s + "<http://purl.org/dc/terms/title> \"Séptimo informe nacional\"@es .\n"
                + s
                + "<https://w3id.org/chm-exchange/ns#treaty> <https://w3id.org/chm-exchange/thesaurus/treaties/cbd> .\n"
                + s
                + "<https://w3id.org/chm-exchange/ns#country> <https://w3id.org/chm-exchange/thesaurus/countries/co> .\n"
                + s
                + "<https://w3id.org/chm-exchange/ns#reportType> <https://w3id.org/chm-exchange/thesaurus/report-types/national-report-7> .\n";
        Reply nTriples = put(url("national-report", "co-nr-ntriples"), COLOMBIA, "application/n-triples", nt);
        assertEquals(201, nTriples.status(), nTriples.body());
        assertTrue(stored(ntIri));

        String foreign = "https://chm.example.org/records/national-report/co-nbsap-2016";
        Reply byIri = put(
                root + "records?iri=" + foreign,
                COLOMBIA,
                "text/turtle; charset=utf-8",
                nbsap("<>", "co", "Plan de Acción 2016-2030"));
        assertEquals(201, byIri.status(), byIri.body());
        assertEquals(foreign, byIri.json().get("id").asText());
        assertTrue(stored(Values.iri(foreign)), "<> is the IRI of the URL");
        assertEquals(204, delete(root + "records?iri=" + foreign, COLOMBIA).status());
        assertFalse(stored(Values.iri(foreign)));
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        Reply reply = put(url("focal-point", "co-cbd-fp1-csv"), COLOMBIA, "text/csv", "name\nAna Ejemplo\n");
        assertProblem(reply, 415);
        assertTrue(reply.json().get("supported").toString().contains("text/turtle"), reply.body());
        assertProblem(put(url("focal-point", "co-cbd-fp1-csv"), COLOMBIA, null, "<> a <x:y> ."), 415);
    }

    // ---------------------------------------------------------------- malformed and hostile input

    @Test
    void malformedTurtleIs400WithTheLine() {
        String broken = PREFIXES
                + "<> a chm:FocalPoint ;\n    dcterms:identifier \"co-broken\" \n    chm:treaty treaties:cbd .\n";
        Reply reply = put(url("focal-point", "co-broken"), COLOMBIA, "text/turtle", broken);
        assertProblem(reply, 400);
        assertEquals(10, reply.json().get("line").asInt(), reply.body());
        assertTrue(reply.json().get("detail").asText().contains("line 10"), reply.body());
        assertFalse(stored(iri("focal-point", "co-broken")));
    }

    @Test
    void rdfXmlWithAnExternalEntityIsRefused() throws IOException {
        Path secret = secrets.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-7f3a9c");
        String xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "%s"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns:chm="https://w3id.org/chm-exchange/ns#"
                         xmlns:dcterms="http://purl.org/dc/terms/">
                  <chm:FocalPoint rdf:about="%s">
                    <dcterms:identifier>&secret;</dcterms:identifier>
                  </chm:FocalPoint>
                </rdf:RDF>
                """
                        .formatted(secret.toUri(), iri("focal-point", "co-xxe"));
        Reply reply = put(url("focal-point", "co-xxe"), COLOMBIA, "application/rdf+xml", xxe);
        assertProblem(reply, 400);
        assertFalse(reply.body().contains("TOP-SECRET"), reply.body());
        assertFalse(stored(iri("focal-point", "co-xxe")));
        assertFalse(
                get(url("focal-point", "co-xxe"), "text/turtle").body().contains("TOP-SECRET"),
                "the secret appears nowhere");
    }

    @Test
    void anOversizedBodyIs413AndStoresNothing() {
        IRI iri = iri("focal-point", "co-huge");
        String huge =
                focalPoint("co", "Ana Ejemplo", "ana.ejemplo@example.org") + "# " + "x".repeat((int) LIMIT) + "\n";

        Reply declared = put(url("focal-point", "co-huge"), COLOMBIA, "text/turtle", huge);
        assertProblem(declared, 413);
        assertEquals(LIMIT, declared.json().get("maxRequestBytes").asLong());
        assertFalse(stored(iri));

        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("text/turtle");
            }

            @Override
            public long contentLength() {
                return -1; // no Content-Length: Transfer-Encoding: chunked
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                for (int i = 0; i < bytes.length; i += 4096) {
                    sink.write(bytes, i, Math.min(4096, bytes.length - i));
                    sink.flush();
                }
            }
        };
        Reply streamed = call(new Request.Builder()
                .url(url("focal-point", "co-huge"))
                .header("Authorization", "Bearer " + COLOMBIA)
                .put(chunked)
                .build());
        assertProblem(streamed, 413);
        assertFalse(stored(iri));
    }

    // ---------------------------------------------------------------- what the body describes

    @Test
    void aBodyAboutAnotherRecordThanTheUrlIs400() {
        Reply other = put(
                url("national-report", "co-nbsap-url"),
                COLOMBIA,
                "text/turtle",
                nbsap("<" + iri("national-report", "co-nbsap-other") + ">", "co", "Plan"));
        assertProblem(other, 400);
        assertTrue(other.json().get("detail").asText().contains("co-nbsap-other"), other.body());
        assertFalse(stored(iri("national-report", "co-nbsap-other")));
        assertFalse(stored(iri("national-report", "co-nbsap-url")));

        Reply wrongType = put(
                url("decision", "co-fp-as-decision"),
                COLOMBIA,
                "text/turtle",
                focalPoint("co", "Ana Ejemplo", "ana.ejemplo@example.org"));
        assertProblem(wrongType, 400);

        Reply noRecord = put(
                url("focal-point", "co-nothing"),
                COLOMBIA,
                "text/turtle",
                "<> <http://purl.org/dc/terms/title> \"x\"@en .");
        assertProblem(noRecord, 400);

        Reply stray = put(
                url("national-report", "co-stray"),
                COLOMBIA,
                "text/turtle",
                nbsap("<>", "co", "Plan")
                        + "<https://elsewhere.example.org/x> <http://purl.org/dc/terms/title> \"x\"@en .\n");
        assertProblem(stray, 400);
        assertFalse(stored(iri("national-report", "co-stray")));
    }

    // ---------------------------------------------------------------- validation

    @Test
    void anInvalidRecordIs422WithTheFieldAndStoresNothing() {
        String noCountry = focalPoint("co", "Ana Ejemplo", "ana.ejemplo@example.org")
                .replace("    chm:country countries:co ;\n", "");
        Reply reply = put(url("focal-point", "co-invalid"), SECRETARIAT, "text/turtle", noCountry);
        assertProblem(reply, 422);
        JsonNode violations = reply.json().get("violations");
        assertNotNull(violations, reply.body());
        List<String> fields = new ArrayList<>();
        violations.forEach(v -> fields.add(v.get("field").asText()));
        assertTrue(fields.contains("country"), reply.body());
        assertFalse(reply.json().get("conforms").asBoolean());
        assertFalse(stored(iri("focal-point", "co-invalid")));

        Reply badEmail = put(
                url("focal-point", "co-bad-email"),
                COLOMBIA,
                "text/turtle",
                focalPoint("co", "Ana Ejemplo", "ana.ejemplo@example.org")
                        .replace("<mailto:ana.ejemplo@example.org>", "<https://example.org/ana>"));
        assertProblem(badEmail, 422);
        assertTrue(badEmail.body().contains("\"emails\""), badEmail.body());
    }

    // ---------------------------------------------------------------- batches

    @Test
    void aBatchIsAtomic() {
        IRI a = Values.iri("https://chm.example.org/records/focal-point/co-batch-a");
        IRI b = Values.iri("https://chm.example.org/records/focal-point/co-batch-b");
        IRI c = Values.iri("https://chm.example.org/records/national-report/co-batch-c");
        String valid =
                focalPoint("co", "Sofía Ejemplo", "sofia.ejemplo@example.org").replace("<>", "<" + a + ">")
                        + focalPoint("co", "Diego Ejemplo", "diego.ejemplo@example.org")
                                .replace(PREFIXES, "")
                                .replace("<>", "<" + b + ">");
        String withoutReportType = nbsap("<" + c + ">", "co", "Plan")
                .replace(PREFIXES, "")
                .replace(" ;\n    chm:reportType rt:nbsap .\n", " .\n");
        assertFalse(withoutReportType.contains("reportType"));
        Reply rejected = send("POST", root + "records", COLOMBIA, "text/turtle", valid + withoutReportType);
        assertProblem(rejected, 422);
        assertTrue(rejected.body().contains("reportType"), rejected.body());
        assertFalse(stored(a) || stored(b) || stored(c), "nothing of an invalid batch is stored");

        Reply outOfScope = send(
                "POST",
                root + "records",
                COLOMBIA,
                "text/turtle",
                valid + nbsap("<" + c + ">", "ke", "Plan").replace(PREFIXES, ""));
        assertProblem(outOfScope, 403);
        assertFalse(stored(a) || stored(b) || stored(c), "nothing of a batch with a refused record is stored");

        Reply accepted = send(
                "POST",
                root + "records",
                COLOMBIA,
                "text/turtle",
                valid + nbsap("<" + c + ">", "co", "Plan").replace(PREFIXES, ""));
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(3, accepted.json().get("created").size(), accepted.body());
        assertTrue(stored(a) && stored(b) && stored(c));

        Reply again = send(
                "POST",
                root + "records",
                COLOMBIA,
                "application/n-quads",
                "<" + a + "> <http://www.w3.org/2006/vcard/ns#fn> \"Sofía Ejemplo\" <urn:ignored> .\n"
                        + "<" + a
                        + "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/chm-exchange/ns#FocalPoint> .\n"
                        + "<" + a + "> <http://purl.org/dc/terms/identifier> \"co-cbd-fp1\" .\n"
                        + "<" + a
                        + "> <https://w3id.org/chm-exchange/ns#treaty> <https://w3id.org/chm-exchange/thesaurus/treaties/cbd> .\n"
                        + "<" + a
                        + "> <https://w3id.org/chm-exchange/ns#country> <https://w3id.org/chm-exchange/thesaurus/countries/co> .\n"
                        + "<" + a
                        + "> <https://w3id.org/chm-exchange/ns#focalPointCategory> <https://w3id.org/chm-exchange/thesaurus/focal-point-categories/CBD-FP1> .\n"
                        + "<" + a + "> <https://w3id.org/chm-exchange/ns#contactKind> \"person\" .\n"
                        + "<" + a
                        + "> <http://www.w3.org/2006/vcard/ns#hasEmail> <mailto:sofia.ejemplo@example.org> .\n");
        assertEquals(200, again.status(), again.body());
        assertEquals(Set.of(a.stringValue()), Set.copyOf(strings(again.json().get("unchanged"))), again.body());
    }

    // ---------------------------------------------------------------- deletion

    @Test
    void deleteIs204ThenTheRecordIsGone() {
        String url = url("focal-point", "co-cbd-fp1-delete");
        assertEquals(
                201,
                put(url, COLOMBIA, "text/turtle", focalPoint("co", "Pedro Muestra", "pedro.muestra@example.org"))
                        .status());

        String kenyan = url("focal-point", "ke-cbd-fp1-delete");
        assertEquals(
                201,
                put(kenyan, SECRETARIAT, "text/turtle", focalPoint("ke", "Amani Mfano", "amani.mfano@example.org"))
                        .status());
        assertProblem(delete(kenyan, COLOMBIA), 403);
        assertTrue(stored(iri("focal-point", "ke-cbd-fp1-delete")), "a refused delete deletes nothing");

        Reply deleted = delete(url, COLOMBIA);
        assertEquals(204, deleted.status(), deleted.body());
        assertProblem(get(url, "text/turtle"), 410);
        assertProblem(delete(url, COLOMBIA), 404);
        assertProblem(delete(url("focal-point", "co-never-existed"), COLOMBIA), 404);
    }

    @Test
    void aTokenCannotOverwriteOrDeleteRecordsItDidNotPublish() {
        String kenyan = url("focal-point", "ke-cbd-fp1-owned");
        assertEquals(
                201,
                put(kenyan, SECRETARIAT, "text/turtle", focalPoint("ke", "Amani Mfano", "amani.mfano@example.org"))
                        .status());
        // Colombia rewrites the Kenyan record as a Colombian one: in scope by the body, but not its record.
        Reply takeover = put(kenyan, COLOMBIA, "text/turtle", focalPoint("co", "Ana Example", "ana@example.org"));
        assertProblem(takeover, 403);
        assertTrue(node.store()
                .get(iri("focal-point", "ke-cbd-fp1-owned"))
                .orElseThrow()
                .contains(null, null, org.eclipse.rdf4j.model.util.Values.iri("mailto:amani.mfano@example.org")));
        // The node's own sample-free local records and harvested records are protected the same way.
        assertProblem(delete(kenyan, COLOMBIA), 403);
    }

    @Test
    void recordIrisThatNameNestedResourcesOrReferenceDataAreRefused() {
        String kenyan = url("focal-point", "ke-cbd-fp1-nested");
        assertEquals(
                201,
                put(kenyan, SECRETARIAT, "text/turtle", focalPoint("ke", "Amani Mfano", "amani.mfano@example.org"))
                        .status());
        String nested = root + "records?iri="
                + java.net.URLEncoder.encode(kenyan.replace(root, base) + "#file-1", StandardCharsets.UTF_8);
        assertProblem(put(nested, COLOMBIA, "text/turtle", focalPoint("co", "Ana Example", "ana@example.org")), 400);
        String concept = root + "records?iri="
                + java.net.URLEncoder.encode(
                        "https://w3id.org/chm-exchange/thesaurus/countries/co", StandardCharsets.UTF_8);
        assertProblem(
                put(concept, SECRETARIAT, "text/turtle", focalPoint("co", "Ana Example", "ana@example.org")), 400);
        assertTrue(
                node.store()
                                .get(iri("focal-point", "ke-cbd-fp1-nested"))
                                .orElseThrow()
                                .size()
                        > 5,
                "the Kenyan record is whole");
    }

    @Test
    void aRecordWithTwoRecordClassesIsRefused() {
        String body = focalPoint("co", "Ana Example", "ana@example.org")
                .replace(
                        "<> a chm:FocalPoint ;",
                        "<> a chm:FocalPoint, chm:Decision ; chm:decisionType <https://w3id.org/chm-exchange/thesaurus/decision-types/decision> ;");
        Reply r = put(url("focal-point", "co-two-classes"), COLOMBIA, "text/turtle", body);
        assertTrue(r.status() == 400 || r.status() == 422, r.body());
        assertFalse(stored(iri("focal-point", "co-two-classes")));
    }

    @Test
    void otherMethodsAre405() {
        Reply patch = send("PATCH", url("focal-point", "co-x"), COLOMBIA, "text/turtle", "<> a <x:y> .");
        assertProblem(patch, 405);
        assertProblem(send("POST", root + "thesaurus/schemes", COLOMBIA, "text/turtle", "<> a <x:y> ."), 405);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
