package org.chmexchange.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LangTextTest {

    @Test
    void lowerCasesTagsAndLooksUpInAnyCase() {
        LangText text = LangText.of("zh-Hans", "生物多样性", "EN", "Biodiversity");
        assertEquals(List.of("en", "zh-hans"), List.copyOf(text.languages()));
        assertEquals(Optional.of("生物多样性"), text.get("ZH-HANS"));
        assertEquals(Optional.of("Biodiversity"), text.get("en"));
        assertEquals(Optional.empty(), text.get("fr"));
    }

    @Test
    void bestFallsBackToEnglishThenAnyLanguage() {
        LangText six = Samples.sixLanguages("Biodiversity");
        assertEquals(Optional.of("Biodiversity"), six.best("de"));
        assertTrue(six.best("ru").orElseThrow().startsWith("Куньминско"));
        LangText noEnglish = LangText.of("fr", "Biodiversité", "es", "Biodiversidad");
        assertEquals(Optional.of("Biodiversidad"), noEnglish.best("de"), "first language in tag order");
        assertEquals(Optional.empty(), LangText.empty().best("en"));
        assertTrue(LangText.empty().isEmpty());
    }

    @Test
    void isImmutableAndDefensive() {
        Map<String, String> source = new HashMap<>(Map.of("en", "A"));
        LangText text = new LangText(source);
        source.put("fr", "B");
        assertEquals(1, text.texts().size());
        assertThrows(UnsupportedOperationException.class, () -> text.texts().put("es", "C"));
        LangText more = text.with("FR", "B");
        assertEquals(Optional.of("B"), more.get("fr"));
        assertEquals(Optional.empty(), text.get("fr"));
    }

    @Test
    void equalityIgnoresTagCaseAndOrder() {
        assertEquals(LangText.of("en", "A", "fr", "B"), LangText.of("FR", "B", "en", "A"));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> LangText.of("not a tag", "x"));
        assertThrows(IllegalArgumentException.class, () -> LangText.of("en", "x", "EN", "y"));
        assertThrows(IllegalArgumentException.class, () -> LangText.of("en", "x", "fr"));
        assertThrows(NullPointerException.class, () -> LangText.of("en", null));
        Map<String, String> clash = new HashMap<>();
        clash.put("en", "x");
        clash.put("En", "y");
        assertThrows(IllegalArgumentException.class, () -> new LangText(clash));
    }
}
