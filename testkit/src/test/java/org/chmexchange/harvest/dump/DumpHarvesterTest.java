package org.chmexchange.harvest.dump;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.chmexchange.testkit.harvest.HarvestTesting.OTHER_DECISION;
import static org.chmexchange.testkit.harvest.HarvestTesting.recordsOf;
import static org.chmexchange.testkit.harvest.HarvestTesting.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.testkit.harvest.HarvestFixture;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What is particular to RDF dumps, against a WireMock server. */
class DumpHarvesterTest extends HarvestFixture {

    private static final String NAME = DumpServer.NAME;
    private static final String PATH = DumpServer.PATH;

    private static DumpServer dumps;
    private static WireMockServer server;

    @BeforeAll
    static void startServer() {
        dumps = new DumpServer();
        server = dumps.wiremock;
    }

    @AfterAll
    static void stopServer() {
        dumps.close();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
    }

    @Override
    protected HarvestSource source() {
        return source(PATH, Map.of());
    }

    @Override
    protected HarvestContext context() {
        return new HarvestContext(HarvestTesting.HTTP, 1_000, spoolDir());
    }

    private Path spoolDir() {
        return dir.resolve("spool");
    }

    private static HarvestSource source(String path, Map<String, String> options) {
        return dumps.source(path, options);
    }

    private void serve(Model records) {
        dumps.serve(records);
    }

    private static String serveTurtle(String turtle) {
        return dumps.serveTurtle(turtle);
    }

    private HarvestOutcome harvest(HarvestSource source) {
        return runner.run(source, HarvestListener.NONE);
    }

    @Test
    void anUnchangedDumpAnswers304AndNoPageIsCommitted() {
        String etag = serveTurtle(HarvestTesting.write(HarvestTesting.sample(), RDFFormat.TURTLE));
        HarvestOutcome first = harvest();
        assertOk(first);
        assertEquals(1, first.counts().pages(), "one snapshot page");
        assertEquals(etag, runner.state(NAME).get(DumpHarvesterFactory.ETAG).orElseThrow());

        HarvestOutcome second = harvest();

        assertOk(second);
        assertEquals(0, second.counts().pages());
        List<LoggedRequest> requests = server.findAll(getRequestedFor(urlEqualTo(PATH)));
        assertEquals(2, requests.size());
        assertFalse(requests.get(0).containsHeader("If-None-Match"));
        assertEquals(etag, requests.get(1).getHeader("If-None-Match"));
        assertTrue(
                requests.get(0).getHeader("Accept").startsWith("text/turtle"),
                requests.get(0).getHeader("Accept"));
        assertEquals(HarvestTesting.SAMPLE_RECORDS, harvested().size());
    }

    @Test
    void lastModifiedIsSentBackAsIfModifiedSince() {
        String date = "Wed, 21 Oct 2026 07:28:00 GMT";
        String turtle = HarvestTesting.write(HarvestTesting.sample(), RDFFormat.TURTLE);
        server.stubFor(get(urlEqualTo(PATH))
                .atPriority(1)
                .withHeader("If-Modified-Since", equalTo(date))
                .willReturn(aResponse().withStatus(304)));
        server.stubFor(get(urlEqualTo(PATH))
                .atPriority(5)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/turtle")
                        .withHeader("Last-Modified", date)
                        .withBody(turtle)));
        assertOk(harvest());
        assertEquals(
                new HarvestState(Map.of(DumpHarvesterFactory.LAST_MODIFIED, date)), runner.state(NAME), "no ETag sent");

        HarvestOutcome second = harvest();

