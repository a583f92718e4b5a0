package org.chmexchange.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chmexchange.model.RecordType;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the embedded store does (the contract of every store is the testkit's
 * {@code RecordStoreContract} and {@code ChangeLogContract}): a record that another tool wrote into
 * the TDB2 store with a malformed date is left out of the index, and does not stop the open.
 */
class RecordStoreTest {

    static final String BASE = "http://node.example.org/";
    static final IRI GRAPH = RecordStore.localGraph(BASE);

    @TempDir
    Path dir;

    static Model decision(String id, String treaty, String title, String lang, String... concepts) {
        IRI iri = RecordType.DECISION.mint(BASE, id);
        Model m = new LinkedHashModel();
        m.add(iri, RDF.TYPE, CHM.Decision);
        m.add(iri, DCTERMS.IDENTIFIER, Values.literal(id));
        m.add(iri, DCTERMS.TITLE, Values.literal(title, lang));
        m.add(iri, CHM.treaty, ChmThesaurus.treaty(treaty));
        for (String c : concepts) {
            m.add(iri, DCTERMS.SUBJECT, ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, c));
        }
        IRI file = Values.iri(iri + "#file-1");
        m.add(iri, CHM.file, file);
        m.add(file, DCAT.DOWNLOAD_URL, Values.iri("https://files.example.org/" + id + ".pdf"));
        return m;
    }

    @Test
    void aDirtyIndexIsRebuiltAndABadStoredRecordDoesNotStopTheOpen() throws Exception {
        IRI bad = RecordType.DECISION.mint(BASE, "bad-date");
        try (RecordStore store = RecordStore.openEmbedded(dir)) {
            store.put(decision("good", "cbd", "Good", "en"), GRAPH);
        }
        // Another tool wrote a record with a malformed modified time straight into the quad store.
        try (var quads = org.chmexchange.store.internal.Tdb2QuadStore.open(
                org.chmexchange.store.internal.StoreLayout.quadsDir(dir))) {
            quads.write(q -> {
                q.add(bad, RDF.TYPE, CHM.Decision, GRAPH);
                q.add(
                        bad,
                        DCTERMS.MODIFIED,
                        org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance()
                                .createLiteral("yesterday", XSD.DATETIME),
                        GRAPH);
                return null;
            });
        }
        try (RecordStore store = RecordStore.openEmbedded(dir)) {
            store.rebuildIndex();
            assertEquals(1, store.count(RecordQuery.ALL), "the bad record is left out, the good one indexed");
        }
        try (RecordStore store = RecordStore.openEmbedded(dir)) {
            assertEquals(1, store.count(RecordQuery.ALL));
            assertTrue(store.get(bad).isPresent(), "left in the store, not lost");
        }
    }
}
