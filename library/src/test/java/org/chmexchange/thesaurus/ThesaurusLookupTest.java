package org.chmexchange.thesaurus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;

/** Look-ups on the real shared thesaurus of the vocabularies module. */
class ThesaurusLookupTest {

    private static final Thesaurus THESAURUS = Thesaurus.fromClasspath();

    private static final IRI FRANCE = ChmThesaurus.country("fr");

    @Test
    void theClasspathThesaurusIsLoadedOnceWithEveryScheme() {
        assertSame(THESAURUS, Thesaurus.fromClasspath());
        assertEquals(11, THESAURUS.schemes().size());
        assertEquals(
                "Aichi Biodiversity Targets",
                THESAURUS
                        .scheme(ChmThesaurus.scheme(ChmThesaurus.AICHI_TARGETS))
                        .orElseThrow()
                        .title("fr"));
        Map<String, Integer> counts = THESAURUS.schemes().stream()
                .collect(Collectors.toMap(
                        s -> s.iri().stringValue().substring(ChmThesaurus.BASE.length()),
                        s -> THESAURUS.concepts(s.iri()).size()));
        assertEquals(
                Map.ofEntries(
                        Map.entry(ChmThesaurus.GBF_GOALS, 4),
                        Map.entry(ChmThesaurus.GBF_TARGETS, 23),
                        Map.entry(ChmThesaurus.AICHI_GOALS, 5),
                        Map.entry(ChmThesaurus.AICHI_TARGETS, 20),
                        Map.entry(ChmThesaurus.COUNTRIES, Locale.getISOCountries().length + 1),
                        Map.entry(ChmThesaurus.TREATIES, 24),
                        Map.entry(ChmThesaurus.FOCAL_POINT_CATEGORIES, 18),
                        Map.entry(ChmThesaurus.REPORT_TYPES, 9),
                        Map.entry(ChmThesaurus.DECISION_TYPES, 3),
                        Map.entry(ChmThesaurus.DOCUMENT_TYPES, 3),
                        Map.entry(ChmThesaurus.STATUSES, 6)),
                counts);
    }

    @Test
    void countryNamesInTheSixUnLanguages() {
        // Values of the CLDR data in JDK 17 (java.util.Locale#getDisplayCountry), as generated.
        Concept france = THESAURUS.concept(FRANCE).orElseThrow();
        assertEquals("فرنسا", france.label("ar"));
        assertEquals("France", france.label("en"));
        assertEquals("Francia", france.label("es"));
        assertEquals("France", france.label("fr"));
        assertEquals("Франция", france.label("ru"));
        assertEquals("法国", france.label("zh"));
        assertEquals("zh", france.labelLanguage("zh"));
        assertEquals("Francia", france.label("es-MX"), "regional tag falls back to its primary language");
        assertEquals("France", france.label("de"), "no German label: English");
        assertEquals("en", france.labelLanguage("de"));
        assertTrue(france.inScheme(ChmThesaurus.scheme(ChmThesaurus.COUNTRIES)));
        assertEquals(List.of("FR", "FRA"), france.notations());
        assertTrue(france.exactMatch().contains(Values.iri(ChmThesaurus.CBD_TERM_BASE + "fr")));
    }

    @Test
    void countriesByAlpha2AndAlpha3NotationInAnyCase() {
        assertEquals(FRANCE, THESAURUS.byNotation("FR").orElseThrow().iri());
        assertEquals(FRANCE, THESAURUS.byNotation("FRA").orElseThrow().iri());
        assertEquals(FRANCE, THESAURUS.byNotation("fra").orElseThrow().iri());
        assertEquals(
                ChmThesaurus.country("cn"),
                THESAURUS.byNotation("CHN").orElseThrow().iri());
        Concept eu = THESAURUS.byNotation("EU").orElseThrow();
        assertEquals("European Union", eu.label("en"));
        assertEquals("Union européenne", eu.label("fr"));
        assertTrue(THESAURUS.byNotation("XXX").isEmpty());
    }

    @Test
    void countriesByLabel() {
        assertEquals(List.of(THESAURUS.concept(FRANCE).orElseThrow()), THESAURUS.byLabel("Francia", "es"));
        assertEquals(List.of(THESAURUS.concept(FRANCE).orElseThrow()), THESAURUS.byLabel("франция", null));
        assertEquals(List.of(), THESAURUS.byLabel("Francia", "fr"));
    }

