package org.chmexchange.rdf;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.eclipse.rdf4j.model.util.Statements;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TermCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-GB", "es-419", "zh-Hant-TW", "sr-Latn", "x-private", "de-CH-1996"})
    void wellFormedTagsPass(String tag) {
        assertNull(TermCheck.languageTagProblem(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en--gb", "abcdefghi", "not a tag!", "-en", "en-", "e"})
    void illFormedTagsAreNamed(String tag) {
        assertTrue(TermCheck.languageTagProblem(tag).contains("not well-formed BCP 47"));
    }

    @Test
    void aVeryLongTagIsShortenedInTheMessage() {
        String problem = TermCheck.languageTagProblem("a".repeat(5000));
        assertTrue(problem.contains("(5000 characters)") && problem.length() < 200, problem);
    }

    @Test
    void charactersXmlCannotCarryAreNamedWithTheirPosition() {
        assertNull(TermCheck.characterProblem("tab\tline\nreturn\r emoji \uD83C\uDF3F é"));
        assertTrue(TermCheck.characterProblem("a\u0000b").contains("U+0000 at position 1"));
        assertNotNull(TermCheck.characterProblem("a\u0008"));
        assertNotNull(TermCheck.characterProblem("\uFFFF"));
        assertNotNull(TermCheck.characterProblem("lone \uD800 high"));
        assertNotNull(TermCheck.characterProblem("lone \uDC00 low"));
        assertNotNull(TermCheck.characterProblem("end \uD800"));
    }

    @Test
    void aStatementIsCheckedByItsLiteral() {
        var s = Values.iri("http://x.example.org/r");
        var p = Values.iri("http://purl.org/dc/terms/title");
        assertNull(TermCheck.problem(Statements.statement(s, p, Values.literal("ok", "en"), null)));
        // RDF4J's parsers accept the tag (Values.literal would not): checked as the parser gives it
        var parsed = RecordReader.read(
                "<> <http://purl.org/dc/terms/title> \"ok\"@en--gb .".getBytes(StandardCharsets.UTF_8),
                RecordFormat.TURTLE,
                "http://x.example.org/r");
        assertNotNull(TermCheck.problem(parsed.iterator().next()));
        assertNull(TermCheck.problem(Statements.statement(s, p, Values.iri("http://x.example.org/o"), null)));
    }

    @Test
    void aJsonLdLanguageIsCheckedBeforeTheConversionDropsIt() {
        String doc = "{\"@id\": \"\", \"http://purl.org/dc/terms/title\": {\"@value\": \"x\", \"@language\":"
                + " \"not a tag!\"}}";
        RecordParseException e = assertThrows(
                RecordParseException.class,
                () -> RecordReader.read(
                        doc.getBytes(StandardCharsets.UTF_8), RecordFormat.JSONLD, "http://x.example.org/r"));
        assertTrue(e.getMessage().contains("would drop the value") && e.line() == 1, e.getMessage());
    }
}
