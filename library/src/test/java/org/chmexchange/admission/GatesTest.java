package org.chmexchange.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.RecordStore;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatesTest {

    private static final String BASE = "http://node.example.org/";

    @TempDir
    Path dir;

    private static Model treaty(IRI iri, boolean valid) {
        Model m = new LinkedHashModel();
        m.add(iri, RDF.TYPE, CHM.Treaty);
        if (valid) {
            m.add(iri, DCTERMS.IDENTIFIER, Values.literal("t"));
            m.add(iri, DCTERMS.TITLE, Values.literal("A treaty", "en"));
        }
        return m;
    }

    @Test
    void eachGateRejectsWithItsNameAndTheNextGatesSeeOnlyWhatPassed() {
        Model sample = org.chmexchange.vocab.Vocabularies.sampleData(BASE);
        IRI good = RecordType.DECISION.mint(BASE, "cbd-decision-15-4");
        IRI fragment = Values.iri(BASE + "records/decision/x#y");
        IRI other = RecordType.DECISION.mint(BASE, "other");
        IRI otherGraph = Values.iri(BASE + "graphs/publishers/someone");
        try (RecordStore store = RecordStore.openEmbedded(dir);
                RecordValidator validator = new RecordValidator()) {
            Model held = new LinkedHashModel();
            held.add(other, RDF.TYPE, CHM.Decision);
            held.add(other, DCTERMS.IDENTIFIER, Values.literal("other"));
            held.add(other, DCTERMS.TITLE, Values.literal("Held", "en"));
            held.add(other, CHM.treaty, ChmThesaurus.treaty("cbd"));
            store.put(held, otherGraph);

            Model m = new RecordSplitter().addAll(sample).batch().records().get(good);
            assertTrue(validator.validate(m).conforms(), "a valid sample decision");
            Model bad = new LinkedHashModel();
            bad.add(RecordType.DECISION.mint(BASE, "bad"), RDF.TYPE, CHM.Decision);
            Batch batch = Batch.of(Map.of(
                    good,
                    m,
                    fragment,
                    treaty(fragment, true),
                    other,
                    held,
                    RecordType.DECISION.mint(BASE, "bad"),
                    bad));
            Admission.of(
                            Gates.recordIris(),
                            Gates.ownership(store, RecordStore.localGraph(BASE)),
                            Gates.validation(validator))
                    .admit(batch);
            assertEquals(List.of(good), List.copyOf(batch.records().keySet()));
            Map<String, Long> byGate = new java.util.TreeMap<>();
            batch.rejections().forEach(r -> byGate.merge(r.gate(), 1L, Long::sum));
            assertEquals(Map.of("iri", 1L, "ownership", 1L, "validation", 1L), byGate);
            Rejection invalid = batch.rejections().stream()
                    .filter(r -> r.gate().equals("validation"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(!invalid.report().conforms()
                    && !invalid.report().violations().isEmpty());
        }
    }

    @Test
    void admitOrStopStopsAtTheFirstRejectingGate() {
        IRI fragment = Values.iri(BASE + "records/treaty/x#y");
        IRI invalid = RecordType.TREATY.mint(BASE, "invalid");
        try (RecordValidator validator = new RecordValidator()) {
            Batch batch = Batch.of(Map.of(fragment, treaty(fragment, true), invalid, treaty(invalid, false)));
            Admission.of(Gates.recordIris(), Gates.validation(validator)).admitOrStop(batch);
            assertEquals(1, batch.rejections().size(), "validation did not run: " + batch.rejections());
            assertEquals("iri", batch.rejections().get(0).gate());
        }
    }

    @Test
    void theStoreAwareValidationGateValidatesOnlyWhatChangedWithTheSameReports() {
        IRI graph = RecordStore.localGraph(BASE);
        IRI same = RecordType.TREATY.mint(BASE, "same");
        IRI changed = RecordType.TREATY.mint(BASE, "changed");
        try (RecordStore store = RecordStore.openEmbedded(dir);
                RecordValidator validator = new RecordValidator()) {
            // The store does not validate: both are held invalid, as if the shapes had changed since.
            Model held = treaty(same, false);
            held.addAll(treaty(changed, false));
            store.put(held, graph);
            Model newer = treaty(changed, false);
            newer.add(changed, DCTERMS.DESCRIPTION, Values.literal("now with a description", "en"));

            Batch everything = Batch.of(Map.of(same, treaty(same, false), changed, newer));
            Gates.validation(validator).check(everything);
            Batch whatChanged = Batch.of(Map.of(same, treaty(same, false), changed, newer));
            Gates.validation(validator, store, graph).check(whatChanged);

            assertEquals(2, everything.rejections().size());
            assertEquals(List.of(same), List.copyOf(whatChanged.records().keySet()), "unchanged: not validated");
            assertEquals(1, whatChanged.rejections().size());
            Rejection rejected = whatChanged.rejections().get(0);
            assertEquals(changed, rejected.iri());
            Rejection alone = everything.rejections().stream()
                    .filter(r -> r.iri().equals(changed))
                    .findFirst()
                    .orElseThrow();
            assertEquals(alone.report().violations(), rejected.report().violations(), "the same report");
            assertEquals(Set.of(same), store.unchangedIn(graph, Map.of(same, treaty(same, false))));
            assertEquals(
                    Set.of(),
                    store.unchangedIn(
                            RecordStore.localGraph("http://other.example.org/"), Map.of(same, treaty(same, false))),
                    "held in another graph");
        }
    }
}
