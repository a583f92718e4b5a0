package org.chmexchange.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.rdf4j.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Bytes that are not UTF-8 and documents nested too deeply are refused with a clear error (issue 7). */
class RecordReaderHostileTest {

    private static final String BASE = "http://node.example.org/records/decision/x";

    private static byte[] turtleWith(byte... inside) {
        byte[] head = "<> <http://purl.org/dc/terms/title> \"ab".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "cd\" .\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + inside.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(inside, 0, all, head.length, inside.length);
        System.arraycopy(tail, 0, all, head.length + inside.length, tail.length);
        return all;
    }

    @ParameterizedTest
    @CsvSource({"FF FE", "C0 AF", "E2 82", "ED A0 80", "E9"})
    void bytesThatAreNotUtf8AreRefusedWithTheirOffset(String hex) {
        String[] parts = hex.split(" ");
        byte[] bad = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bad[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        byte[] doc = turtleWith(bad);
        int offset = "<> <http://purl.org/dc/terms/title> \"ab".length();
        RecordParseException e =
                assertThrows(RecordParseException.class, () -> RecordReader.read(doc, RecordFormat.TURTLE, BASE));
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("not UTF-8 at byte " + offset), e.getMessage());
        // streamed (a harvest): refused too, never stored with U+FFFD
        RecordParseException streamed = assertThrows(
                RecordParseException.class,
                () -> RecordReader.read(new ByteArrayInputStream(doc), RecordFormat.TURTLE, BASE));
        assertTrue(streamed.getMessage().contains("cannot be decoded"), streamed.getMessage());
    }

    @Test
    void anIso88591BodyIsRefusedAndUtf8Accepted() {
        String text = "<> <http://purl.org/dc/terms/title> \"Décision sur la biodiversité\" .";
        assertThrows(
                RecordParseException.class,
                () -> RecordReader.read(text.getBytes(StandardCharsets.ISO_8859_1), RecordFormat.TURTLE, BASE));
        Model ok = RecordReader.read(text.getBytes(StandardCharsets.UTF_8), RecordFormat.TURTLE, BASE);
        assertEquals(
                "Décision sur la biodiversité", ok.objects().iterator().next().stringValue());
    }

    @Test
    void rdfXmlInAnEncodingJavaDoesNotKnowIsAParseError() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-7\"?><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>";
        assertThrows(
                RecordParseException.class,
                () -> RecordReader.read(xml.getBytes(StandardCharsets.US_ASCII), RecordFormat.RDFXML, BASE));
    }

    @ParameterizedTest
    @EnumSource(
            value = RecordFormat.class,
            names = {"TURTLE", "JSONLD"})
    void aDocumentNestedTooDeeplyIsAParseError(RecordFormat format) {
        int depth = 60_000;
        String doc = format == RecordFormat.TURTLE
                ? "<> <http://example.org/p> " + "[ <http://example.org/p> ".repeat(depth) + "1" + " ]".repeat(depth)
                        + " ."
                : "{\"@id\": \"\", \"http://example.org/p\": " + "[".repeat(depth) + "1" + "]".repeat(depth) + "}";
        RecordParseException e = assertThrows(
                RecordParseException.class,
                () -> RecordReader.read(doc.getBytes(StandardCharsets.UTF_8), format, BASE));
        assertTrue(e.getMessage().contains("nest") || e.getMessage().contains("depth"), e.getMessage());
    }
}
