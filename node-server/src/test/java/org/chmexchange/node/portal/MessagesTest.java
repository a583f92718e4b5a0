package org.chmexchange.node.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.chmexchange.model.RecordType;
import org.junit.jupiter.api.Test;

/** Every portal language has every word, and the reader's language is chosen as documented. */
class MessagesTest {

    static Properties load(String suffix) throws IOException {
        String name = "/" + Messages.BUNDLE.replace('.', '/') + suffix + ".properties";
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyLanguageHasEveryKeyAndEveryRecordTypeHasAName() throws IOException {
        Properties english = load("");
        for (RecordType t : RecordType.values()) {
            assertTrue(english.containsKey("type." + t.slug()), t.slug());
        }
        for (String code : ReaderLanguage.CODES) {
            if (code.equals("en")) {
                continue;
            }
            Properties other = load("_" + code);
            Set<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(other.stringPropertyNames());
            assertEquals(Set.of(), missing, code + " lacks these keys");
            Set<String> extra = new TreeSet<>(other.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            assertEquals(Set.of(), extra, code + " has keys English lacks");
            assertNotEquals(english.getProperty("nav.records"), other.getProperty("nav.records"), code);
        }
    }

    @Test
    void patternsFormatInEveryLanguage() {
        for (String code : ReaderLanguage.CODES) {
            Messages m = Messages.of(new ReaderLanguage(code));
            assertTrue(m.t("search.total", 1234).contains("1"), code);
            assertTrue(m.t("search.remove", "X").contains("X"), code);
        }
        assertEquals("1,234 records", Messages.of(ReaderLanguage.ENGLISH).t("search.total", 1234));
    }

    @Test
    void theReadersLanguage() {
        assertEquals("fr", ReaderLanguage.choose(null, "fr-CA,fr;q=0.9").code());
        assertEquals("es", ReaderLanguage.choose("es-MX", "fr").code(), "the parameter first");
        assertEquals("ru", ReaderLanguage.choose("xx", "de, ru;q=0.3, fr;q=0").code(), "q=0 is refused");
        assertEquals("en", ReaderLanguage.choose(null, "de").code());
        assertEquals("en", ReaderLanguage.choose(null, ";;;q=x").code(), "a malformed header is ignored");
        assertEquals("rtl", new ReaderLanguage("ar").dir());
        assertEquals("ltr", new ReaderLanguage("zh").dir());
    }
}
