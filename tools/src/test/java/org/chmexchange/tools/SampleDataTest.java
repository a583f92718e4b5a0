package org.chmexchange.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleDataTest {

    private static MeaFacts facts;
    private static Model thesaurus;
    private static Model sample;

    @BeforeAll
    static void build() throws IOException {
        facts = MeaFacts.read(ToolPaths.sources());
        thesaurus = new LinkedHashModel();
        GenerateVocabularies.thesaurusFiles(ToolPaths.sources(), facts).values().forEach(thesaurus::addAll);
        sample = SampleData.build(facts, thesaurus);
    }

    @Test
    void everyEntryOfTheFactsIsARecordOfItsClass() {
        assertEquals(
                facts.treaties().size(),
                sample.filter(null, RDF.TYPE, CHM.Treaty).size());
        assertEquals(
                facts.meetings().size(),
                sample.filter(null, RDF.TYPE, CHM.Meeting).size());
        assertEquals(
                facts.decisions().size(),
                sample.filter(null, RDF.TYPE, CHM.Decision).size());
        assertEquals(
                facts.documents().size(),
                sample.filter(null, RDF.TYPE, CHM.Document).size());
        assertEquals(24, facts.treaties().size());
        assertEquals(18, facts.meetings().size());
        assertEquals(23, facts.decisions().size());
        assertEquals(14, facts.documents().size());
        assertFalse(sample.contains(null, DCTERMS.MODIFIED, null), "the node sets dcterms:modified");
    }

    @Test
    void decisionLinksToItsMeetingWhichLinksToItsTreatyAndHostCountry() {
        IRI decision = record("decision", "cbd-decision-15-4");
        IRI meeting = record("meeting", "cbd-cop-15-2");
        assertTrue(sample.contains(decision, DCTERMS.IDENTIFIER, Values.literal("15/4")));
        assertTrue(sample.contains(decision, CHM.meeting, meeting));
        assertTrue(sample.contains(decision, CHM.treaty, ChmThesaurus.treaty("cbd")));
        assertTrue(sample.contains(
                decision, CHM.decisionType, ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, "decision")));
        assertTrue(sample.contains(decision, CHM.adoptionDate, Values.literal("2022-12-19", XSD.DATE)));
        assertTrue(
                sample.contains(decision, DCTERMS.SUBJECT, ChmThesaurus.concept(ChmThesaurus.GBF_GOALS, "GBF-GOAL-A")));
        assertTrue(sample.contains(
                decision, DCTERMS.SUBJECT, ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03")));
        assertTrue(sample.contains(meeting, CHM.treaty, ChmThesaurus.treaty("cbd")));
        assertTrue(sample.contains(meeting, CHM.country, ChmThesaurus.country("CA")));
        assertTrue(sample.contains(meeting, CHM.session, Values.literal(BigInteger.valueOf(15))));
        assertTrue(sample.contains(meeting, CHM.part, Values.literal(BigInteger.TWO)));
        assertTrue(sample.contains(meeting, Std.SCHEMA_START_DATE, Values.literal("2022-12-07", XSD.DATE)));
    }

    @Test
    void citationsResolveToDecisionsAndDocumentsAcrossTreaties() {
        IRI cmsDoc = record("document", "unep-cms-cop14-doc-17");
        assertTrue(sample.contains(cmsDoc, CHM.cites, record("decision", "cbd-decision-15-4")));
        IRI bioBridge = record("document", "unep-cbd-cop-13-inf-22");
        assertEquals(5, sample.filter(bioBridge, CHM.cites, null).size());
        assertTrue(sample.contains(bioBridge, CHM.cites, record("decision", "cbd-decision-xii-2-b")));
        assertTrue(sample.contains(bioBridge, CHM.cites, record("document", "unep-cbd-cop-13-14-add-1")));
        assertTrue(sample.contains(
                bioBridge,
                CHM.documentType,
                ChmThesaurus.concept(ChmThesaurus.DOCUMENT_TYPES, "information-document")));
        assertTrue(sample.contains(
                record("document", "ipbes-6-inf-24"), CHM.cites, record("decision", "ipbes-decision-2-8")));
    }

    @Test
    void treatyRecordsCarryTheTreatyFacts() {
        IRI nkl = record("treaty", "nkl");
        assertTrue(sample.contains(nkl, CHM.treaty, ChmThesaurus.treaty("nkl")));
        assertTrue(sample.contains(nkl, CHM.parentTreaty, ChmThesaurus.treaty("cartagena")));
        assertTrue(sample.contains(nkl, CHM.untcReference, Values.literal("XXVII-8-c")));
        assertTrue(sample.contains(nkl, CHM.entryIntoForce, Values.literal("2018-03-05", XSD.DATE)));
        assertTrue(sample.contains(
                record("treaty", "cbd"), CHM.openedForSignature, Values.literal("1992-06-05", XSD.DATE)));
        assertTrue(sample.contains(record("treaty", "plant_treaty"), CHM.acronym, Values.literal("ITPGRFA")));
    }

    @Test
    void anUnresolvableCitationIsAnError() {
        MeaFacts.Document doc =
                new MeaFacts.Document("X/DOC/1", "cbd", null, "report", "A report", null, List.of("99/99"));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SampleData.build(withDocuments(doc), thesaurus));
        assertTrue(e.getMessage().contains("99/99"), e.getMessage());
    }

    @Test
    void anIdCollisionIsAnError() {
        MeaFacts.Document a = new MeaFacts.Document("X/DOC/1", "cbd", null, null, "A", null, null);
        MeaFacts.Document b = new MeaFacts.Document("X-DOC-1", "cbd", null, null, "B", null, null);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SampleData.build(withDocuments(a, b), thesaurus));
        assertTrue(e.getMessage().contains("collision"), e.getMessage());
    }

    @Test
    void anUnknownConceptOrKindIsAnError() {
        MeaFacts.Decision decision =
                new MeaFacts.Decision("1/1", "cbd", null, "decision", "T", null, null, List.of("GBF-TARGET-99"));
        List<MeaFacts.Decision> decisions = new ArrayList<>(facts.decisions());
        decisions.add(decision);
        MeaFacts bad = new MeaFacts(facts.about(), facts.treaties(), facts.meetings(), decisions, facts.documents());
        assertThrows(IllegalStateException.class, () -> SampleData.build(bad, thesaurus));
        MeaFacts.Document doc = new MeaFacts.Document("X/DOC/1", "cbd", null, "note verbale", "A", null, null);
        assertThrows(IllegalStateException.class, () -> SampleData.build(withDocuments(doc), thesaurus));
    }

    @Test
    void everyThesaurusNotationIsUniqueAndEverySchemeIsBuilt() throws IOException {
        Map<String, Model> models = GenerateVocabularies.models(ToolPaths.sources());
        assertEquals(12, models.size());
    }

    private static MeaFacts withDocuments(MeaFacts.Document... extra) {
        List<MeaFacts.Document> documents = new ArrayList<>(facts.documents());
        documents.addAll(List.of(extra));
        return new MeaFacts(facts.about(), facts.treaties(), facts.meetings(), facts.decisions(), documents);
    }

    private static IRI record(String type, String id) {
        IRI iri = RecordIds.recordIri(type, id);
        assertTrue(sample.contains(iri, RDF.TYPE, null), "no record " + iri);
        return iri;
    }
}
