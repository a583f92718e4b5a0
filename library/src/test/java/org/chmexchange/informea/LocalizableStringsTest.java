package org.chmexchange.informea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chmexchange.cbd.LString;
import org.chmexchange.model.LangText;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;

/** {@code [{language, value}]} to {@code rdf:langString} to {@code {lang: value}} and back, on generated text. */
class LocalizableStringsTest {

    static final List<String> TAGS = List.of("ar", "en", "es", "fr", "ru", "zh", "und", "pt-br", "de", "sr-latn");
    static final ObjectMapper JSON = new ObjectMapper();

    /** A random text in some languages, of letters from several scripts, spaces and line breaks. */
    static LangText generated(Random random) {
        String alphabet = "abcXYZ éàü ßЖжقش中文字 \n\t&;'\"/";
        Map<String, String> texts = new LinkedHashMap<>();
        int languages = 1 + random.nextInt(TAGS.size());
        for (int i = 0; i < languages; i++) {
            StringBuilder b = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int j = 0; j < length; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (!b.toString().isBlank()) {
                texts.put(TAGS.get(random.nextInt(TAGS.size())), b.toString());
            }
        }
        return new LangText(texts);
    }

    @Test
    void theThreeFormsConvertLosslesslyBothWays() throws Exception {
        Random random = new Random(20261203);
        for (int i = 0; i < 2_000; i++) {
            LangText text = generated(random);
            List<String> notices = new ArrayList<>();
            // OData rows, through their JSON text as a feed sends it
            JsonNode rows = JSON.readTree(JSON.writeValueAsString(LocalizableStrings.write(text)));
            assertEquals(text, LocalizableStrings.read(rows, "title", notices::add));
            JsonNode verbose = JSON.createObjectNode().set("results", rows);
            assertEquals(text, LocalizableStrings.read(verbose, "title", notices::add));
            // rdf:langString literals
            List<Literal> literals = new ArrayList<>();
            text.texts().forEach((lang, value) -> literals.add(Values.literal(value, lang)));
            Map<String, String> back = new LinkedHashMap<>();
            literals.forEach(l -> back.put(l.getLanguage().orElseThrow(), l.getLabel()));
            assertEquals(text, new LangText(back));
            // the CBD's and Drupal's {lang: value}
            JsonNode lstring = JSON.readTree(JSON.writeValueAsString(LString.write(text)));
            assertEquals(text, LString.read(lstring, "title", notices::add));
            assertTrue(notices.isEmpty(), notices::toString);
        }
    }

    @Test
    void oddLanguageCodesAndControlCharactersAreNormalisedAndReported() throws Exception {
        List<String> notices = new ArrayList<>();
        JsonNode rows = JSON.readTree(
                "[{\"language\":\"zh-CN\",\"value\":\"中文\"},{\"language\":\"ENG\",\"value\":\"a\\u0001b\"},"
                        + "{\"Language\":\"fr\",\"Value\":\"F\"},{\"value\":\"no language\"},{\"language\":\"en\",\"value\":\"second\"},"
                        + "{\"language\":\"not a tag!\",\"value\":\"x\"},{\"language\":\"es\",\"value\":\"  \"}]");
        LangText text = LocalizableStrings.read(rows, "title", notices::add);
        assertEquals(LangText.of("zh", "中文", "en", "ab", "fr", "F", "und", "no language"), text);
        assertEquals(6, notices.size(), notices::toString);
    }

    @Test
    void odataDatesInEveryForm() {
        assertEquals(java.time.Instant.ofEpochMilli(1206271611000L), ODataDates.instant("/Date(1206271611000)/"));
        assertEquals(java.time.Instant.ofEpochMilli(1206271611000L), ODataDates.instant("/Date(1206271611000+0100)/"));
        assertEquals(java.time.Instant.parse("2008-03-23T11:26:51Z"), ODataDates.instant("2008-03-23T11:26:51"));
        assertEquals(java.time.Instant.parse("2008-03-23T10:26:51Z"), ODataDates.instant("2008-03-23T11:26:51+01:00"));
        assertEquals(java.time.Instant.parse("2008-03-23T00:00:00Z"), ODataDates.instant("2008-03-23"));
        assertEquals(null, ODataDates.instant("March 2008"));
        assertEquals("/Date(1206271611000)/", ODataDates.json(java.time.Instant.ofEpochMilli(1206271611000L)));
    }
}
