package org.chmexchange.node.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.RecordQuery;
import org.eclipse.rdf4j.model.IRI;

/**
 * The parameters of {@code GET /records}, parsed and checked: filters become a {@link RecordQuery};
 * anything unknown or malformed is a 400 naming the parameter. Several values of one filter (repeated
 * or comma-separated) are alternatives.
 *
 * @param query the filter
 * @param after keyset position from the cursor; null for the first page
 * @param limit page size
 * @param fingerprint fingerprint of the filters, binding cursors to them
 */
record RecordListRequest(RecordQuery query, IRI after, int limit, String fingerprint) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** The parameters of {@code GET /records}: filters, then paging. */
    static final List<String> PARAMETERS = List.of(
            "type",
            "treaty",
            "country",
            "meeting",
            "concept",
            "identifier",
            "year",
            "modifiedSince",
            "q",
            "lang",
            "format",
            "cursor",
            "limit");

    /** Resolves filter values to IRIs; each throws {@link ApiException} (400) for an unknown value. */
    interface Resolver {
        IRI treaty(String value);

        IRI country(String value);

        IRI meeting(String value);

        /** The concept and all its narrower concepts. */
        Set<IRI> conceptWithNarrower(String value);
    }

    static RecordListRequest parse(Map<String, List<String>> params, Resolver resolver) {
        Params.only(params, PARAMETERS);
        Set<RecordType> types = new LinkedHashSet<>();
        for (String t : values(params, "type")) {
            types.add(recordType(t));
        }
        Set<IRI> treaties = resolveAll(params, "treaty", resolver::treaty);
        Set<IRI> countries = resolveAll(params, "country", resolver::country);
        Set<IRI> meetings = resolveAll(params, "meeting", resolver::meeting);
        Set<IRI> concepts = new LinkedHashSet<>();
        for (String c : values(params, "concept")) {
            concepts.addAll(resolver.conceptWithNarrower(c));
        }
        Instant since = single(params, "modifiedSince") == null ? null : instant(single(params, "modifiedSince"));
        String q = single(params, "q");
        if (q != null && q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ApiException.badParameter("q", "The text query needs at least one letter or digit.");
        }
        RecordQuery query;
        try {
            query = new RecordQuery(
                            types,
                            treaties,
                            countries,
                            meetings,
                            concepts,
                            since,
                            q,
                            Set.copyOf(values(params, "identifier")))
                    .withYears(years(params));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "Query too large",
                    e.getMessage() + ".",
                    Map.of("maxTextWords", RecordQuery.MAX_TEXT_WORDS, "maxTerms", RecordQuery.MAX_TERMS));
        }
        String fingerprint = fingerprint(params);
        String cursor = single(params, "cursor");
        IRI after = cursor == null ? null : Cursor.decodeIri(cursor, fingerprint);
        return new RecordListRequest(
                query, after, Params.limit(single(params, "limit"), DEFAULT_LIMIT, MAX_LIMIT), fingerprint);
    }

    /** The {@code year} filter: years of four digits. */
    private static Set<Integer> years(Map<String, List<String>> params) {
        Set<Integer> years = new LinkedHashSet<>();
        for (String y : values(params, "year")) {
            if (!y.matches("[0-9]{4}")) {
                throw ApiException.badParameter("year", "A year has four digits, such as 2022: " + y);
            }
            years.add(Integer.parseInt(y));
        }
        return years;
    }

    static RecordType recordType(String value) {
        String normalised = value.toLowerCase(Locale.ROOT);
        for (RecordType t : RecordType.values()) {
            if (t.slug().equals(normalised) || t.rdfClass().getLocalName().equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw ApiException.badParameter(
                "type",
                "Unknown record type '" + value + "'. Known: "
                        + String.join(
                                ", ",
                                Arrays.stream(RecordType.values())
                                        .map(RecordType::slug)
                                        .toList()));
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw ApiException.badParameter(
                        "modifiedSince",
                        "modifiedSince must be an ISO 8601 date"
                                + " (2024-01-31, read as midnight UTC) or date-time with offset (2024-01-31T12:00:00Z): "
                                + value);
            }
        }
    }

    static Set<IRI> resolveAll(Map<String, List<String>> params, String name, Function<String, IRI> resolve) {
        Set<IRI> iris = new LinkedHashSet<>();
        for (String v : values(params, name)) {
            iris.add(resolve.apply(v));
        }
        return iris;
    }

    /** Values of a repeatable parameter, split on commas, blanks dropped. */
    static List<String> values(Map<String, List<String>> params, String name) {
        List<String> out = new ArrayList<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    static String single(Map<String, List<String>> params, String name) {
        List<String> v = params.getOrDefault(name, List.of());
        if (v.size() > 1) {
            throw ApiException.badParameter(name, "Give '" + name + "' once.");
        }
        return v.isEmpty() || v.get(0).isBlank() ? null : v.get(0);
    }

    static String fingerprint(Map<String, List<String>> params) {
        TreeMap<String, List<String>> filters = new TreeMap<>(params);
        filters.remove("cursor");
        filters.remove("limit");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(filters.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