    @Test
    void gbfTargetsByNotationAndByLabel() {
        IRI target3 = ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03");
        Concept concept = THESAURUS.byNotation("GBF-TARGET-03").orElseThrow();
        assertEquals(target3, concept.iri());
        assertEquals("GBF-T03. Conserve 30% of Land, Waters and Seas", concept.label("en"));
        assertTrue(concept.definitions().get("en").startsWith("Ensure and enable that by 2030 at least 30 per cent"));
        assertEquals(List.of(concept), THESAURUS.byLabel("gbf-t03. conserve 30% of land, waters and seas", "en"));
        assertEquals(List.of(concept), THESAURUS.byLabel("GBF-T03. 30% of areas are effectively conserved", null));
        assertEquals(
                23,
                THESAURUS
                        .topConcepts(ChmThesaurus.scheme(ChmThesaurus.GBF_TARGETS))
                        .size());
        assertEquals(List.of(), THESAURUS.broader(target3, true), "no invented GBF hierarchy");
    }

    @Test
    void aichiTargetsHangUnderTheirStrategicGoals() {
        IRI goalA = ChmThesaurus.concept(ChmThesaurus.AICHI_GOALS, "AICHI-GOAL-A");
        IRI target1 = ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-01");
        assertEquals(List.of(goalA), iris(THESAURUS.broader(target1, false)));
        assertEquals(List.of(goalA), iris(THESAURUS.broader(target1, true)));
        List<IRI> targets1To4 = List.of(
                target1,
                ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-02"),
                ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-03"),
                ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-04"));
        assertEquals(targets1To4, iris(THESAURUS.narrower(goalA, false)));
        assertEquals(targets1To4, iris(THESAURUS.narrower(goalA, true)));
        assertEquals(
                List.of(goalA, targets1To4.get(0), targets1To4.get(1), targets1To4.get(2), targets1To4.get(3)),
                List.copyOf(THESAURUS.withNarrowerTransitive(goalA)));
        assertEquals("Strategic Goal A", THESAURUS.byNotation("A").orElseThrow().label("en"));
        assertEquals(
                "Aichi Biodiversity Target 1",
                THESAURUS.byNotation("AICHI-TARGET-01").orElseThrow().label(null));
    }

    @Test
    void treatiesHierarchy() {
        IRI nkl = ChmThesaurus.treaty("nkl");
        assertEquals(
                List.of(ChmThesaurus.treaty("cartagena"), ChmThesaurus.treaty("cbd")),
                iris(THESAURUS.broader(nkl, true)));
        assertEquals(List.of(ChmThesaurus.treaty("cartagena")), iris(THESAURUS.broader(nkl, false)));
        assertTrue(THESAURUS
                .withNarrowerTransitive(ChmThesaurus.treaty("cbd"))
                .containsAll(List.of(ChmThesaurus.treaty("cartagena"), ChmThesaurus.treaty("nagoya"), nkl)));
        assertEquals(
                List.of("CPB"),
                THESAURUS
                        .concept(ChmThesaurus.treaty("cartagena"))
                        .orElseThrow()
                        .altLabels()
                        .get("en"));
    }

    @Test
    void codeListsByNotation() {
        assertEquals(
                ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "nbsap"),
                THESAURUS
                        .byNotation("B0EBAE91-9581-4BB2-9C02-52FCF9D82721")
                        .orElseThrow()
                        .iri());
        assertEquals(
                ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "national-report-6"),
                THESAURUS.byNotation("nationalReport6").orElseThrow().iri());
        assertEquals(
                "Cartagena Protocol Article 17 emergency contact point",
                THESAURUS.byNotation("CPB-A17-FP").orElseThrow().label("en"));
        assertTrue(THESAURUS
                .concept(ChmThesaurus.country("de"))
                .orElseThrow()
                .inScheme(ChmThesaurus.scheme(ChmThesaurus.COUNTRIES)));
        assertTrue(THESAURUS.concept(Values.iri(CHM.NAMESPACE + "nothing")).isEmpty());
    }

    @Test
    void unknownIrisGiveEmptyResults() {
        IRI unknown = Values.iri("https://example.org/unknown");
        assertEquals(List.of(), THESAURUS.broader(unknown, true));
        assertEquals(List.of(), THESAURUS.narrower(unknown, false));
        assertEquals(List.of(), THESAURUS.topConcepts(unknown));
        assertEquals(List.of(unknown), List.copyOf(THESAURUS.withNarrowerTransitive(unknown)));
    }

    private static List<IRI> iris(List<Concept> concepts) {
        return concepts.stream().map(Concept::iri).toList();
    }
}
