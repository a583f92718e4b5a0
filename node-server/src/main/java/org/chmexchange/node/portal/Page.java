package org.chmexchange.node.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every portal page shows around its content: the reader's language and words, the page
 * title, the node's name, the language switcher (the same address with another {@code lang}), and
 * links to the other representations of the page (RDF formats, JSON).
 *
 * <p>Thread-safety: immutable once built; one per request.
 *
 * @param m the reader's words; not null
 * @param title the page title (already in the reader's language); not null
 * @param nodeName the node's name, from its configuration; not null
 * @param path the page's path, from {@code /}; not null
 * @param query the request's query parameters; not null
 * @param alternates other representations of this page, in order; not null
 * @param section the navigation entry the page belongs to ({@code home}, {@code records}, {@code
 *     thesaurus}, {@code countries}, {@code network}); not null
 */
public record Page(
        Messages m,
        String title,
        String nodeName,
        String path,
        Map<String, List<String>> query,
        List<Link> alternates,
        String section) {

    /**
     * A link.
     *
     * @param href the target, already a URL; not null
     * @param label the text shown; not null
     * @param type the media type of the target, or null
     */
    public record Link(String href, String label, String type) {}

    /** The page's language tag ({@code lang}). */
    public String lang() {
        return m.language().code();
    }

    /** {@code rtl} or {@code ltr} ({@code dir}). */
    public String dir() {
        return m.language().dir();
    }

    /** The same page in {@code code}: the path and query with {@code lang} set to it. */
    public String inLanguage(String code) {
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        q.put("lang", List.of(code));
        q.remove("cursor"); // a cursor is bound to its filters; starting over is fine
        return path + Urls.query(q);
    }

    /** The name of language {@code code} in that language, as the switcher shows it. */
    public static String languageName(String code) {
        return switch (code) {
            case "ar" -> "العربية";
            case "en" -> "English";
            case "es" -> "Español";
            case "fr" -> "Français";
            case "ru" -> "Русский";
            case "zh" -> "中文";
            default -> code;
        };
    }

    /** Helpers to build the portal's own links. */
    public static final class Urls {
        private Urls() {}

        /** {@code ?a=1&b=2} of {@code params}, percent-encoded, in order; {@code ""} when empty. */
        public static String query(Map<String, List<String>> params) {
            StringBuilder qs = new StringBuilder();
            params.forEach((name, values) -> {
                for (String v : values) {
                    qs.append(qs.length() == 0 ? '?' : '&')
                            .append(encode(name))
                            .append('=')
                            .append(encode(v));
                }
            });
            return qs.toString();
        }

        /** {@code path} (which may have a query already) with {@code name=value} added, the value encoded. */
        public static String with(String path, String name, String value) {
            return path + (path.contains("?") ? "&" : "?") + name + "=" + encode(value);
        }

        /** Percent-encodes a query component (UTF-8). */
        public static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
