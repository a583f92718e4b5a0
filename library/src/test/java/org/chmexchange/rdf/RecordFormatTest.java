package org.chmexchange.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordFormatTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

    /** Accept header | HTML page available | expected outcome (format name, HTML or 406) | media type answered. */
    @ParameterizedTest(name = "[{index}] Accept: {0} (html {1}) -> {2} {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            textBlock =
                    """
            NULL                                                   | false | TURTLE   | text/turtle
            ''                                                     | false | TURTLE   | text/turtle
            */*                                                    | false | TURTLE   | text/turtle
            */*                                                    | true  | TURTLE   | text/turtle
            *                                                      | false | TURTLE   | text/turtle
            text/turtle                                            | false | TURTLE   | text/turtle
            application/x-turtle                                   | false | TURTLE   | application/x-turtle
            application/ld+json                                    | false | JSONLD   | application/ld+json
            application/json                                       | false | JSONLD   | application/json
            APPLICATION/LD+JSON; charset=utf-8                     | false | JSONLD   | application/ld+json
            application/rdf+xml                                    | false | RDFXML   | application/rdf+xml
            application/n-triples                                  | false | NTRIPLES | application/n-triples
            application/n-quads                                    | false | NQUADS   | application/n-quads
            application/trig                                       | false | TRIG     | application/trig
            application/*                                          | false | JSONLD   | application/ld+json
            text/*                                                 | false | TURTLE   | text/turtle
            text/*                                                 | true  | TURTLE   | text/turtle
            'text/turtle;q=0.5, application/ld+json;q=0.9'         | false | JSONLD   | application/ld+json
            'application/rdf+xml, text/turtle;q=0.9'               | false | RDFXML   | application/rdf+xml
            'application/n-triples;q=0.7, application/trig;q=0.7'  | false | TRIG     | application/trig
            'text/turtle;q=0, */*'                                 | false | JSONLD   | application/ld+json
            '*/*;q=0.1, text/turtle;q=0'                           | false | JSONLD   | application/ld+json
            'text/*;q=0.2, text/turtle;q=0.9, application/*;q=0.5' | false | TURTLE   | text/turtle
            'application/ld+json;profile="a,b";q=0.5, text/turtle;q=0.4' | false | JSONLD | application/ld+json
            'text/turtle;q=2, application/ld+json;q=0.1'           | false | JSONLD   | application/ld+json
            'garbage, text/turtle;q=0.3'                           | false | TURTLE   | text/turtle
            image/png                                              | false | 406      | NULL
            image/png                                              | true  | 406      | NULL
            text/turtle;q=0                                        | false | 406      | NULL
            'application/*;q=0, text/turtle;q=0'                   | false | 406      | NULL
            garbage                                                | false | 406      | NULL
            text/html                                              | false | 406      | NULL
            text/html                                              | true  | HTML     | text/html
            application/xhtml+xml                                  | true  | HTML     | application/xhtml+xml
            'application/xhtml+xml, text/html'                     | true  | HTML     | text/html
            %BROWSER%                                              | true  | HTML     | text/html
            %BROWSER%                                              | false | TURTLE   | text/turtle
            'text/html;q=0.5, text/turtle'                         | true  | TURTLE   | text/turtle
            'text/html, text/turtle;q=0.8'                         | true  | HTML     | text/html
            'text/html, application/ld+json'                       | true  | JSONLD   | application/ld+json
            'text/html;q=0, */*'                                   | true  | TURTLE   | text/turtle
            """)
    void negotiates(String accept, boolean html, String expected, String mediaType) {
        String header = "%BROWSER%".equals(accept) ? BROWSER : accept;
        Negotiated negotiated = RecordFormat.negotiate(header, html);
        switch (expected) {
            case "406" -> {
                assertEquals(Negotiated.Outcome.NOT_ACCEPTABLE, negotiated.outcome());
                assertFalse(negotiated.isAcceptable());
                assertEquals(
                        Optional.empty(), RecordFormat.negotiate(header, false).rdfFormat());
            }
            case "HTML" -> {
                assertTrue(negotiated.isHtml());
                assertEquals(Optional.empty(), negotiated.rdfFormat());
            }
            default -> {
                assertEquals(Negotiated.Outcome.RDF, negotiated.outcome());
                assertEquals(RecordFormat.valueOf(expected), negotiated.format());
            }
        }
        assertEquals(mediaType, negotiated.mediaType());
        if (!html) {
            assertEquals(negotiated.rdfFormat(), RecordFormat.negotiate(header));
        }
    }

    @Test
    void descriptorsCarryRdf4jFormatsAndUniqueNegotiationData() {
        assertEquals(RDFFormat.TURTLE, RecordFormat.TURTLE.rdfFormat());
        assertEquals(RDFFormat.JSONLD, RecordFormat.JSONLD.rdfFormat());
        assertEquals("ttl", RecordFormat.TURTLE.fileExtension());
        assertTrue(RecordFormat.NQUADS.supportsContexts());
        assertFalse(RecordFormat.TURTLE.supportsContexts());
        long distinctQualities = java.util.Arrays.stream(RecordFormat.values())
                .mapToDouble(RecordFormat::quality)
                .distinct()
                .count();
        assertEquals(RecordFormat.values().length, distinctQualities, "server qualities break every tie");
        for (RecordFormat format : RecordFormat.values()) {
            assertTrue(format.rdfFormat().getMIMETypes().contains(format.mediaType()), format + " default type");
            assertTrue(format.quality() > 0 && format.quality() <= 1);
            assertTrue(format.quality() != Negotiated.HTML_QUALITY);
        }
    }

    @Test
    void looksUpByContentTypeAndExtension() {
        assertEquals(Optional.of(RecordFormat.TURTLE), RecordFormat.forMediaType("text/turtle; charset=UTF-8"));
        assertEquals(Optional.of(RecordFormat.JSONLD), RecordFormat.forMediaType("application/json"));
        assertEquals(Optional.empty(), RecordFormat.forMediaType("text/html"));
        assertEquals(Optional.empty(), RecordFormat.forMediaType(null));
        assertEquals(Optional.of(RecordFormat.RDFXML), RecordFormat.forExtension(".RDF"));
        assertEquals(Optional.of(RecordFormat.NQUADS), RecordFormat.forExtension("nq"));
        assertEquals(Optional.empty(), RecordFormat.forExtension("html"));
    }

    @Test
    void negotiatedIsConsistent() {
        assertThrows(NullPointerException.class, () -> Negotiated.rdf(null, "text/turtle"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Negotiated(Negotiated.Outcome.HTML, RecordFormat.TURTLE, "text/html"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Negotiated(Negotiated.Outcome.NOT_ACCEPTABLE, null, "text/html"));
    }
}
