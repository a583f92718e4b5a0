package org.chmexchange.jena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.chmexchange.admission.RecordSplitter;
import org.chmexchange.harvest.HarvestPage;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.model.RecordType;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harvest pages written into a Jena TDB2 dataset: each page with its state in one transaction,
 * invalid records left out, updates replacing a record and its nested resources, deletions and the
 * snapshot sweep confined to the sink's graph, and the state found again after the dataset is
 * reopened.
 */
class JenaHarvestSinkTest {

    static final String BASE = "https://chm.example.org/";
    static final String GRAPH = BASE + "graphs/sources/cbd";

    @TempDir
    Path dir;

    static RecordValidator validator;

    @BeforeAll
    static void open() {
        validator = new RecordValidator();
    }

    @AfterAll
    static void close() {
        validator.close();
    }

    /** The sample decisions, each as its own model, in order. */
    static List<Model> decisions() {
        Map<IRI, Model> records = new RecordSplitter()
                .addAll(Vocabularies.sampleData(BASE))
                .batch()
                .records();
        List<Model> decisions = new ArrayList<>();
        records.forEach((iri, m) -> {
            if (m.contains(iri, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, CHM.Decision)) {
                decisions.add(m);
            }
        });
        return decisions;
    }

    static IRI iriOf(Model record) {
        return (IRI) record.filter(null, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, CHM.Decision)
                .subjects()
                .iterator()
                .next();
    }

    @Test
    void pagesAreWrittenWithTheirStateAndSurviveAReopen() {
        List<Model> decisions = decisions();
        Model a = decisions.get(0);
        Model b = decisions.get(1);
        Model c = decisions.get(2);
        IRI invalid = RecordType.DECISION.mint(BASE, "no-treaty");
        Model page1 = new LinkedHashModel(a);
        page1.addAll(b);
        page1.addAll(c);
        page1.add(invalid, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, CHM.Decision);
        page1.add(invalid, DCTERMS.IDENTIFIER, Values.literal("no-treaty"));

        Path tdb2 = dir.resolve("tdb2");
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(tdb2.toString());
        JenaHarvestSink sink = JenaHarvestSink.validating(dataset, "cbd", GRAPH, validator);
        assertEquals(HarvestState.EMPTY, sink.state());
        sink.page(new HarvestPage(page1, Set.of(), false, HarvestState.EMPTY.with("cursor", "1")));
        assertEquals(3, sink.written());
        assertEquals(
                List.of(invalid),
                sink.rejections().stream().map(r -> r.subject()).toList(),
                "the invalid one left out");

        Model changed = new LinkedHashModel(a);
        changed.remove(iriOf(a), DCTERMS.TITLE, null);
        changed.add(iriOf(a), DCTERMS.TITLE, Values.literal("A changed title", "en"));
        sink.page(new HarvestPage(changed, Set.of(iriOf(b)), false, HarvestState.EMPTY.with("cursor", "2")));
        assertEquals(1, sink.deleted());
        TDBInternal.expel(dataset);

        DatasetGraph reopened = DatabaseMgr.connectDatasetGraph(tdb2.toString());
        JenaHarvestSink again = JenaHarvestSink.validating(reopened, "cbd", GRAPH, validator);
        assertEquals(HarvestState.EMPTY.with("cursor", "2"), again.state(), "the state of the last page written");
        Model stored = Txn.calculateRead(reopened, () -> JenaModels.fromDataset(reopened));
        Model inGraph = new LinkedHashModel(stored.filter(null, null, null, Values.iri(GRAPH)));
        assertTrue(inGraph.contains(iriOf(a), DCTERMS.TITLE, Values.literal("A changed title", "en")));
        assertEquals(1, inGraph.filter(iriOf(a), DCTERMS.TITLE, null).size(), "the old version replaced");
        assertFalse(inGraph.contains(iriOf(b), null, null), "deleted");
        assertTrue(inGraph.contains(iriOf(c), null, null));

        // A snapshot of only c: a is swept; a record of another graph is never touched.
        Node other = NodeFactory.createURI(BASE + "graphs/local");
        Txn.executeWrite(
                reopened,
                () -> reopened.add(
                        other,
                        NodeFactory.createURI(iriOf(a).stringValue()),
                        NodeFactory.createURI(DCTERMS.TITLE.stringValue()),
                        NodeFactory.createLiteralString("kept")));
        again.page(new HarvestPage(c, Set.of(), true, HarvestState.EMPTY.with("cursor", "3")));
        Model after = Txn.calculateRead(reopened, () -> JenaModels.fromDataset(reopened));
        assertFalse(after.contains(iriOf(a), null, null, Values.iri(GRAPH)), "swept by the snapshot");
        assertTrue(after.contains(iriOf(c), null, null, Values.iri(GRAPH)));
        assertTrue(after.contains(iriOf(a), DCTERMS.TITLE, Values.literal("kept"), Values.iri(BASE + "graphs/local")));
        assertEquals(1, again.deleted());
        TDBInternal.expel(reopened);
    }
}
