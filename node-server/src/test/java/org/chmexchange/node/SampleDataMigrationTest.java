package org.chmexchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.chmexchange.store.WriteRequest;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder of a version before the sample graph holds the sample records in the local graph,
 * where the publisher would take them for the node's own: opening it moves them out.
 */
class SampleDataMigrationTest {

    private static final String BASE = "http://node.example.org/";

    @TempDir
    Path dir;

    @Test
    void sampleRecordsAsLoadedLeaveTheLocalGraphAndEditedOnesStay() {
        IRI local = RecordStore.localGraph(BASE);
        IRI edited = RecordType.DECISION.mint(BASE, "cbd-decision-15-4");
        IRI own = RecordType.FOCAL_POINT.mint(BASE, "co-cbd-fp1-ana-ejemplo");
        try (RecordStore store = RecordStore.openEmbedded(dir)) {
            Model sample = Vocabularies.sampleData(BASE);
            // How the earlier versions loaded it: into the local graph, with the marker.
            store.write(new WriteRequest(
                    local,
                    sample,
                    Set.of(),
                    false,
                    Map.of(SettingKey.SAMPLE_DATA_LOADED, Instant.now().toString()),
                    new LinkedHashModel()));
            Model changed = store.get(edited).orElseThrow();
            changed.remove(edited, DCTERMS.TITLE, null);
            changed.add(edited, DCTERMS.TITLE, Values.literal("Edited by the operator", "en"));
            store.put(changed, local);
            store.put(
                    Fictional.focalPoint(BASE, "co-cbd-fp1-ana-ejemplo", "co", "Ana Ejemplo", "ana@example.org"),
                    local);
            Set<IRI> sampleRecords = new HashSet<>(store.recordsIn(local));
            sampleRecords.remove(own);
            sampleRecords.remove(edited);
            assertTrue(sampleRecords.size() > 50, "the sample records: " + sampleRecords.size());
            long sequence = store.lastSequence();

            ReferenceData.load(store, BASE, true, Vocabularies.thesaurus());

            assertEquals(Set.of(edited, own), store.recordsIn(local), "the operator's records stay local");
            assertEquals(sampleRecords, store.recordsIn(ReferenceData.sampleGraph(BASE)));
            assertEquals(sequence, store.lastSequence(), "moving them changes nothing a reader sees");

            ReferenceData.load(store, BASE, true, Vocabularies.thesaurus()); // the next start
            assertEquals(Set.of(edited, own), store.recordsIn(local));
        }
    }
}
