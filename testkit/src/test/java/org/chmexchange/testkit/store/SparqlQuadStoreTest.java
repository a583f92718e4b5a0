package org.chmexchange.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.chmexchange.store.StoreException;
import org.chmexchange.store.internal.SparqlQuadStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote quad store's optimistic writes, on Fuseki: a write that another process overtook is
 * applied to nothing and run again on the new state; a transaction reads its own changes; a failed
 * update leaves nothing.
 */
class SparqlQuadStoreTest {

    private static final IRI G = Values.iri("urn:test:graph");
    private static final IRI COUNTER = Values.iri("urn:test:counter");
    private static final IRI VALUE = Values.iri("urn:test:value");

    @TempDir
    Path dir;

    private FusekiStore fuseki;
    private SparqlQuadStore a;
    private SparqlQuadStore b;

    @BeforeEach
    void start() {
        fuseki = FusekiStore.start(dir.resolve("fuseki"));
        a = SparqlQuadStore.connect(fuseki.settings());
        b = SparqlQuadStore.connect(fuseki.settings());
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        fuseki.close();
    }

    /** Adds one to the counter, as a read-modify-write in one transaction. */
    private static Long increment(org.chmexchange.store.internal.Quads q) {
        List<Statement> old = new ArrayList<>();
        q.find(COUNTER, VALUE, null, G, old::add);
        long value = old.isEmpty() ? 0 : Long.parseLong(old.get(0).getObject().stringValue());
        old.forEach(q::remove);
        q.add(COUNTER, VALUE, Values.literal(Long.toString(value + 1)), G);
        return value + 1;
    }

    private long counter(SparqlQuadStore store) {
        return store.read(q -> {
            List<Statement> sts = new ArrayList<>();
            q.find(COUNTER, VALUE, null, G, sts::add);
            assertTrue(sts.size() <= 1, "one value: " + sts);
            return sts.isEmpty() ? 0L : Long.parseLong(sts.get(0).getObject().stringValue());
        });
    }

    @Test
    void aWriteOvertakenByAnotherProcessIsRunAgainOnTheNewState() {
        a.write(SparqlQuadStoreTest::increment);
        AtomicInteger runs = new AtomicInteger();
        long result = a.write(q -> {
            long mine = increment(q);
            if (runs.incrementAndGet() == 1) {
                assertEquals(2L, mine);
                b.write(SparqlQuadStoreTest::increment); // another process commits in between: 2
            }
            return mine;
        });
        assertEquals(2, runs.get(), "overtaken once, run again");
        assertEquals(3L, result, "the second run read b's write");
        assertEquals(3L, counter(a), "no lost update, no half write");
        assertEquals(3L, counter(b));
    }

    @Test
    void manyConcurrentReadModifyWritesLoseNothing() throws Exception {
        int threads = 4;
        int each = 15;
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            SparqlQuadStore store = SparqlQuadStore.connect(fuseki.settings()); // one "process" each
            workers.add(new Thread(() -> {
                try (store) {
                    for (int i = 0; i < each; i++) {
                        store.write(SparqlQuadStoreTest::increment);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join(120_000);
        }
        assertEquals(List.of(), errors);
        assertEquals((long) threads * each, counter(a), "every increment applied exactly once");
    }

    @Test
    void aTransactionReadsItsOwnChangesAndAFailedWorkWritesNothing() {
        a.write(q -> {
            q.add(COUNTER, VALUE, Values.literal("x"), G);
            assertTrue(q.contains(COUNTER, VALUE, Values.literal("x"), G), "its own add");
            q.clear(G);
            assertEquals(false, q.contains(COUNTER, null, null, G), "its own clear");
            q.add(COUNTER, VALUE, Values.literal("y"), G);
            return null;
        });
        assertEquals(1L, (long) a.read(q -> q.size() - sizeOfMeta(q)));
        assertThrows(
                IllegalStateException.class,
                () -> a.write(q -> {
                    q.add(COUNTER, VALUE, Values.literal("z"), G);
                    throw new IllegalStateException("work fails");
                }));
        assertEquals(List.of("y"), values(a));
        StoreException refused = assertThrows(
                StoreException.class,
                () -> a.write(q -> {
                    q.remove(Values.getValueFactory().createStatement(Values.bnode(), VALUE, Values.literal("y"), G));
                    return null;
                }));
        assertTrue(refused.getMessage().contains("blank node"), refused.getMessage());
        assertEquals(List.of("y"), values(a));
    }

    @Test
    void nothingButATermReachesTheUpdateText() {
        a.write(q -> {
            q.add(COUNTER, VALUE, Values.literal("kept"), G);
            return null;
        });
        // Values no RDF4J parser would give, but a Jena model converted (JenaTerms) or another tool's
        // statements read back from the store can.
        org.eclipse.rdf4j.model.ValueFactory unchecked = org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance();
        for (org.eclipse.rdf4j.model.Value hostile : List.of(
                unchecked.createIRI("urn:x>} } ; DROP ALL ; INSERT DATA { GRAPH <urn:y> { <urn:a> <urn:b> <urn:c"),
                unchecked.createLiteral("x", "en } } ; DROP ALL ; #"),
                unchecked.createIRI("urn:with space"))) {
            StoreException refused = assertThrows(
                    StoreException.class,
                    () -> a.write(q -> {
                        q.add(COUNTER, VALUE, hostile, G);
                        return null;
                    }),
                    hostile.toString());
            assertTrue(refused.getMessage().contains("nothing was written"), refused.getMessage());
        }
        assertEquals(List.of("kept"), values(a), "the store as it was: no DROP ran");
    }

    private static long sizeOfMeta(org.chmexchange.store.internal.Quads q) {
        List<Statement> meta = new ArrayList<>();
        q.find(null, null, null, SparqlQuadStore.META, meta::add);
        return meta.size();
    }

    private static List<String> values(SparqlQuadStore store) {
        return store.read(q -> {
            List<String> v = new ArrayList<>();
            q.find(COUNTER, VALUE, null, G, st -> v.add(st.getObject().stringValue()));
            return v;
        });
    }
}
