package org.chmexchange.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.WriteRequest;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotSweepTest {

    private static final IRI GRAPH = Values.iri("https://node.example.org/graphs/sources/s");

    @TempDir
    Path dir;

    private static IRI record(int i) {
        return Values.iri("https://source.example.org/records/decision/d-" + i);
    }

    @Test
    void goneAreTheRecordsOfTheGraphThatNoPageCarriedAndNothingKeeps() {
        try (RecordStore store = RecordStore.openEmbedded(dir)) {
            Model held = new LinkedHashModel();
            for (int i = 0; i < 10; i++) {
                held.add(record(i), RDF.TYPE, CHM.Decision);
            }
            store.write(WriteRequest.upsert(GRAPH, held));
            SnapshotSweep sweep = new SnapshotSweep();
            // Pages in any order; a rejected record is seen too, so it keeps its last valid version.
            Map<IRI, Model> page = new LinkedHashMap<>();
            for (int i : List.of(7, 3, 0)) {
                page.put(record(i), new LinkedHashModel());
            }
            Batch batch = Batch.of(page);
            batch.reject(record(0), Gates.VALIDATION, "invalid");
            sweep.saw(batch);
            sweep.saw(record(5));
            sweep.saw(record(42));

            Set<IRI> gone = sweep.gone(store, GRAPH, Set.of(record(9))::contains);

            assertEquals(Set.of(record(1), record(2), record(4), record(6), record(8)), gone);
            assertEquals(5, sweep.count());
        }
    }
}
