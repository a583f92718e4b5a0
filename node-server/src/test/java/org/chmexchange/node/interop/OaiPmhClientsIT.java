package org.chmexchange.node.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.NodeFixture;
import org.chmexchange.node.config.OaiConfig;
import org.chmexchange.oai.OaiXml;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.RecordQuery;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, part 3: the OAI-PMH provider checked by tools that are not ours, installed by {@code
 * src/test/interop/install.sh}: every answer (each verb, every page of each list in both formats,
 * deleted records, each error) validates with {@code xmllint} against the OAI-PMH 2.0 schema and
 * the schemas of its metadata formats ({@code src/test/interop/oai-xsd}); and HTTP::OAI, the Perl
 * harvester of libhttp-oai-perl, harvests the node to the end of its lists through their
 * resumption tokens and finds every record. The sample data (real MEA facts), 20 records a page,
 * one record deleted.
 */
class OaiPmhClientsIT {

    private static final Path CLIENTS = Path.of("target", "interop");

    @TempDir
    static Path dir;

    private static ChmNodeServer node;
    private static String oai;
    private static IRI deleted;

    @BeforeAll
    static void start() {
        node = ChmNodeServer.start(new NodeConfig(0, dir.resolve("node"), null, true)
                .withOai(new OaiConfig("CHM Exchange test node", "chm@example.org", 20)));
        oai = node.baseIri() + "oai";
        deleted = node.store()
                .list(
                        new RecordQuery(
                                Set.of(RecordType.DECISION), Set.of(), Set.of(), Set.of(), Set.of(), null, null),
                        null,
                        1)
                .items()
                .get(0)
                .iri();
        assertTrue(node.store().delete(deleted));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    static byte[] get(String query) throws IOException {
        try (Response r = NodeFixture.HTTP
                .newCall(new Request.Builder().url(oai + "?" + query).build())
                .execute()) {
            assertEquals(200, r.code(), query);
            return r.body().bytes();
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every answer of one list, page by page. */
    static List<byte[]> list(String verb, String arguments) throws Exception {
        List<byte[]> pages = new ArrayList<>();
        byte[] page = get("verb=" + verb + "&" + arguments);
        while (true) {
            pages.add(page);
            String token = new OaiXml(page).text("//oai:resumptionToken");
            if (token.isEmpty()) {
                return pages;
            }
            page = get("verb=" + verb + "&resumptionToken=" + encode(token));
        }
    }

    @Test
    void everyAnswerValidatesAgainstTheOaiPmhSchemasWithXmllint() throws Exception {
        Path schemas = CLIENTS.resolve("oai-xsd");
        Files.write(schemas.resolve("rdf.xsd"), fetchSchema()); // the node's own, as it serves it
        List<byte[]> answers = new ArrayList<>();
        answers.add(get("verb=Identify"));
        answers.add(get("verb=ListMetadataFormats"));
        answers.add(get("verb=ListMetadataFormats&identifier=" + encode(deleted.stringValue())));
        answers.add(get("verb=ListSets"));
        answers.addAll(list("ListIdentifiers", "metadataPrefix=oai_dc"));
        answers.addAll(list("ListRecords", "metadataPrefix=oai_dc"));
        answers.addAll(list("ListRecords", "metadataPrefix=rdf"));
        answers.addAll(list("ListRecords", "metadataPrefix=oai_dc&set=country:fr"));
        answers.add(get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + encode(deleted.stringValue())));
        for (String error : List.of(
                "verb=Nonsense",
                "",
                "verb=Identify&extra=1",
                "verb=ListRecords",
                "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=rdf",
                "verb=ListRecords&metadataPrefix=marc21",
                "verb=ListRecords&resumptionToken=not-ours",
                "verb=ListRecords&metadataPrefix=oai_dc&from=2001-01-01&until=2002-01-01",
                "verb=ListRecords&metadataPrefix=oai_dc&from=2001-01-01&until=2002-01-01T00:00:00Z",
                "verb=ListRecords&metadataPrefix=oai_dc&set=treaty:none",
                "verb=GetRecord&metadataPrefix=oai_dc&identifier=http%3A%2F%2Fno.example.org%2Fnone")) {
            byte[] answer = get(error);
            assertTrue(!new OaiXml(answer).error().isEmpty(), "an OAI-PMH error for " + error);
            answers.add(answer);
        }
        List<String> files = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Path file = dir.resolve(String.format("answer-%03d.xml", i));
            Files.write(file, answers.get(i));
            files.add(file.toString());
        }
        List<String> command = new ArrayList<>(List.of(
                "xmllint",
                "--noout",
                "--nonet",
                "--schema",
                schemas.resolve("validate.xsd").toString()));
        command.addAll(files);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), "xmllint: " + output);
        assertEquals(
                answers.size(),
                output.lines().filter(l -> l.endsWith(" validates")).count(),
                output);
        assertTrue(answers.size() > 20, "lists of several pages: " + answers.size());
    }

    private static byte[] fetchSchema() throws IOException {
        try (Response r = NodeFixture.HTTP
                .newCall(new Request.Builder().url(oai + "/rdf.xsd").build())
                .execute()) {
            assertEquals(200, r.code());
            return r.body().bytes();
        }
    }

    @Test
    void thePerlHarvesterHttpOaiReadsEveryRecordThroughTheResumptionTokens() throws Exception {
        Process p = new ProcessBuilder("perl", CLIENTS.resolve("oai-harvest.pl").toString(), oai)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), "HTTP::OAI failed: " + errors);
        JsonNode result = NodeFixture.JSON.readTree(out);
        assertEquals("2.0", result.path("protocolVersion").asText());
        assertEquals(oai, result.path("baseURL").asText());
        assertEquals("persistent", result.path("deletedRecord").asText());
        assertEquals("YYYY-MM-DDThh:mm:ssZ", result.path("granularity").asText());
        assertEquals(List.of("oai_dc", "rdf"), strings(result.path("metadataPrefixes")));
        assertTrue(strings(result.path("sets")).containsAll(List.of("type:decision", "treaty:cbd", "country:fr")));
        Set<String> expected = new HashSet<>();
        node.store()
                .list(RecordQuery.ALL, null, 10_000)
                .items()
                .forEach(s -> expected.add(s.iri().stringValue()));
        expected.add(deleted.stringValue());
        List<String> identifiers = strings(result.path("identifiers"));
        assertEquals(expected.size(), identifiers.size(), "each record once");
        assertEquals(expected, new HashSet<>(identifiers));
        assertEquals(1, result.path("deletedHeaders").asInt());
        assertEquals(
                node.store().countLatestChanges(ChangeQuery.ALL),
                result.path("records").asLong());
        assertEquals(expected.size() - 1, result.path("titledRecords").asInt(), "every live record has a dc:title");
        assertEquals(List.of("idDoesNotExist"), strings(result.path("unknownIdentifierErrors")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
