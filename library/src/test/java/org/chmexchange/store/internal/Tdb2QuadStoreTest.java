package org.chmexchange.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.chmexchange.store.StoreInUseException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Tdb2QuadStoreTest {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private static final IRI S = VF.createIRI("https://node.example.org/records/decision/x");
    private static final IRI P = VF.createIRI("https://node.example.org/p");
    private static final IRI G = VF.createIRI("https://node.example.org/graphs/local");

    @TempDir
    Path dir;

    @Test
    void termsComeBackExactlyAsWrittenAfterReopening() {
        // Lexical forms TDB2 could store by value (non-canonical numbers, dates, booleans), tags in
        // mixed case, plain and RDF4J-style strings, a blank node.
        List<Value> values = List.of(
                VF.createLiteral("01", XSD.INTEGER),
                VF.createLiteral("+7", XSD.INT),
                VF.createLiteral("1.50", XSD.DECIMAL),
                VF.createLiteral("1e0", XSD.DOUBLE),
                VF.createLiteral("1", XSD.BOOLEAN),
                VF.createLiteral("2026-12-01T19:44:06.120Z", XSD.DATETIME),
                VF.createLiteral("2026-12-01T20:44:06.1+01:00", XSD.DATETIME),
                VF.createLiteral("2026-01-01", XSD.DATE),
                VF.createLiteral("yesterday", XSD.DATETIME),
                VF.createLiteral("Biodiversité", "fr"),
                VF.createLiteral("生物多样性", "zh-Hans"),
                VF.createLiteral("Colour", "en-GB"),
                VF.createLiteral("plain"),
                VF.createLiteral("<p>html</p>", RDF.HTML),
                VF.createIRI("https://example.org/other#frag"),
                VF.createBNode("b1"));
        try (Tdb2QuadStore store = Tdb2QuadStore.open(dir)) {
            store.write(q -> {
                values.forEach(v -> q.add(S, P, v, G));
                return null;
            });
        }
        try (Tdb2QuadStore store = Tdb2QuadStore.open(dir)) {
            Set<Value> back = store.read(q -> {
                Set<Value> found = new java.util.HashSet<>();
                q.find(S, P, null, G, st -> found.add(st.getObject()));
                return found;
            });
            assertEquals(Set.copyOf(values), back);
            for (Value v : values) {
                boolean found = store.read(q -> q.contains(S, P, v, null));
                assertTrue(found, "found by exact term: " + v);
                // by object alone: no OSPG index, TDB2 scans
                long byObject = store.read(q -> {
                    long[] n = {0};
                    q.find(null, null, v, null, st -> n[0]++);
                    return n[0];
                });
                assertEquals(1L, byObject, "found by object alone: " + v);
            }
        }
    }

    @Test
    void aFailedWriteLeavesNothing() {
        try (Tdb2QuadStore store = Tdb2QuadStore.open(dir)) {
            assertThrows(
                    IllegalStateException.class,
                    () -> store.write(q -> {
                        q.add(S, P, VF.createLiteral("half"), G);
                        throw new IllegalStateException("fails mid-write");
                    }));
            assertEquals(0L, store.read(Quads::size));
            store.write(q -> {
                q.add(S, P, VF.createLiteral("whole"), G);
                return null;
            });
            List<Statement> all = store.read(q -> {
                List<Statement> sts = new java.util.ArrayList<>();
                q.find(null, null, null, null, sts::add);
                return sts;
            });
            assertEquals(1, all.size());
            assertEquals(G, all.get(0).getContext(), "graph names kept");
        }
    }

    @Test
    void readTransactionsCannotWriteAndAFolderOpensOnce() {
        try (Tdb2QuadStore store = Tdb2QuadStore.open(dir)) {
            assertThrows(
                    IllegalStateException.class,
                    () -> store.read(q -> {
                        q.add(S, P, VF.createLiteral("x"), G);
                        return null;
                    }));
            assertThrows(StoreInUseException.class, () -> Tdb2QuadStore.open(dir));
        }
        try (Tdb2QuadStore again = Tdb2QuadStore.open(dir)) {
            boolean any = again.read(q -> q.contains(null, null, null, null));
            assertFalse(any);
        }
    }
}
