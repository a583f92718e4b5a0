package org.chmexchange.benchmarks.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.chmexchange.benchmarks.crash.QuadEngine.Quad;

/**
 * The deterministic write workload of the crash trials: transaction {@code i} is a function of the
 * seed and {@code i} only, so the expected content after any transaction can be replayed. Each
 * transaction creates, updates (remove then add, with new literals) and deletes records, appends a
 * change entry with a new IRI, and moves the "last transaction" marker, like a record-store write.
 */
final class Workload {

    static final String GRAPH = "<urn:trial:graph>";
    static final String SYSTEM = "<urn:trial:system>";
    static final String LAST = "<urn:trial:last>";
    private static final String LAST_P = "<urn:trial:p:last>";

    private final long seed;
    private final int records;
    private final int maxOps;

    /**
     * @param records distinct record IRIs
     * @param maxOps the most records a transaction writes or deletes (each writes 1 to maxOps)
     */
    Workload(long seed, int records, int maxOps) {
        this.seed = seed;
        this.records = records;
        this.maxOps = maxOps;
    }

    /** One transaction of the workload. */
    record Txn(Set<String> removeSubjects, List<Quad> adds) {}

    Txn txn(long i) {
        Random rnd = new Random(seed * 1_000_003L + i);
        Set<String> remove = new LinkedHashSet<>();
        List<Quad> adds = new ArrayList<>();
        int ops = 1 + rnd.nextInt(maxOps);
        for (int k = 0; k < ops; k++) {
            String s = "<https://example.org/records/r" + rnd.nextInt(records) + ">";
            if (!remove.add(s)) {
                adds.removeIf(q -> q.s().equals(s));
            }
            if (rnd.nextInt(10) < 7) {
                adds.addAll(record(s, i, k));
            }
        }
        String change = "<urn:trial:change:" + i + ">";
        adds.add(new Quad(
                change, "<urn:trial:p:object>", "<https://example.org/records/r" + (i % records) + ">", SYSTEM));
        adds.add(new Quad(change, "<urn:trial:p:time>", "\"t" + i + "\"", SYSTEM));
        remove.add(LAST);
        adds.add(new Quad(LAST, LAST_P, "\"" + i + "\"", SYSTEM));
        return new Txn(remove, adds);
    }

    /** About a dozen statements, half with literals new in this transaction. */
    static List<Quad> record(String s, long i, int k) {
        List<Quad> quads = new ArrayList<>();
        quads.add(new Quad(s, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<urn:trial:Decision>", GRAPH));
        for (int j = 0; j < 6; j++) {
            quads.add(new Quad(
                    s,
                    "<urn:trial:p:title" + j + ">",
                    "\"title " + j + " of " + s + " version " + i + "." + k + "\"",
                    GRAPH));
        }
        for (int j = 0; j < 5; j++) {
            quads.add(new Quad(s, "<urn:trial:p:subject>", "<urn:trial:concept:" + ((i + j) % 50) + ">", GRAPH));
        }
        return quads;
    }

    /** The expected content after transactions 1..{@code last}. */
    Set<Quad> expectedAfter(long last) {
        Map<String, Set<Quad>> bySubject = new HashMap<>();
        for (long i = 1; i <= last; i++) {
            Txn t = txn(i);
            t.removeSubjects().forEach(bySubject::remove);
            for (Quad q : t.adds()) {
                bySubject.computeIfAbsent(q.s(), x -> new HashSet<>()).add(q);
            }
        }
        Set<Quad> all = new HashSet<>();
        bySubject.values().forEach(all::addAll);
        return all;
    }

    /** The last transaction recorded in a store's content, 0 if none. */
    static long lastIn(Set<Quad> content) {
        long last = 0;
        int markers = 0;
        for (Quad q : content) {
            if (q.s().equals(LAST) && q.p().equals(LAST_P)) {
                last = Long.parseLong(q.o().substring(1, q.o().length() - 1));
                markers++;
            }
        }
        if (markers > 1) {
            throw new IllegalStateException(markers + " last-transaction markers");
        }
        return last;
    }
}
