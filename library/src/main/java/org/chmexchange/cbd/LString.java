package org.chmexchange.cbd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.chmexchange.model.LangText;

/**
 * The CBD's {@code lstring}, a map from locale to text ({@code {"en": "...", "fr": "..."}}: INCUMBENTS.md
 * part A 1.2), to and from {@link LangText} (language-tagged literals), every language kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class LString {

    private LString() {}

    /**
     * The texts of an {@code lstring}. Blank texts are left out (the CBD's forms send {@code ""} for
     * a language not filled in); a key that is not a language tag, or a value that is not a string,
     * is left out and described to {@code notice}.
     *
     * @param node the {@code lstring}; null, JSON null or missing give the empty text; a plain string
     *     (older records) is read as English, the CBD's default locale
     * @param field the field's name, for notices
     * @param notice receives one sentence per value left out; not null
     */
    public static LangText read(JsonNode node, String field, Consumer<String> notice) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return LangText.empty();
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? LangText.empty() : LangText.of(LangText.FALLBACK_LANGUAGE, node.asText());
        }
        if (!node.isObject()) {
            notice.accept(field + " is not an lstring (a map from locale to text): " + node.getNodeType());
            return LangText.empty();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            JsonNode value = e.getValue();
            if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                continue;
            }
            if (!value.isTextual()) {
                notice.accept(field + "." + e.getKey() + " is not a text: " + value.getNodeType());
                continue;
            }
            String tag;
            try {
                tag = LangText.normalizeTag(e.getKey());
            } catch (IllegalArgumentException bad) {
                notice.accept(field + " has a key that is not a language tag: '" + e.getKey() + "'");
                continue;
            }
            if (texts.putIfAbsent(tag, value.asText()) != null) {
                notice.accept(field + " has two texts for language " + tag + "; the first is kept");
            }
        }
        return new LangText(texts);
    }

    /** The {@code lstring} of a text: one key per language tag; an empty text gives {@code {}}. */
    public static ObjectNode write(LangText text) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        text.texts().forEach(out::put);
        return out;
    }

    /** The texts of several lstrings merged, the first text of a language winning. */
    static LangText merge(List<LangText> texts) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (LangText t : texts) {
            t.texts().forEach(merged::putIfAbsent);
        }
        return new LangText(merged);
    }
}
