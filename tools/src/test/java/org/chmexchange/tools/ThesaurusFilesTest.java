package org.chmexchange.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ThesaurusFilesTest {

    private static Map<String, Model> files;

    @BeforeAll
    static void build() throws IOException {
        files = GenerateVocabularies.thesaurusFiles(ToolPaths.sources(), MeaFacts.read(ToolPaths.sources()));
    }

    @Test
    void conceptCountsPerScheme() {
        assertEquals(4, concepts(ChmThesaurus.GBF_GOALS));
        assertEquals(23, concepts(ChmThesaurus.GBF_TARGETS));
        assertEquals(5, concepts(ChmThesaurus.AICHI_GOALS));
        assertEquals(20, concepts(ChmThesaurus.AICHI_TARGETS));
        assertEquals(java.util.Locale.getISOCountries().length + 1, concepts(ChmThesaurus.COUNTRIES));
        assertEquals(24, concepts(ChmThesaurus.TREATIES));
        assertEquals(18, concepts(ChmThesaurus.FOCAL_POINT_CATEGORIES));
        assertEquals(9, concepts(ChmThesaurus.REPORT_TYPES));
        assertEquals(3, concepts(ChmThesaurus.DECISION_TYPES));
        assertEquals(3, concepts(ChmThesaurus.DOCUMENT_TYPES));
        assertEquals(6, concepts(ChmThesaurus.STATUSES));
    }

    @Test
    void gbfTermsAreTopConceptsWithoutAnInventedHierarchy() {
        Model targets = files.get("thesaurus/gbf-targets.ttl");
        IRI t3 = ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03");
        assertTrue(targets.contains(t3, SKOS.TOP_CONCEPT_OF, ChmThesaurus.scheme(ChmThesaurus.GBF_TARGETS)));
        assertTrue(targets.contains(t3, SKOS.NOTATION, Values.literal("GBF-TARGET-03")));
        assertTrue(targets.contains(
                t3, SKOS.PREF_LABEL, Values.literal("GBF-T03. Conserve 30% of Land, Waters and Seas", "en")));
        assertTrue(targets.contains(t3, SKOS.EXACT_MATCH, Values.iri(ChmThesaurus.CBD_TERM_BASE + "GBF-TARGET-03")));
        assertTrue(targets.filter(null, SKOS.BROADER, null).isEmpty());
        assertTrue(files.get("thesaurus/gbf-goals.ttl")
                .filter(null, SKOS.NARROWER, null)
                .isEmpty());
    }

    @Test
    void aichiTargetsHangUnderTheirStrategicGoal() {
        assertEquals("A", AichiSchemes.strategicGoalOf(4));
        assertEquals("B", AichiSchemes.strategicGoalOf(5));
        assertEquals("C", AichiSchemes.strategicGoalOf(13));
        assertEquals("D", AichiSchemes.strategicGoalOf(16));
        assertEquals("E", AichiSchemes.strategicGoalOf(20));
        IRI t11 = ChmThesaurus.concept(ChmThesaurus.AICHI_TARGETS, "AICHI-TARGET-11");
        IRI goalC = ChmThesaurus.concept(ChmThesaurus.AICHI_GOALS, "AICHI-GOAL-C");
        assertTrue(files.get("thesaurus/aichi-targets.ttl").contains(t11, SKOS.BROAD_MATCH, goalC));
        assertTrue(files.get("thesaurus/aichi-goals.ttl").contains(goalC, SKOS.NARROW_MATCH, t11));
        assertTrue(files.get("thesaurus/aichi-goals.ttl").contains(goalC, SKOS.NOTATION, Values.literal("C")));
    }

    @Test
    void countriesHaveTypedNotationsAndNamesInTheSixUnLanguages() {
        Model countries = files.get("thesaurus/countries.ttl");
        IRI fr = ChmThesaurus.country("fr");
        assertTrue(countries.contains(fr, RDF.TYPE, CHM.Country));
        assertTrue(countries.contains(fr, SKOS.NOTATION, Values.literal("FR", CHM.iso3166Alpha2)));
        assertTrue(countries.contains(fr, SKOS.NOTATION, Values.literal("FRA", CHM.iso3166Alpha3)));
        assertEquals(6, countries.filter(fr, SKOS.PREF_LABEL, null).size());
        IRI eu = ChmThesaurus.country("eu");
        assertTrue(countries.contains(eu, SKOS.PREF_LABEL, Values.literal("European Union", "en")));
        assertTrue(countries.filter(eu, SKOS.NOTATION, null).size() == 1);
        assertTrue(CountryScheme.jdkVersionOf(countries).isPresent());
    }

    @Test
    void treatiesFormTheirHierarchy() {
        Model treaties = files.get("thesaurus/treaties.ttl");
        assertTrue(treaties.contains(ChmThesaurus.treaty("nkl"), SKOS.BROADER, ChmThesaurus.treaty("cartagena")));
        assertTrue(treaties.contains(ChmThesaurus.treaty("cms"), SKOS.NARROWER, ChmThesaurus.treaty("aewa")));
        assertTrue(treaties.contains(
                ChmThesaurus.treaty("cbd"), SKOS.TOP_CONCEPT_OF, ChmThesaurus.scheme(ChmThesaurus.TREATIES)));
        assertTrue(treaties.contains(ChmThesaurus.treaty("nagoya"), CHM.untcReference, Values.literal("XXVII-8-b")));
    }

    private static int concepts(String scheme) {
        return files.get("thesaurus/" + scheme + ".ttl")
                .filter(null, SKOS.IN_SCHEME, ChmThesaurus.scheme(scheme))
                .subjects()
                .size();
    }
}
