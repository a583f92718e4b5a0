package org.chmexchange.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chmexchange.ChmException;
import org.eclipse.rdf4j.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordReaderTest {

    private static final String VALID_TRIPLE =
            "<http://localhost:8080/records/treaty/cbd> " + "<http://purl.org/dc/terms/identifier> \"cbd\" .\n";

    private static RecordParseException failure(String text, RecordFormat format) {
        return assertThrows(RecordParseException.class, () -> Fixtures.read(text, format));
    }

    @Test
    void malformedTurtleNamesLineAndColumn() {
        RecordParseException e = failure(
                VALID_TRIPLE + VALID_TRIPLE + "<http://x.example/a> <http://x.example/b> \"open .\n",
                RecordFormat.TURTLE);
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(
                e.getMessage().startsWith("Cannot parse Turtle document <http://localhost:8080/> at line 3"),
                e.getMessage());
        assertTrue(e instanceof ChmException);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"TURTLE|\\q", "TURTLE|\\x41", "TURTLE|\\/", "TRIG|\\q", "TURTLE|\\a"})
    void anUnknownStringEscapeIsASyntaxErrorThatRdf4jAloneLetsThrough(RecordFormat format, String escape) {
        String triple = "<http://x.example/a> <http://x.example/b> \"a" + escape + "b\" .\n";
        String doc = format == RecordFormat.TRIG ? "{ " + triple + " }\n" : triple;
        byte[] bytes = (VALID_TRIPLE + doc).getBytes(StandardCharsets.UTF_8);
        Model lenient = Fixtures.read(VALID_TRIPLE + doc, format); // a stream: RDF4J only
        assertEquals(2, lenient.size(), "RDF4J 5.2 keeps the two characters");
        RecordParseException e = assertThrows(
                RecordParseException.class, () -> RecordReader.read(bytes, format, "http://localhost:8080/"));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("at line 2"), e.getMessage());
    }

    @Test
    void everyEscapeOfTheGrammarIsStillRead() {
        String text =
                "<http://x.example/a> <http://x.example/b> \"t\\tb\\bn\\nr\\rf\\fq\\\"a\\'s\\\\e\\u00e9\\U0001F600\" .\n";
        Model m =
                RecordReader.read(text.getBytes(StandardCharsets.UTF_8), RecordFormat.TURTLE, "http://localhost:8080/");
        assertEquals(
                "t\tb\bn\nr\rf\fq\"a's\\e\u00e9\uD83D\uDE00",
                m.objects().iterator().next().stringValue());
    }

    @Test
    void malformedJsonLdNamesLineAndColumn() {
        RecordParseException e = failure(
                "{\n  \"@id\": \"http://x.example/a\",\n  \"http://x.example/b\": [1, }\n", RecordFormat.JSONLD);
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("JSON-LD"), e.getMessage());
    }

    @Test
    void invalidJsonLdIsAParseError() {
        RecordParseException e =
                failure("{\"@context\": {\"title\": {\"@id\": \"@type\"}}, \"title\": 5}", RecordFormat.JSONLD);
        assertTrue(e.getMessage().startsWith("Cannot parse JSON-LD document"), e.getMessage());
    }

    @Test
    void malformedRdfXmlIsAParseError() {
        RecordParseException e = failure(
                """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="http://x.example/a">
                </rdf:RDF>
                """,
                RecordFormat.RDFXML);
        assertTrue(e.line() >= 1, e.getMessage());
        assertTrue(e.getMessage().startsWith("Cannot parse RDF/XML document"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"NTRIPLES", "NQUADS", "TRIG"})
    void malformedLineFormatsAreParseErrors(RecordFormat format) {
        RecordParseException e = failure(VALID_TRIPLE + "<http://x.example/a> <http://x.example/b> \"open .\n", format);
        assertTrue(e.getMessage().startsWith("Cannot parse "), e.getMessage());
    }

    @Test
    void xxeIsRefusedAndNothingLeaks(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        String xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns:dcterms="http://purl.org/dc/terms/">
                  <rdf:Description rdf:about="http://x.example/a">
                    <dcterms:title>&xxe;</dcterms:title>
                  </rdf:Description>
                </rdf:RDF>
                """
                        .formatted(secret.toUri());
        RecordParseException e = failure(xxe, RecordFormat.RDFXML);
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET-VALUE"));
    }

    @Test
    void remoteJsonLdContextsAreRefused() {
        RecordParseException e = failure(
                """
                {"@context": "https://contexts.example.org/evil.jsonld", "@id": "http://x.example/a", "title": "x"}
                """,
                RecordFormat.JSONLD);
        assertTrue(
                e.getMessage().contains("Refusing to load <https://contexts.example.org/evil.jsonld>"), e.getMessage());
        RecordParseException file = failure(
                """
                {"@context": {"@import": "file:///etc/passwd"}, "@id": "http://x.example/a"}
                """,
                RecordFormat.JSONLD);
        assertTrue(file.getMessage().contains("Refusing to load <file:"), file.getMessage());
    }

    @Test
    void ourContextIsServedFromTheClasspath() {
        Model model = Fixtures.read(
                """
                {"@context": "https://w3id.org/chm-exchange/context.jsonld",
                 "id": "http://localhost:8080/records/treaty/cbd", "type": "Treaty", "identifier": "cbd"}
                """,
                RecordFormat.JSONLD);
        assertEquals(2, model.size());
    }

    @Test
    void ioFailureIsUnchecked() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThrows(
                UncheckedIOException.class, () -> RecordReader.read(broken, RecordFormat.TURTLE, "http://x.example/"));
    }

    @Test
    void relativeIrisResolveAgainstTheBase() {
        Model model = RecordReader.read(
                new ByteArrayInputStream("<records/treaty/cbd> <http://purl.org/dc/terms/identifier> \"cbd\" ."
                        .getBytes(StandardCharsets.UTF_8)),
                RecordFormat.TURTLE,
                "http://localhost:8080/");
        assertEquals(
                "http://localhost:8080/records/treaty/cbd",
                model.subjects().iterator().next().stringValue());
    }
}
