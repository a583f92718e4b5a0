package org.chmexchange.node.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.chmexchange.model.RecordType;

/**
 * What a token may write (docs/EXCHANGE.md, "Publishing API"): countries (ISO 3166-1 alpha-2),
 * treaties (InforMEA ids) and record types; an empty set means any.
 *
 * <p>A record is in scope when its type is allowed, each of its treaties is allowed, and (when
 * countries are restricted) it has a country and each of its countries is allowed. A record
 * without a type is in scope only when types are not restricted.
 *
 * <pre>{@code
 * TokenScope colombia = TokenScope.of(Set.of("co"), Set.of(), Set.of());
 * Optional<String> why = colombia.refusal(RecordFacts.of(model, iri)); // empty: in scope
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param countries lower-case ISO 3166-1 alpha-2 codes ({@code co}, also {@code eu}); empty = any
 * @param treaties InforMEA treaty ids in lower case ({@code cbd}, {@code nagoya}); empty = any
 * @param types record types; empty = any
 */
public record TokenScope(Set<String> countries, Set<String> treaties, Set<RecordType> types) {

    /** The scope that allows every record. */
    public static final TokenScope ANY = new TokenScope(Set.of(), Set.of(), Set.of());

    private static final Pattern COUNTRY = Pattern.compile("[a-z]{2}");
    private static final Pattern TREATY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /**
     * Normalises the codes to lower case and checks them.
     *
     * @throws IllegalArgumentException if a country is not two letters or a treaty id has characters
     *     other than letters, digits, {@code . _ -}
     */
    public TokenScope {
        countries = normalise(countries, COUNTRY, "country", "an ISO 3166-1 alpha-2 code such as co");
        treaties = normalise(treaties, TREATY, "treaty", "an InforMEA treaty id such as cbd");
        types = Set.copyOf(types);
    }

    /** Same as the canonical constructor; reads better at call sites. */
    public static TokenScope of(
            Collection<String> countries, Collection<String> treaties, Collection<RecordType> types) {
        return new TokenScope(Set.copyOf(countries), Set.copyOf(treaties), Set.copyOf(types));
    }

    /** Whether the record is in this scope. */
    public boolean allows(RecordFacts record) {
        return refusal(record).isEmpty();
    }

    /**
     * Why the record is outside this scope.
     *
     * @param record the record's facts; not null
     * @return empty when the record is in scope, else a sentence naming what is not allowed (for
     *     example {@code its country ke is not one of the token's countries [co]})
     */
    public Optional<String> refusal(RecordFacts record) {
        Objects.requireNonNull(record, "record");
        if (!types.isEmpty()) {
            if (record.type().isEmpty()) {
                return Optional.of("it has no record type, and the token may only write " + slugs(types));
            }
            if (!types.contains(record.type().get())) {
                return Optional.of(
                        "its type " + record.type().get().slug() + " is not one of the token's types " + slugs(types));
            }
        }
        if (!treaties.isEmpty()) {
            List<String> refused = notIn(record.treaties(), treaties);
            if (!refused.isEmpty()) {
                return Optional.of("its " + (refused.size() == 1 ? "treaty " : "treaties ") + String.join(", ", refused)
                        + (refused.size() == 1 ? " is" : " are") + " not among the token's treaties "
                        + new TreeSet<>(treaties));
            }
        }
        if (!countries.isEmpty()) {
            if (record.countries().isEmpty()) {
                return Optional.of("it has no country, and the token may only write records of the countries "
                        + new TreeSet<>(countries));
            }
            List<String> refused = notIn(record.countries(), countries);
            if (!refused.isEmpty()) {
                return Optional.of("its " + (refused.size() == 1 ? "country " : "countries ")
                        + String.join(", ", refused) + (refused.size() == 1 ? " is" : " are")
                        + " not among the token's countries " + new TreeSet<>(countries));
            }
        }
        return Optional.empty();
    }

    /** For messages and logs: {@code countries [co], treaties any, types [focal-point]}. */
    @Override
    public String toString() {
        return "countries " + (countries.isEmpty() ? "any" : new TreeSet<>(countries)) + ", treaties "
                + (treaties.isEmpty() ? "any" : new TreeSet<>(treaties)) + ", types "
                + (types.isEmpty() ? "any" : slugs(types));
    }

    private static List<String> notIn(Set<String> values, Set<String> allowed) {
        List<String> refused = new ArrayList<>();
        for (String value : new TreeSet<>(values)) {
            if (!allowed.contains(value)) {
                refused.add(value);
            }
        }
        return refused;
    }

    private static String slugs(Set<RecordType> types) {
        return types.stream().map(RecordType::slug).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private static Set<String> normalise(Set<String> values, Pattern pattern, String what, String expected) {
        Set<String> out = new TreeSet<>();
        for (String value : values) {
            String v = Objects.requireNonNull(value, what).toLowerCase(Locale.ROOT);
            if (!pattern.matcher(v).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a " + what + ": give " + expected);
            }
            out.add(v);
        }
        return Set.copyOf(out);
    }
}
