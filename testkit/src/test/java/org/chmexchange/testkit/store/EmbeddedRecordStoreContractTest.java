package org.chmexchange.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.Test;

/**
 * The RecordStore contract for the embedded store (Jena TDB2 and the Lucene index), and what only
 * the embedded store does: a record that another tool wrote into the TDB2 store with a malformed
 * date is left out of the index, and does not stop the open.
 */
class EmbeddedRecordStoreContractTest extends RecordStoreContract {

    @Override
    protected RecordStore open(Path dir) {
        return RecordStore.openEmbedded(dir);
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
