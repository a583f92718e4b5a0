package org.chmexchange.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.StoreException;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * The change log as RDF (docs/EXCHANGE.md): one Activity Streams 2.0 activity per change in the
 * named graph {@link #GRAPH}, with IRI {@code urn:chm-exchange:change:{sequence}}. Append-only.
 *
 * <p>The graph's own IRI is the log's head, an ordered collection: {@code as:totalItems} the
 * sequence number of its newest entry and {@code as:updated} that entry's time, rewritten by every
 * {@link #append} in the same transaction. A write reads the head to number its changes (one
 * look-up, whatever the log's length), which is what lets several processes share one store: the
 * number is read inside the write's transaction, not held in memory. A log written before the head
 * existed has none until its next append; {@link #head} then finds the newest entry by scanning.
 */
public final class ChangeLog {

    /** The named graph of the change log. */
    public static final IRI GRAPH = Values.iri("urn:chm-exchange:changes");

    private static final String PREFIX = "urn:chm-exchange:change:";

    private ChangeLog() {}

    /** The newest entry of a log: its sequence number (0 for an empty log) and time (null then). */
    public record Head(long sequence, Instant time) {}

    /**
     * Adds the statements of {@code entry} inside the caller's transaction and moves the head to it.
     * Entries are appended in sequence order.
     */
    public static void append(Quads q, ChangeEntry entry) {
        List<Statement> old = new ArrayList<>(2);
        q.find(GRAPH, Std.AS_TOTAL_ITEMS, null, GRAPH, old::add);
        q.find(GRAPH, Std.AS_UPDATED, null, GRAPH, old::add);
        old.forEach(q::remove);
        q.add(GRAPH, Std.AS_TOTAL_ITEMS, Values.literal(entry.sequence()), GRAPH);
        q.add(GRAPH, Std.AS_UPDATED, Values.literal(entry.time().toString(), XSD.DATETIME), GRAPH);
        IRI iri = Values.iri(PREFIX + entry.sequence());
        q.add(iri, RDF.TYPE, entry.kind().activityType(), GRAPH);
        q.add(iri, Std.AS_OBJECT, entry.record(), GRAPH);
        q.add(iri, Std.AS_END_TIME, Values.literal(entry.time().toString(), XSD.DATETIME), GRAPH);
        q.add(iri, CHM.recordClass, entry.type().rdfClass(), GRAPH);
        for (IRI t : entry.treaties()) {
            q.add(iri, CHM.treaty, t, GRAPH);
        }
        for (IRI c : entry.countries()) {
            q.add(iri, CHM.country, c, GRAPH);
        }
    }

    /**
     * The head of the log: its newest entry's sequence number and time, from the head statements (one
     * look-up); a log without them (written before they existed) is scanned.
     *
     * @throws StoreException if the head is malformed
     */
    public static Head head(Quads q) {
        Literal[] head = new Literal[2];
        q.find(GRAPH, null, null, GRAPH, st -> {
            if (st.getPredicate().equals(Std.AS_TOTAL_ITEMS) && st.getObject().isLiteral()) {
                head[0] = (Literal) st.getObject();
            } else if (st.getPredicate().equals(Std.AS_UPDATED)
                    && st.getObject().isLiteral()) {
                head[1] = (Literal) st.getObject();
            }
        });
        if (head[0] == null) {
            long max = scanMaxSequence(q);
            return new Head(max, max == 0 ? null : timeOf(q, max).orElse(null));
        }
        try {
            return new Head(
                    Long.parseLong(head[0].getLabel()), head[1] == null ? null : Instant.parse(head[1].getLabel()));
        } catch (RuntimeException e) {
            throw new StoreException(
                    "The head of the change log is malformed (" + head[0] + ", " + head[1]
                            + "): the store was written by another tool or is damaged (chm-node store check)",
                    e);
        }
    }

    /** The highest sequence number in the log, 0 when it is empty: {@link #head}'s. */
    public static long maxSequence(Quads q) {
        return head(q).sequence();
    }

    /** The highest sequence number of the entries themselves; reads every entry IRI once. */
    public static long scanMaxSequence(Quads q) {
        long[] max = {0};
        q.find(null, Std.AS_OBJECT, null, GRAPH, st -> max[0] = Math.max(max[0], sequenceOf(st.getSubject())));
        return max[0];
    }

    /**
     * The entries with sequence numbers {@code after + 1} to {@code upTo}, oldest first, read by their
     * IRIs in batches (the log has no gaps, so their IRIs are known): O(entries read), not O(log).
     *
     * @throws StoreException if an entry of the range is missing or incomplete
     */
    public static List<ChangeEntry> range(Quads q, long after, long upTo) {
        List<ChangeEntry> entries = new ArrayList<>();
        for (long from = after + 1; from <= upTo; from += RANGE_BATCH) {
            long to = Math.min(upTo, from + RANGE_BATCH - 1);
            List<Resource> iris = new ArrayList<>();
            for (long s = from; s <= to; s++) {
                iris.add(Values.iri(PREFIX + s));
            }
            Map<Resource, Builder> batch = new HashMap<>();
            q.findSubjects(iris, GRAPH, st -> batch.computeIfAbsent(st.getSubject(), s -> new Builder(sequenceOf(s)))
                    .accept(st));
            for (Resource iri : iris) {
                Builder b = batch.get(iri);
                if (b == null) {
                    throw new StoreException("The change log misses entry <" + iri + "> below its head " + upTo
                            + ": the store is damaged (chm-node store check)");
                }
                entries.add(b.build());
            }
        }
        return entries;
    }

    private static final int RANGE_BATCH = 200;

    /** When change {@code sequence} was made; empty if the log has no such entry. */
    public static java.util.Optional<java.time.Instant> timeOf(Quads q, long sequence) {
        java.time.Instant[] time = {null};
        q.find(
                Values.iri(PREFIX + sequence),
                Std.AS_END_TIME,
                null,
                GRAPH,
                st -> time[0] = java.time.Instant.parse(st.getObject().stringValue()));
        return java.util.Optional.ofNullable(time[0]);
    }

    /** Calls {@code sink} with every entry of the log, in no particular order. */
    public static void forEach(Quads q, Consumer<ChangeEntry> sink) {
        Map<Resource, Builder> entries = new HashMap<>();
        q.find(null, null, null, GRAPH, st -> {
            if (!st.getSubject().equals(GRAPH)) {
                entries.computeIfAbsent(st.getSubject(), s -> new Builder(sequenceOf(s)))
                        .accept(st);
            }
        });
        entries.values().forEach(b -> sink.accept(b.build()));
    }

    /**
     * The sequence number of an entry IRI.
     *
     * @throws StoreException if the subject is not an entry IRI of this log
     */
    private static long sequenceOf(Resource entry) {
        String s = entry == null ? null : entry.stringValue();
        if (s == null || !s.startsWith(PREFIX)) {
            throw new StoreException("The change log holds a statement about <" + s + ">, which is not a change-log"
                    + " entry: the store was written by another tool or is damaged (chm-node store check)");
        }
        try {
            return Long.parseLong(s.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new StoreException("The change log holds an entry with no sequence number: <" + s + ">", e);
        }
    }

    /** Problems of a change log given its sequence numbers: a gap or a duplicate. */
    public static List<String> sequenceProblems(List<Long> sequences) {
        List<String> problems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long max = 0;
        for (long s : sequences) {
            if (!seen.add(s)) {
                problems.add("the change log has sequence number " + s + " twice");
            }
            max = Math.max(max, s);
        }
        long missing = 0;
        long firstMissing = -1;
        for (long s = 1; s <= max; s++) {
            if (!seen.contains(s)) {
                missing++;
                if (firstMissing < 0) {
                    firstMissing = s;
                }
            }
        }
        if (missing > 0) {
            problems.add("the change log misses " + missing + " sequence number(s) below " + max + ", the first "
                    + firstMissing);
        }
        return problems;
    }

    /** Collects the statements of one entry. */
    private static final class Builder {
        private final long sequence;
        private ChangeKind kind;
        private IRI record;
        private RecordType type;
        private Instant time;
        private final Set<IRI> treaties = new LinkedHashSet<>();
        private final Set<IRI> countries = new LinkedHashSet<>();

        Builder(long sequence) {
            this.sequence = sequence;
        }

        void accept(Statement st) {
            IRI p = st.getPredicate();
            if (p.equals(RDF.TYPE) && st.getObject().isIRI()) {
                ChangeKind.of((IRI) st.getObject()).ifPresent(k -> kind = k);
            } else if (p.equals(Std.AS_OBJECT) && st.getObject().isIRI()) {
                record = (IRI) st.getObject();
            } else if (p.equals(Std.AS_END_TIME)) {
                time = Instant.parse(((Literal) st.getObject()).getLabel());
            } else if (p.equals(CHM.recordClass) && st.getObject().isIRI()) {
                type = RecordType.fromClass((IRI) st.getObject()).orElse(null);
            } else if (p.equals(CHM.treaty) && st.getObject().isIRI()) {
                treaties.add((IRI) st.getObject());
            } else if (p.equals(CHM.country) && st.getObject().isIRI()) {
                countries.add((IRI) st.getObject());
            }
        }

        ChangeEntry build() {
            if (kind == null || record == null || type == null || time == null) {
                throw new StoreException("Incomplete change-log entry " + sequence + " in <" + GRAPH + ">");
            }
            return new ChangeEntry(sequence, kind, record, type, time, treaties, countries);
        }
    }
}
