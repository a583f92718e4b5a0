package org.chmexchange.cbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/** CBD thesaurus terms (INCUMBENTS.md part A 2.2 shape; fixture texts) as SKOS, merged by notation. */
class CbdThesaurusImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Thesaurus SHIPPED = Thesaurus.fromClasspath();
    private static final CbdThesaurusImport IMPORT = new CbdThesaurusImport(SHIPPED);
    private static final IRI TARGET_1 = ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-01");
    private static final IRI TARGET_2 = ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-02");

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** The shipped thesaurus with the import: what a node serves. */
    static Thesaurus merged(Model imported) {
        Model all = new LinkedHashModel(Vocabularies.thesaurus());
        all.addAll(imported);
        return Thesaurus.load(all);
    }

    @Test
    void aKnownConceptGainsTheLanguagesAndLabelsTheCbdHas() throws Exception {
        CbdThesaurusImport.Result r = IMPORT.read(
                "GBF-TARGETS",
                json(
                        """
                [{"termId": 7398, "identifier": "GBF-TARGET-01",
                  "name": "GBF-T01. Plan and Manage all Areas To Reduce Biodiversity Loss",
                  "title": {"en": "GBF-T01. Plan and Manage all Areas To Reduce Biodiversity Loss",
                            "fr": "Cible 1 (fixture)", "es": "Meta 1 (fixture)"},
                  "shortTitle": {"en": "Plan and manage all areas (fixture)"},
                  "longDescription": {"fr": "Texte de fixture."}, "description": "",
                  "broaderTerms": [], "narrowerTerms": [], "relatedTerms": [],
                  "nonPreferedTerms": ["Spatial planning (fixture)"]},
                 {"identifier": "GBF-TARGET-02", "title": {"en": "Another English text (fixture)"},
                  "relatedTerms": ["GBF-TARGET-01"]}]
                """));
        assertEquals(2, r.terms());
        assertEquals(List.of(), r.added(), "no new concept: both are shipped");
        assertEquals(List.of(TARGET_1, TARGET_2), r.enriched());
        Concept c = merged(r.skos()).concept(TARGET_1).orElseThrow();
        assertEquals("Cible 1 (fixture)", c.prefLabels().get("fr"));
        assertEquals("Meta 1 (fixture)", c.prefLabels().get("es"));
        assertEquals(
                SHIPPED.concept(TARGET_1).orElseThrow().prefLabels().get("en"),
                c.prefLabels().get("en"),
                "the shipped English label stays");
        assertTrue(c.altLabels().get("en").contains("Spatial planning (fixture)"));
        assertTrue(c.altLabels().get("en").contains("Plan and manage all areas (fixture)"));
        assertEquals("Texte de fixture.", c.definitions().get("fr"));
        Concept two = merged(r.skos()).concept(TARGET_2).orElseThrow();
        assertTrue(two.altLabels().get("en").contains("Another English text (fixture)"), "another English text");
        assertTrue(r.skos().contains(TARGET_2, SKOS.RELATED, TARGET_1));
        assertFalse(r.skos().contains(TARGET_1, SKOS.EXACT_MATCH, null), "the shipped concept has it already");
    }

    @Test
    void unknownTermsBecomeConceptsOfADomainSchemeWithTheirHierarchy() throws Exception {
        CbdThesaurusImport.Result r = IMPORT.read(
                "CBD-SUBJECTS",
                json(
                        """
                [{"identifier": "CBD-SUBJECT-BIOMES", "title": {"en": "Biomes (fixture)", "fr": "Biomes (fixture)"},
                  "narrowerTerms": ["CBD-SUBJECT-FOR"]},
                 {"identifier": "CBD-SUBJECT-FOR", "name": "Forest biodiversity (fixture)",
                  "description": "A fixture subject.", "broaderTerms": ["CBD-SUBJECT-BIOMES"],
                  "relatedTerms": ["GBF-TARGET-01", "NOWHERE"], "nonPreferedTerms": ["Forests (fixture)"]},
                 {"name": "no identifier"}]
                """));
        IRI scheme = CbdThesaurusImport.schemeOf("CBD-SUBJECTS");
        assertEquals(Values.iri("https://w3id.org/chm-exchange/thesaurus/cbd-cbd-subjects"), scheme);
        IRI biomes = Values.iri(scheme + "/CBD-SUBJECT-BIOMES");
        IRI forest = Values.iri(scheme + "/CBD-SUBJECT-FOR");
        assertEquals(List.of(biomes, forest), r.added());
        Thesaurus t = merged(r.skos());
        assertTrue(t.scheme(scheme).isPresent());
        assertEquals(
                List.of(biomes),
                t.topConcepts(scheme).stream().map(Concept::iri).toList());
        Concept f = t.concept(forest).orElseThrow();
        assertEquals("Forest biodiversity (fixture)", f.prefLabels().get("en"), "name as English");
        assertEquals("A fixture subject.", f.definitions().get("en"));
        assertEquals(List.of("Forests (fixture)"), f.altLabels().get("en"));
        assertTrue(f.broader().contains(biomes));
        assertTrue(t.concept(biomes).orElseThrow().narrower().contains(forest));
        assertTrue(f.exactMatch().contains(Values.iri(ChmThesaurus.CBD_TERM_BASE + "CBD-SUBJECT-FOR")));
        assertTrue(r.skos().contains(forest, SKOS.RELATED_MATCH, TARGET_1), "across schemes: a mapping");
        assertEquals(t.byNotation("CBD-SUBJECT-FOR").orElseThrow().iri(), forest);
        assertEquals(2, r.notices().size(), r.notices()::toString); // the term without identifier, NOWHERE
    }

    @Test
    void countriesMergeByTheirCode() throws Exception {
        CbdThesaurusImport.Result r = IMPORT.read(
                "countries",
                json(
                        """
                [{"identifier": "tg", "name": "Togo",
                  "title": {"ar": "توغو", "en": "Togo", "es": "Togo", "fr": "Togo", "ru": "Того", "zh": "多哥"},
                  "nonPreferedTerms": ["Togolese Republic (fixture)"]}]
                """));
        assertEquals(List.of(), r.added());
        assertTrue(r.skos()
                .contains(
                        ChmThesaurus.country("tg"),
                        SKOS.ALT_LABEL,
                        Values.literal("Togolese Republic (fixture)", "en")));
        assertFalse(r.skos().contains(ChmThesaurus.country("tg"), SKOS.PREF_LABEL, null), "the same labels");
    }

    @Test
    void anAnswerThatIsNotAListIsRefused() throws Exception {
        assertThrows(CbdMappingException.class, () -> IMPORT.read("regions", json("{\"error\": \"no\"}")));
    }
}
