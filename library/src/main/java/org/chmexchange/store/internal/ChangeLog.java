package org.chmexchange.store.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryResult;

/**
 * The change log as RDF (docs/EXCHANGE.md): one Activity Streams 2.0 activity per change in the
 * named graph {@link #GRAPH}, with IRI {@code urn:chm-exchange:change:{sequence}}. Append-only.
 */
public final class ChangeLog {

    /** The named graph of the change log. */
    public static final IRI GRAPH = Values.iri("urn:chm-exchange:changes");

    private static final String PREFIX = "urn:chm-exchange:change:";

    private ChangeLog() {}

    /** Adds the statements of {@code entry} inside the caller's transaction. */
    public static void append(RepositoryConnection con, ChangeEntry entry) {
        IRI iri = Values.iri(PREFIX + entry.sequence());
        con.add(iri, RDF.TYPE, entry.kind().activityType(), GRAPH);
        con.add(iri, Std.AS_OBJECT, entry.record(), GRAPH);
        con.add(iri, Std.AS_END_TIME, Values.literal(entry.time().toString(), XSD.DATETIME), GRAPH);
        con.add(iri, CHM.recordClass, entry.type().rdfClass(), GRAPH);
        for (IRI t : entry.treaties()) {
            con.add(iri, CHM.treaty, t, GRAPH);
        }
        for (IRI c : entry.countries()) {
            con.add(iri, CHM.country, c, GRAPH);
        }
    }

    /** The highest sequence number in the log, 0 when it is empty. Reads every entry IRI once. */
    public static long maxSequence(RepositoryConnection con) {
        long max = 0;
        try (RepositoryResult<Statement> sts = con.getStatements(null, Std.AS_OBJECT, null, false, GRAPH)) {
            for (Statement st : sts) {
                max = Math.max(max, sequenceOf(st.getSubject()));
            }
        }
        return max;
    }

    /** Calls {@code sink} with every entry of the log, in no particular order. */
    public static void forEach(RepositoryConnection con, Consumer<ChangeEntry> sink) {
        Map<Resource, Builder> entries = new HashMap<>();
        try (RepositoryResult<Statement> sts = con.getStatements(null, null, null, false, GRAPH)) {
            for (Statement st : sts) {
                entries.computeIfAbsent(st.getSubject(), s -> new Builder(sequenceOf(s)))
                        .accept(st);
            }
        }
        entries.values().forEach(b -> sink.accept(b.build()));
    }

    private static long sequenceOf(Resource entry) {
        String s = entry.stringValue();
        if (!s.startsWith(PREFIX)) {
            throw new StoreException("Not a change-log entry: <" + s + ">");
        }
        return Long.parseLong(s.substring(PREFIX.length()));
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
