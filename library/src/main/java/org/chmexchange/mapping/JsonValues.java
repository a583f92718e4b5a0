package org.chmexchange.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient reading of JSON fields, as foreign feeds need it: a value absent, JSON {@code null} or blank
 * is "no value"; a one-element array stands for its element; a number sent as a string is a number.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonValues {

    private JsonValues() {}

    /**
     * A text field, stripped; the first value of an array.
     *
     * @param node the object; null gives null
     * @return the text; null when absent, JSON null, blank or an object
     */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v != null && v.isArray()) {
            v = v.isEmpty() ? null : v.get(0);
        }
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The values of a field: the elements of an array, a single value as a list of one.
     *
     * @return the values; empty when absent or JSON null; never null
     */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            return List.of(v);
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** A whole number, given as a JSON number or a string of digits; null when absent or not one. */
    public static Long longValue(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.canConvertToLong() && v.isIntegralNumber()) {
            return v.asLong();
        }
        try {
            return Long.parseLong(v.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@link #longValue} when it fits an {@code int}; null otherwise. */
    public static Integer integer(JsonNode node, String field) {
        Long v = longValue(node, field);
        return v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : v.intValue();
    }

    /**
     * An ISO 8601 date-time with an offset ({@code 2024-05-01T10:00:00Z}), or an ISO date read as its
     * start in UTC.
     *
     * @return the instant; null when absent or malformed
     */
    public static Instant instant(JsonNode node, String field) {
        return instant(text(node, field));
    }

    /** {@link #instant(JsonNode, String)} of a text; null for null or a malformed text. */
    public static Instant instant(String v) {
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** The date of an ISO date, or the UTC date of an ISO date-time; null when absent or malformed. */
    public static LocalDate date(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            Instant t = instant(v);
            return t == null ? null : t.atOffset(ZoneOffset.UTC).toLocalDate();
        }
    }

    /** The first argument that is not null; null when all are. */
    public static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
