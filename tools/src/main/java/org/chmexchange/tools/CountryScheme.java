package org.chmexchange.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;

/**
 * Builds the {@code countries} scheme from the JDK: every ISO 3166-1 alpha-2 code of
 * {@link Locale#getISOCountries()} plus {@code eu} (the European Union, a Party to the CBD).
 *
 * <p>Concept id is the lower-case alpha-2 code; concepts are {@code skos:Concept} and
 * {@code chm:Country}, with notations {@code "FR"^^chm:iso3166Alpha2} and
 * {@code "FRA"^^chm:iso3166Alpha3} ({@link Locale#getISO3Country()}; none for {@code EU}),
 * {@code skos:prefLabel} in the six UN languages from {@link Locale#getDisplayCountry(Locale)} (the
 * Unicode CLDR locale data bundled with the JDK, under the Unicode licence) and
 * {@code skos:exactMatch} the CBD country term (lower-case alpha-2, INCUMBENTS.md 2.2). A language
 * for which the JDK has no name (it returns the code) gets no label; English is required.
 *
 * <p>CLDR names change between JDK releases, so the scheme records the JDK version in a
 * {@code dcterms:source} literal "{@value #JDK_SOURCE_PREFIX}{version} …", read back by
 * {@link #jdkVersionOf(Model)}.
 *
 * <p>Thread-safety: stateless.
 */
final class CountryScheme {

    /** The six official languages of the United Nations. */
    static final List<String> UN_LANGUAGES = List.of("ar", "en", "es", "fr", "ru", "zh");

    /** Start of the {@code dcterms:source} literal that names the JDK. */
    static final String JDK_SOURCE_PREFIX = "JDK ";

    private static final Pattern JDK_SOURCE = Pattern.compile("^" + JDK_SOURCE_PREFIX + "(\\S+) ");

    private static final String EUROPEAN_UNION = "EU";

    private CountryScheme() {}

    /** The running JDK's version without build information, for example {@code 17.0.15}. */
    static String runningJdkVersion() {
        return Runtime.version().version().stream().map(String::valueOf).collect(Collectors.joining("."));
    }

    /**
     * The JDK version recorded in a generated countries scheme.
     *
     * @param countries the parsed {@code countries.ttl}
     * @return the version, or empty if the scheme does not record one
     */
    static Optional<String> jdkVersionOf(Model countries) {
        for (Value source : countries
                .filter(ChmThesaurus.scheme(ChmThesaurus.COUNTRIES), DCTERMS.SOURCE, null)
                .objects()) {
            if (source instanceof Literal literal) {
                Matcher matcher = JDK_SOURCE.matcher(literal.getLabel());
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code countries} scheme. */
    static SkosScheme build() {
        String jdk = runningJdkVersion();
        SkosScheme out = new SkosScheme(
                        ChmThesaurus.COUNTRIES, "Countries and areas (ISO 3166-1 alpha-2) and the European Union")
                .describe(
                        DCTERMS.SOURCE,
                        Values.literal(
                                JDK_SOURCE_PREFIX + jdk
                                        + " java.util.Locale (ISO 3166-1 codes; country names from the Unicode CLDR locale data)"))
                .describe(DCTERMS.SOURCE, Values.iri("https://cldr.unicode.org/"))
                .describe(DCTERMS.LICENSE, Values.iri("https://www.unicode.org/license.txt"))
                .comment("Country names in the six UN languages come from the Unicode CLDR locale data of JDK "
                        + jdk + " (java.util.Locale#getDisplayCountry), used under the Unicode License. "
                        + "Names may differ in other JDK releases.");
        List<String> codes = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
        codes.add(EUROPEAN_UNION);
        codes.sort(null);
        for (String code : codes) {
            addCountry(out, code);
        }
        return out;
    }

    private static void addCountry(SkosScheme scheme, String code) {
        Locale region = new Locale.Builder().setRegion(code).build();
        SkosScheme.Concept concept = scheme.topConcept(code.toLowerCase(Locale.ROOT))
                .type(CHM.Country)
                .notation(code, CHM.iso3166Alpha2)
                .exactMatchCbd(code.toLowerCase(Locale.ROOT));
        if (EUROPEAN_UNION.equals(code)) {
            concept.scopeNote(
                    "The European Union, a regional economic integration organization that is a Party "
                            + "to the Convention on Biological Diversity; EU is an exceptionally reserved ISO 3166-1 code "
                            + "and has no alpha-3 code.",
                    "en");
        } else {
            concept.notation(region.getISO3Country(), CHM.iso3166Alpha3);
        }
        for (String lang : UN_LANGUAGES) {
            String name = region.getDisplayCountry(Locale.forLanguageTag(lang));
            if (name.isBlank() || name.equals(code)) {
                if ("en".equals(lang)) {
                    throw new IllegalStateException("The JDK has no English name for region " + code);
                }
                continue;
            }
            concept.prefLabel(name, lang);
        }
    }
}
