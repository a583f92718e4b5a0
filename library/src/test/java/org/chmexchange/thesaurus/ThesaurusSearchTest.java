package org.chmexchange.thesaurus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.Test;

/** Autocomplete on the real shared thesaurus. */
class ThesaurusSearchTest {

    private static final Thesaurus THESAURUS = Thesaurus.fromClasspath();

    @Test
    void prefixInFrenchFindsFranceFirstThenWordPrefixes() {
        List<ConceptMatch> hits = THESAURUS.search("fran", "fr", 10);
        ConceptMatch first = hits.get(0);
        assertEquals(ChmThesaurus.country("fr"), first.concept().iri());
        assertEquals("France", first.label());
        assertEquals("fr", first.labelLanguage());
        assertEquals(ConceptMatch.Kind.LABEL_PREFIX, first.kind());
        ConceptMatch guiana = hit(hits, ChmThesaurus.country("gf"));
        assertEquals("Guyane française", guiana.label());
        assertEquals("fr", guiana.labelLanguage());
        assertEquals(ConceptMatch.Kind.WORD_PREFIX, guiana.kind());
        assertEquals(
                List.copyOf(hits),
                hits.stream().sorted((a, b) -> a.kind().compareTo(b.kind())).toList(),
                "hits are ranked by kind first");
    }

    @Test
    void accentsCaseAndPunctuationAreIgnored() {
        ConceptMatch ivoire = THESAURUS.search("COTE D'IV", "fr", 3).get(0);
        assertEquals(ChmThesaurus.country("ci"), ivoire.concept().iri());
        assertEquals("Côte d’Ivoire", ivoire.label());
        assertEquals(
                ChmThesaurus.country("mx"),
                THESAURUS.search("mexico", "es", 1).get(0).concept().iri());
        assertEquals("México", THESAURUS.search("mexico", "es", 1).get(0).label());
    }

    @Test
    void chineseQueryWithChineseLabels() {
        ConceptMatch exact = THESAURUS.search("法国", "zh", 5).get(0);
        assertEquals(ChmThesaurus.country("fr"), exact.concept().iri());
        assertEquals(ConceptMatch.Kind.EXACT, exact.kind());
        assertEquals("法国", exact.label());
        assertEquals("zh", exact.labelLanguage());
        List<ConceptMatch> prefix = THESAURUS.search("法", "zh", 5);
        assertEquals(ChmThesaurus.country("fr"), prefix.get(0).concept().iri(), "shortest label first");
        assertTrue(prefix.stream().allMatch(h -> h.label().startsWith("法")));
    }

    @Test
    void languageWithoutLabelsFallsBackToEnglish() {
        ConceptMatch germany = THESAURUS.search("germ", "de", 5).get(0);
        assertEquals(ChmThesaurus.country("de"), germany.concept().iri());
        assertEquals("Germany", germany.label());
        assertEquals("en", germany.labelLanguage());
        ConceptMatch target3 = THESAURUS.search("conserve 30", "fr", 5).get(0);
        assertEquals(
                ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03"),
                target3.concept().iri());
        assertEquals("GBF-T03. Conserve 30% of Land, Waters and Seas", target3.label());
        assertEquals("en", target3.labelLanguage());
        assertEquals(ConceptMatch.Kind.WORD_PREFIX, target3.kind());
    }

    @Test
    void queryInAnotherLanguageShowsTheLabelInTheRequestedOne() {
        ConceptMatch hit = THESAURUS.search("Франц", "es", 1).get(0);
        assertEquals(ChmThesaurus.country("fr"), hit.concept().iri());
        assertEquals("Francia", hit.label());
        assertEquals("Франция", hit.matched());
    }

    @Test
    void notationsMatchExactlyOrByPrefixAfterLabels() {
        ConceptMatch fra = THESAURUS.search("FRA", "en", 3).get(0);
        assertEquals(ChmThesaurus.country("fr"), fra.concept().iri());
        List<ConceptMatch> targets = THESAURUS.search("GBF-TARGET-0", "en", 30);
        assertEquals(9, targets.size());
        assertTrue(targets.stream().allMatch(h -> h.kind() == ConceptMatch.Kind.NOTATION));
        assertEquals("GBF-TARGET-01", targets.get(0).matched());
        ConceptMatch target3 = THESAURUS.search("gbf-target-03", null, 3).get(0);
        assertEquals(ConceptMatch.Kind.EXACT, target3.kind());
    }

    @Test
    void searchWithinOneScheme() {
        IRI countries = ChmThesaurus.scheme(ChmThesaurus.COUNTRIES);
        List<ConceptMatch> hits = THESAURUS.search("c", "en", 500, countries);
        assertTrue(hits.size() > 10);
        assertTrue(hits.stream().allMatch(h -> h.concept().inScheme(countries)));
        assertEquals(
                ChmThesaurus.treaty("cbd"),
                THESAURUS
                        .search("cbd", "en", 1, ChmThesaurus.scheme(ChmThesaurus.TREATIES))
                        .get(0)
                        .concept()
                        .iri());
    }

    @Test
    void limitsAndBlankQueries() {
        assertEquals(5, THESAURUS.search("a", "en", 5).size());
        assertEquals(List.of(), THESAURUS.search("  ", "en", 5));
        assertEquals(List.of(), THESAURUS.search("zzzzqq", "en", 5));
        assertThrows(IllegalArgumentException.class, () -> THESAURUS.search("fr", "en", 0));
    }

    private static ConceptMatch hit(List<ConceptMatch> hits, IRI concept) {
        return hits.stream()
                .filter(h -> h.concept().iri().equals(concept))
                .findFirst()
                .orElseThrow(() -> new AssertionError(concept + " not in " + hits));
    }
}
