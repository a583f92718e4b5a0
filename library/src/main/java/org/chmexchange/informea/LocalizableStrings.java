package org.chmexchange.informea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.chmexchange.model.LangText;

/**
 * InforMEA's multilingual text, a list of {@code LocalizableString {language, value}} (INCUMBENTS.md
 * part B 1.2: a 1:n navigation property, {@code {"results": [...]}} in JSON verbose, a plain array in
 * v3 feeds), to and from {@link LangText} (language-tagged literals, {@code rdf:langString}). For text
 * without oddities the conversion is lossless both ways; {@link org.chmexchange.cbd.LString} converts
 * the same {@link LangText} to and from the {@code {lang: value}} maps of the CBD and the Drupal API.
 *
 * <p>What real feeds send, and what is done with it (each reported to {@code notice}):
 * <ul>
 *   <li>{@code zh-cn}, {@code zh-Hans}, {@code zho}, {@code chi}: {@code zh}, the UN's Chinese (the
 *       InforMEA harvester's own rule, part B 1.6); the ISO 639-2 codes of the other UN languages
 *       ({@code eng}, {@code fra}/{@code fre}, {@code spa}, {@code rus}, {@code ara}): their ISO 639-1
 *       code;
 *   <li>{@code und} is kept as {@code und} (a valid BCP 47 tag; a lookup of English falls back to
 *       it like to any language); a row without a language becomes {@code und};
 *   <li>control characters (below U+0020 other than tab, line feed and carriage return, which make
 *       Olingo fail: part B 3.2) are removed;
 *   <li>a second text in one language: the first is kept; a blank text or a language that is not a
 *       BCP 47 tag: left out.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class LocalizableStrings {

    private static final Map<String, String> ISO_639_2 = Map.of(
            "eng", "en", "fra", "fr", "fre", "fr", "spa", "es", "rus", "ru", "ara", "ar", "zho", "zh", "chi", "zh");

    private LocalizableStrings() {}

    /**
     * The texts of a multilingual property.
     *
     * @param node {@code {"results": [...]}}, an array of {@code {language, value}} rows (also
     *     {@code Language}/{@code Value}), one such row, or a plain string (read as English); null,
     *     JSON null or an empty list give the empty text
     * @param field the property's name, for notices
     * @param notice receives one sentence per value changed or left out; not null
     */
    public static LangText read(JsonNode node, String field, Consumer<String> notice) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return LangText.empty();
        }
        if (node.isTextual()) {
            String text = clean(node.asText(), field, notice);
            return text.isBlank() ? LangText.empty() : LangText.of(LangText.FALLBACK_LANGUAGE, text);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (JsonNode row : InformeaMapper.rows(node)) {
            if (!row.isObject()) {
                notice.accept(field + " has a row that is not a {language, value} object: " + row.getNodeType());
                continue;
            }
            JsonNode value = row.has("value") ? row.get("value") : row.get("Value");
            if (value == null
                    || value.isNull()
                    || (value.isTextual() && value.asText().isBlank())) {
                continue;
            }
            if (!value.isValueNode()) {
                notice.accept(field + " has a value that is not a text: " + value.getNodeType());
                continue;
            }
            JsonNode lang = row.has("language") ? row.get("language") : row.get("Language");
            String tag = language(lang == null || lang.isNull() ? null : lang.asText(), field, notice);
            if (tag == null) {
                continue;
            }
            String text = clean(value.asText(), field, notice);
            if (texts.putIfAbsent(tag, text) != null) {
                notice.accept(field + " has two texts in language " + tag + "; the first is kept");
            }
        }
        return new LangText(texts);
    }

    /**
     * The {@code [{language, value}]} rows of a text, in language order; the empty text gives {@code
     * []}.
     */
    public static ArrayNode write(LangText text) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        text.texts().forEach((lang, value) -> {
            ObjectNode row = out.addObject();
            row.put("language", lang);
            row.put("value", value);
        });
        return out;
    }

    /**
     * A feed's language code as a language tag, by the rules above.
     *
     * @param code the code; null or blank gives {@code und}
     * @return the tag; null when the code is not a language tag (reported)
     */
    public static String language(String code, String field, Consumer<String> notice) {
        if (code == null || code.isBlank()) {
            notice.accept(field + " has a text without a language; tagged und");
            return "und";
        }
        String c = code.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        String mapped = ISO_639_2.get(c);
        if (mapped == null && c.startsWith("zh-")) {
            mapped = "zh";
        }
        if (mapped != null) {
            notice.accept(field + " language '" + code.strip() + "' read as " + mapped);
            return mapped;
        }
        try {
            return LangText.normalizeTag(c);
        } catch (IllegalArgumentException e) {
            notice.accept(field + " has a language that is not a language tag: '" + code.strip() + "'; left out");
            return null;
        }
    }

    /**
     * A text without the control characters Olingo and XML 1.0 reject (below U+0020 other than tab,
     * line feed and carriage return); their removal is reported.
     */
    public static String clean(String text, String field, Consumer<String> notice) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            if (control && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        if (out == null) {
            return text;
        }
        notice.accept(field + " had control characters; removed");
        return out.toString();
    }
}
