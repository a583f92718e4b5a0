package org.chmexchange.harvest.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of protocol {@code rdf-dump} that need no server: format detection, options, Accept. */
class DumpRulesTest {

    private static final String NAME = "national-dump";

    private static HarvestSource source(Map<String, String> options) {
        return new HarvestSource(NAME, "rdf-dump", URI.create("http://data.example.org/dump.ttl"), options);
    }

    private static HarvestContext context() {
        return new HarvestContext(HarvestTesting.HTTP, 10);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "text/turtle; charset=utf-8, -,      /a/dump.nt,      TURTLE",
                "application/ld+json,        ttl,    /a/dump.nt,      JSONLD",
                "application/octet-stream,   nt,     /a/dump.ttl,     NTRIPLES",
                "-,                          -,      /a/dump.RDF,     RDFXML",
                "application/gzip,           -,      /a/dump.nq.gz,   NQUADS",
                "text/plain,                 -,      /a/dump.jsonld,  JSONLD",
                "application/octet-stream,   -,      /a/dump,         -",
                "application/octet-stream,   -,      /a/dump.gz,      -",
                "application/octet-stream,   -,      /,               -",
            })
    void theFormatComesFromTheContentTypeThenTheOptionThenTheExtension(
            String contentType, String option, String path, String expected) {
        Optional<RecordFormat> format = DumpHarvester.formatOf(
                contentType, RecordFormat.forExtension(option), HttpUrl.get("http://data.example.org" + path));
        assertEquals(Optional.ofNullable(expected).map(RecordFormat::valueOf), format);
    }

    @Test
    void invalidOptionsAreRefusedWhenTheHarvesterIsCreated() {
        DumpHarvesterFactory factory = new DumpHarvesterFactory();
        for (Map<String, String> options : List.of(
                Map.of("maxbytes", "10"),
                Map.of("format", "csv"),
                Map.of("maxBytes", "0"),
                Map.of("maxBytes", "lots"),
                Map.of("pageStatements", "0"),
                Map.of("pageStatements", "3000000000"))) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> factory.create(source(options), context()),
                    options::toString);
            assertTrue(e.getMessage().contains(NAME), e.getMessage());
        }
    }

    @Test
    void theAcceptHeaderListsEveryFormatWithItsQuality() {
        assertEquals(
                "text/turtle, application/ld+json;q=0.95, application/rdf+xml;q=0.8, application/n-triples;q=0.6,"
                        + " application/n-quads;q=0.5, application/trig;q=0.7, application/gzip;q=0.4, */*;q=0.1",
                DumpHarvester.ACCEPT);
    }

    @Test
    void theDefaultsAreValid() {
        new DumpHarvesterFactory().create(source(Map.of()), context());
        assertEquals(512L * 1024 * 1024, DumpHarvesterFactory.DEFAULT_MAX_BYTES);
        assertTrue(new DumpHarvesterFactory().protocol().description().contains("RDF dump"));
    }
}
