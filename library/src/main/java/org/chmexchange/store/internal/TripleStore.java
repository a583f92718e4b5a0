package org.chmexchange.store.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.StoreException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * Record-level operations on a {@link QuadStore}: read, replace and delete records (a record and its
 * {@code #fragment} resources), replace whole named graphs, and keep small settings in a system
 * graph. Works on any quad store (embedded TDB2, an RDF4J repository).
 *
 * <p>Thread-safety: safe for concurrent reads; callers serialise writes.
 */
public final class TripleStore {

    /** Named graph of the store's own settings; never exposed as data. */
    public static final IRI SYSTEM_GRAPH = Values.iri("urn:chm-exchange:system");

    private static final String SETTING_PREFIX = "urn:chm-exchange:setting:";
    /** The prefix of the store's own graphs: settings, change log, provenance. */
    private static final String STORE_GRAPHS = "urn:chm-exchange:";

    private final QuadStore quads;

    public TripleStore(QuadStore quads) {
        this.quads = quads;
    }

    public QuadStore quads() {
        return quads;
    }

    /** The statements of a record (any graph), or empty if the store has no such record. */
    public Optional<Model> get(IRI record) {
        Model model = read("Reading record <" + record + ">", q -> readRecord(q, record));
        return model.contains(record, RDF.TYPE, null) ? Optional.of(model) : Optional.empty();
    }

    /**
     * Runs {@code work} in a read transaction.
     *
     * @throws StoreException naming {@code what} if the store fails
     */
    public <T> T read(String what, Function<Quads, T> work) {
        try {
            return quads.read(work);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException(what + " failed (" + quads.describe() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one write transaction: everything or nothing is committed.
     *
     * @throws StoreException if the work or the commit fails; nothing was written
     */
    public <T> T inTransaction(String what, Function<Quads, T> work) {
        try {
            return quads.write(work);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException(what + " failed; nothing was written (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Whether statements in {@code graph} may belong to records: every graph but the store's own
     * (settings, change log, provenance: {@code urn:chm-exchange:*}) and the reference graphs of
     * the vocabularies.
     */
    public static boolean isRecordGraph(Resource graph) {
        if (graph == null) {
            return true;
        }
        return !isStoreGraph(graph) && !graph.stringValue().startsWith(RecordGraphs.VOCABULARY_NAMESPACE);
    }

    /** Whether {@code graph} is one of the store's own ({@code urn:chm-exchange:*}), never public. */
    public static boolean isStoreGraph(Resource graph) {
        return graph != null && graph.stringValue().startsWith(STORE_GRAPHS);
    }

    /** Reads a record inside a transaction, from every record graph, without graph names. */
    public static Model readRecord(Quads q, IRI record) {
        Model model = new LinkedHashModel();
        for (Statement st : recordStatements(q, record)) {
            model.add(st.getSubject(), st.getPredicate(), st.getObject());
        }
        return model;
    }

    /** The statements of a record and its nested resources, with their graphs. */
    private static List<Statement> recordStatements(Quads q, IRI record) {
        List<Statement> statements = new ArrayList<>();
        // The nested resources are the record's #fragment IRIs (RecordGraphs.belongsTo), in record graphs.
        Set<Resource> nested = new LinkedHashSet<>();
        List<Statement> fragments = new ArrayList<>();
        q.findWithFragments(List.of(record), st -> {
            if (!isRecordGraph(st.getContext())) {
                return;
            }
            if (st.getSubject().equals(record)) {
                statements.add(st);
                if (st.getObject().isIRI() && RecordGraphs.belongsTo((IRI) st.getObject(), record)) {
                    nested.add((IRI) st.getObject());
                }
            } else {
                fragments.add(st);
            }
        });
        for (Statement st : fragments) {
            if (nested.contains(st.getSubject())) { // linked from a record graph, not only from elsewhere
                statements.add(st);
            }
        }
        return statements;
    }

    /**
     * Reads several records in one read transaction ({@link #readRecords}): the records the store
     * has, keyed by IRI, without graph names.
     */
    public Map<IRI, Model> getAll(java.util.Collection<IRI> records) {
        return read("Reading " + records.size() + " records", q -> readRecords(q, records));
    }

    /**
     * Reads several records inside a transaction by batched look-ups ({@link Quads#findWithFragments}:
     * each record with its nested resources, in one request on a remote store): the records the store
     * has, keyed by IRI, without graph names.
     */
    public static Map<IRI, Model> readRecords(Quads q, java.util.Collection<IRI> records) {
        Set<IRI> wanted = new java.util.HashSet<>(records);
        Map<IRI, Model> models = new LinkedHashMap<>();
        Map<Resource, IRI> nested = new HashMap<>();
        List<Statement> fragments = new ArrayList<>();
        q.findWithFragments(records, st -> {
            if (!isRecordGraph(st.getContext())) {
                return;
            }
            if (st.getSubject() instanceof IRI record && wanted.contains(record)) {
                models.computeIfAbsent(record, r -> new LinkedHashModel())
                        .add(st.getSubject(), st.getPredicate(), st.getObject());
                if (st.getObject().isIRI() && RecordGraphs.belongsTo((IRI) st.getObject(), record)) {
                    nested.put((IRI) st.getObject(), record);
                }
            } else {
                fragments.add(st);
            }
        });
        for (Statement st : fragments) {
            IRI owner = nested.get(st.getSubject());
            if (owner != null) { // linked from its record in a record graph
                models.get(owner).add(st.getSubject(), st.getPredicate(), st.getObject());
            }
        }
        models.entrySet().removeIf(e -> !e.getValue().contains(e.getKey(), RDF.TYPE, null));
        return models;
    }

    /** The graph holding a record (that of its record-class statement), if the store has the record. */
    public static Optional<IRI> graphOf(Quads q, IRI record) {
        List<IRI> graphs = new ArrayList<>(1);
        q.find(record, RDF.TYPE, null, null, st -> {
            if (st.getObject().isIRI()
                    && RecordType.fromClass((IRI) st.getObject()).isPresent()
                    && isRecordGraph(st.getContext())
                    && st.getContext() instanceof IRI graph) {
                graphs.add(graph);
            }
        });
        return graphs.stream().findFirst();
    }

    /**
     * Removes a record (and its nested resources) from every record graph; the store's own graphs
     * and the reference graphs are never touched.
     *
     * @return true if the record existed
     */
    public static boolean removeRecord(Quads q, IRI record) {
        List<Statement> statements = recordStatements(q, record);
        if (statements.isEmpty()) {
            return false;
        }
        statements.forEach(q::remove);
        return statements.stream()
                .anyMatch(st ->
                        st.getSubject().equals(record) && st.getPredicate().equals(RDF.TYPE));
    }

    /** Adds the statements of {@code content} to {@code graph}. */
    public static void addAll(Quads q, Model content, IRI graph) {
        for (Statement st : content) {
            q.add(st.getSubject(), st.getPredicate(), st.getObject(), graph);
        }
    }

    /** Gives {@code action} every record (subject typed with a record class) of a named graph, in one read. */
    public void forEachRecordIn(IRI graph, Consumer<? super IRI> action) {
        read("Listing the records of graph <" + graph + ">", q -> {
            for (RecordType type : RecordType.values()) {
                q.find(null, RDF.TYPE, type.rdfClass(), graph, st -> {
                    if (st.getSubject().isIRI()) {
                        action.accept((IRI) st.getSubject());
                    }
                });
            }
            return null;
        });
    }

    /** The content of a named graph (empty if the store has none). */
    public Model graph(IRI graph) {
        return read("Reading graph <" + graph + ">", q -> {
            Model model = new LinkedHashModel();
            q.find(null, null, null, graph, st -> model.add(st.getSubject(), st.getPredicate(), st.getObject()));
            return model;
        });
    }

    /** Replaces the content of a named graph. */
    public static void replaceGraph(Quads q, IRI graph, Model content) {
        q.clear(graph);
        addAll(q, content, graph);
    }

    /** A setting of the system graph, or empty. */
    public Optional<String> setting(String key) {
        return read("Reading setting " + key, q -> settingIn(q, key));
    }

    public static Optional<String> settingIn(Quads q, String key) {
        List<String> values = new ArrayList<>(1);
        q.find(
                SYSTEM_GRAPH,
                settingIri(key),
                null,
                SYSTEM_GRAPH,
                st -> values.add(st.getObject().stringValue()));
        return values.stream().findFirst();
    }

    /** Sets a setting of the system graph inside a transaction. */
    public static void setSetting(Quads q, String key, String value) {
        IRI p = settingIri(key);
        List<Statement> old = new ArrayList<>(1);
        q.find(SYSTEM_GRAPH, p, null, SYSTEM_GRAPH, old::add);
        old.forEach(q::remove);
        q.add(SYSTEM_GRAPH, p, Values.literal(value), SYSTEM_GRAPH);
    }

    /**
     * Calls {@code sink} with the IRI of every record in the store, in no particular order.
     *
     * @throws StoreException if the store cannot be read
     */
    public void forEachRecord(Consumer<IRI> sink) {
        List<IRI> all = read("Listing the records of the store", q -> {
            List<IRI> batch = new ArrayList<>();
            for (RecordType type : RecordType.values()) {
                q.find(null, RDF.TYPE, type.rdfClass(), null, st -> {
                    if (st.getSubject().isIRI() && isRecordGraph(st.getContext())) {
                        batch.add((IRI) st.getSubject());
                    }
                });
            }
            return batch;
        });
        all.forEach(sink);
    }

    private static IRI settingIri(String key) {
        return Values.iri(SETTING_PREFIX + key);
    }
}