        assertOk(second);
        assertEquals(0, second.counts().pages());
        assertEquals(
                date, server.findAll(getRequestedFor(urlEqualTo(PATH))).get(1).getHeader("If-Modified-Since"));
    }

    @ParameterizedTest
    @EnumSource(
            value = RecordFormat.class,
            names = {"TURTLE", "NTRIPLES", "NQUADS", "JSONLD", "RDFXML"})
    void everyDumpFormatIsReadByItsContentType(RecordFormat format) {
        server.stubFor(get(urlEqualTo("/dump"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", format.mediaType())
                        .withBody(HarvestTesting.write(HarvestTesting.sample(), format.rdfFormat()))));

        HarvestOutcome outcome = harvest(source("/dump", Map.of()));

        assertOk(outcome);
        assertEquals(HarvestTesting.SAMPLE_RECORDS, outcome.counts().created());
    }

    @Test
    void aGzippedFileIsGunzipped() {
        byte[] gz = DumpServer.gzip(HarvestTesting.write(HarvestTesting.sample(), RDFFormat.NTRIPLES));
        server.stubFor(get(urlEqualTo("/exports/national.nt.gz"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/gzip")
                        .withBody(gz)));

        HarvestOutcome outcome = harvest(source("/exports/national.nt.gz", Map.of()));

        assertOk(outcome);
        assertEquals(HarvestTesting.SAMPLE_RECORDS, outcome.counts().created());
    }

    @Test
    void aGzipContentEncodingIsDecodedOnTheWay() {
        byte[] gz = DumpServer.gzip(HarvestTesting.write(HarvestTesting.sample(), RDFFormat.TURTLE));
        server.stubFor(get(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/turtle")
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(gz)));

        HarvestOutcome outcome = harvest();

        assertOk(outcome);
        assertEquals(HarvestTesting.SAMPLE_RECORDS, outcome.counts().created());
    }

    @Test
    void withoutAnRdfContentTypeTheOptionThenTheExtensionTellTheFormat() {
        String nquads = HarvestTesting.write(HarvestTesting.sample(), RDFFormat.NQUADS);
        server.stubFor(get(urlEqualTo("/files/all.nq"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/octet-stream")
                        .withBody(nquads)));
        server.stubFor(get(urlEqualTo("/download?id=7"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/octet-stream")
                        .withBody(nquads)));

        assertOk(harvest(source("/files/all.nq", Map.of())));
        assertOk(harvest(source("/download?id=7", Map.of("format", "nq"))));
        HarvestOutcome unknown = harvest(source("/download?id=7", Map.of()));
        assertFalse(unknown.ok());
        assertTrue(unknown.error().contains("cannot tell the RDF format"), unknown.error());
        assertTrue(unknown.error().contains(server.url("/download?id=7")), unknown.error());
    }

    @Test
    void malformedTurtleFailsWithTheUrlAndLineAndKeepsThePreviousContent() {
        Model sample = HarvestTesting.sample();
        serve(sample);
        assertOk(harvest());
        HarvestState state = runner.state(NAME);
        long sequence = store.lastSequence();

        serveTurtle(
                HarvestTesting.write(sample, RDFFormat.TURTLE) + "\n<http://national.example.org/x> chm:p {oops} .\n");
        HarvestOutcome outcome = harvest();

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains(server.url(PATH)), outcome.error());
        assertTrue(outcome.error().contains("at line"), outcome.error());
        assertTrue(outcome.error().contains("nothing was stored"), outcome.error());
        assertEquals(sorted(recordsOf(sample)), sorted(harvested()));
        assertEquals(sequence, store.lastSequence());
        assertEquals(state, runner.state(NAME));
    }

    @Test
    void aBrokenResponseFailsAndCommitsNothing() {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        HarvestOutcome outcome = harvest();

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains(server.url(PATH)), outcome.error());
        assertEquals(0, store.count(RecordQuery.ALL));
        assertEquals(HarvestState.EMPTY, runner.state(NAME));
    }

    @Test
    void aTruncatedGzipFileFailsAndCommitsNothing() {
        byte[] gz = DumpServer.gzip(HarvestTesting.write(HarvestTesting.sample(), RDFFormat.NTRIPLES));
        server.stubFor(get(urlEqualTo("/exports/national.nt.gz"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/gzip")
                        .withBody(Arrays.copyOf(gz, gz.length / 2))));

        HarvestOutcome outcome = harvest(source("/exports/national.nt.gz", Map.of()));

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("truncated"), outcome.error());
        assertEquals(0, store.count(RecordQuery.ALL));
    }

    @Test
    void aDumpOverMaxBytesFailsAndCommitsNothing() {
        serve(HarvestTesting.sample());

        HarvestOutcome outcome = harvest(source(PATH, Map.of("maxBytes", "10000")));

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("maxBytes (10000 bytes)"), outcome.error());
        assertEquals(0, store.count(RecordQuery.ALL));
    }

    @Test
    void theLimitAppliesToTheGunzippedBytes() {
        String padded = " ".repeat(4_000_000) + HarvestTesting.write(HarvestTesting.sample(), RDFFormat.TURTLE);
        byte[] gz = DumpServer.gzip(padded);
        assertTrue(gz.length < 100_000, "a small download: " + gz.length);
        server.stubFor(get(urlEqualTo("/bomb.ttl.gz"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/gzip")
                        .withBody(gz)));

        HarvestOutcome outcome = harvest(source("/bomb.ttl.gz", Map.of("maxBytes", "1000000")));

        assertFalse(outcome.ok());
        assertTrue(outcome.error().contains("larger than maxBytes"), outcome.error());
        assertEquals(0, store.count(RecordQuery.ALL));
    }

    @Test
    void aRecordThatBecomesInvalidKeepsItsLastValidVersion() {
        Model sample = HarvestTesting.sample();
        serve(sample);
        assertOk(harvest());

        serve(HarvestTesting.withInvalidDecision(sample, OTHER_DECISION));
        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();
        HarvestOutcome outcome = harvest(recorder);

        assertOk(outcome);
        assertEquals(1, outcome.counts().rejected());
        assertEquals(0, outcome.counts().deleted(), "a snapshot does not delete a rejected record");
        assertTrue(store.get(OTHER_DECISION).orElseThrow().contains(OTHER_DECISION, CHM.treaty, null));
    }

    /** The sample as N-Triples (valid Turtle) in a shuffled order, so a record's statements are scattered. */
    private static String scattered(Model records) {
        List<String> lines = new ArrayList<>(
                Arrays.asList(HarvestTesting.write(records, RDFFormat.NTRIPLES).split("\n")));
        Collections.shuffle(lines, new Random(42));
        return String.join("\n", lines) + "\n";
    }

    @Test
    void aDumpLargerThanAPageIsCommittedInPagesOfWholeRecordsTheLastOneSweeping() {
        Model sample = HarvestTesting.sample();
        HarvestSource paged = source(PATH, Map.of(DumpHarvesterFactory.PAGE_STATEMENTS, "10"));
        serveTurtle(scattered(sample));

        HarvestTesting.Recorder recorder = new HarvestTesting.Recorder();
        HarvestOutcome first = runner.run(paged, recorder);

        assertOk(first);
        assertTrue(first.counts().pages() > 2, "several pages: " + first.counts());
        assertEquals(recordsOf(sample).size(), first.counts().created());
        assertEquals(sorted(recordsOf(sample)), sorted(harvested()));
        for (IRI record : recordsOf(sample)) {
            Model expected = new LinkedHashModel(sample.filter(record, null, null));
            assertTrue(
                    store.get(record).orElseThrow().containsAll(expected),
                    "every statement of <" + record + "> though they were scattered over the pages");
        }

        serveTurtle(scattered(HarvestTesting.without(sample, OTHER_DECISION)));
        HarvestOutcome second = runner.run(paged, HarvestListener.NONE);

        assertOk(second);
        assertEquals(1, second.counts().deleted(), "the sweep deletes only what no page of the run carried");
        assertEquals(recordsOf(sample).size() - 1, harvested().size());
        assertFalse(harvested().contains(OTHER_DECISION));
    }

    @Test
    void theDumpIsSpooledInTheContextsDirectoryWhichARunLeavesEmpty() throws IOException {
        serveTurtle(scattered(HarvestTesting.sample()));
        HarvestSource paged = source(PATH, Map.of(DumpHarvesterFactory.PAGE_STATEMENTS, "10"));
        assertOk(runner.run(paged, HarvestListener.NONE));
        try (Stream<Path> left = Files.list(spoolDir())) {
            assertEquals(List.of(), left.toList(), "every spool file deleted");
        }

        Files.delete(spoolDir());
        Files.writeString(spoolDir(), "not a directory");
        HarvestOutcome blocked = runner.run(paged, HarvestListener.NONE);
        assertFalse(blocked.ok());
        assertTrue(blocked.error().contains(spoolDir().toString()), blocked.error());
        assertEquals(0, blocked.counts().pages(), "nothing committed");
    }

    @Test
    void aRunStoppedAmongThePagesOfADumpReadsItAgainNextTime() {
        Model sample = HarvestTesting.sample();
        HarvestSource paged = source(PATH, Map.of(DumpHarvesterFactory.PAGE_STATEMENTS, "10"));
        String etag = serveTurtle(scattered(sample));

        HarvestOutcome stopped = runner.run(paged, HarvestTesting.crashAfter(1));

        assertFalse(stopped.error() == null, "the run stopped after its first page");
        assertEquals(HarvestState.EMPTY, runner.state(NAME), "the pages before the last keep the old state");
        HarvestOutcome again = runner.run(paged, HarvestListener.NONE);
        assertOk(again);
        assertFalse(
                server.findAll(getRequestedFor(urlEqualTo(PATH))).get(1).containsHeader("If-None-Match"),
                "the dump is read again, not taken as unmodified");
        assertEquals(sorted(recordsOf(sample)), sorted(harvested()));
        assertEquals(etag, runner.state(NAME).get(DumpHarvesterFactory.ETAG).orElseThrow());
    }
}
