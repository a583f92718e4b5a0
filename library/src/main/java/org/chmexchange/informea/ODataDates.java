package org.chmexchange.informea;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OData's date-times in the forms feeds send: JSON verbose {@code "/Date(1206271611000)/"} (epoch
 * milliseconds, UTC; with an offset {@code /Date(1206271611000+0100)/}, whose instant is the same),
 * Atom and v4 ISO 8601 with or without an offset (an {@code Edm.DateTime} has none: UTC, the
 * toolkit's time zone, INCUMBENTS.md part B 1.1), and a bare ISO date (its start, UTC).
 *
 * <p>Stateless and thread-safe.
 */
public final class ODataDates {

    private static final Pattern JSON_DATE = Pattern.compile("/?Date\\((-?\\d+)([+-]\\d{4})?\\)/?");

    private ODataDates() {}

    /**
     * The instant of a date-time value.
     *
     * @param value the text; null gives null
     * @return the instant; null when the text is none of the forms above
     */
    public static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Matcher m = JSON_DATE.matcher(v);
        if (m.matches()) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // no offset: UTC
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // a date only
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The UTC date of a date-time value; null when it is none of the forms above. */
    public static LocalDate date(String value) {
        Instant t = instant(value);
        return t == null ? null : t.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The JSON verbose form of an instant, {@code /Date(ms)/}. */
    public static String json(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + ")/";
    }
}
