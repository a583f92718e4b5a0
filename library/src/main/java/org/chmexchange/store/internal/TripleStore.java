package org.chmexchange.store.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.StoreException;
import org.eclipse.rdf4j.common.iteration.CloseableIteration;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryException;
import org.eclipse.rdf4j.repository.RepositoryResult;

/**
 * Record-level operations on an RDF4J {@link Repository}: read, replace and delete records (a
 * record and its {@code #fragment} resources), replace whole named graphs, and keep small settings
 * in a system graph. Works on any repository (embedded LMDB, memory, remote SPARQL).
 *
 * <p>Thread-safety: safe for concurrent reads; callers serialise writes.
 */
public final class TripleStore {

    /** Named graph of the store's own settings; never exposed as data. */
    public static final IRI SYSTEM_GRAPH = Values.iri("urn:chm-exchange:system");

    private static final String SETTING_PREFIX = "urn:chm-exchange:setting:";

    private final Repository repository;

    public TripleStore(Repository repository) {
        this.repository = repository;
    }

    public Repository repository() {
        return repository;
    }

    /** The statements of a record (any graph), or empty if the store has no such record. */
    public Optional<Model> get(IRI record) {
        try (RepositoryConnection con = repository.getConnection()) {
            Model model = readRecord(con, record);
            return model.contains(record, RDF.TYPE, null) ? Optional.of(model) : Optional.empty();
        } catch (RepositoryException e) {
            throw new StoreException("Cannot read record <" + record + ">", e);
        }
    }

    /** A unit of work inside one transaction. */
    public interface Work<T> {
        T run(RepositoryConnection con);
    }

    /**
     * Runs {@code work} in one transaction: everything or nothing is committed.
     *
     * @throws StoreException if the work or the commit fails; the transaction is rolled back
     */
    public <T> T inTransaction(String what, Work<T> work) {
        try (RepositoryConnection con = repository.getConnection()) {
            con.begin(IsolationLevels.READ_COMMITTED);
            try {
                T result = work.run(con);
                con.commit();
                return result;
            } catch (RuntimeException e) {
                if (con.isActive()) {
                    con.rollback();
                }
                throw e instanceof StoreException se
                        ? se
                        : new StoreException(what + " failed; nothing was written", e);
            }
        } catch (RepositoryException e) {
            throw new StoreException(what + " failed; nothing was written", e);
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
        String g = graph.stringValue();
        return !g.startsWith("urn:chm-exchange:") && !g.startsWith(RecordGraphs.VOCABULARY_NAMESPACE);
    }

    /** Reads a record inside a connection, from every record graph, without graph names. */
    public static Model readRecord(RepositoryConnection con, IRI record) {
        Model model = new LinkedHashModel();
        for (Statement st : recordStatements(con, record)) {
            model.add(st.getSubject(), st.getPredicate(), st.getObject());
        }
        return model;
    }

    /** The statements of a record and its nested resources, with their graphs. */
    private static List<Statement> recordStatements(RepositoryConnection con, IRI record) {
        List<Statement> statements = new ArrayList<>();
        Set<Resource> nested = new LinkedHashSet<>();
        try (RepositoryResult<Statement> sts = con.getStatements(record, null, null, false)) {
            for (Statement st : sts) {
                if (isRecordGraph(st.getContext())) {
                    statements.add(st);
                    if (st.getObject().isIRI() && RecordGraphs.belongsTo((IRI) st.getObject(), record)) {
                        nested.add((IRI) st.getObject());
                    }
                }
            }
        }
        for (Resource n : nested) {
            try (RepositoryResult<Statement> sts = con.getStatements(n, null, null, false)) {
                for (Statement st : sts) {
                    if (isRecordGraph(st.getContext())) {
                        statements.add(st);
                    }
                }
            }
        }
        return statements;
    }

    /** The graph holding a record (that of its record-class statement), if the store has the record. */
    public static Optional<IRI> graphOf(RepositoryConnection con, IRI record) {
        try (RepositoryResult<Statement> sts = con.getStatements(record, RDF.TYPE, null, false)) {
            for (Statement st : sts) {
                if (st.getObject().isIRI()
                        && RecordType.fromClass((IRI) st.getObject()).isPresent()
                        && isRecordGraph(st.getContext())
                        && st.getContext() instanceof IRI graph) {
                    return Optional.of(graph);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Removes a record (and its nested resources) from every record graph; the store's own graphs
     * and the reference graphs are never touched.
     *
     * @return true if the record existed
     */
    public static boolean removeRecord(RepositoryConnection con, IRI record) {
        List<Statement> statements = recordStatements(con, record);
        if (statements.isEmpty()) {
            return false;
        }
        con.remove(statements);
        return statements.stream()
                .anyMatch(st ->
                        st.getSubject().equals(record) && st.getPredicate().equals(RDF.TYPE));
    }

    /** The IRIs of the records (subjects typed with a record class) of a named graph. */
    public Set<IRI> recordsIn(IRI graph) {
        Set<IRI> records = new LinkedHashSet<>();
        try (RepositoryConnection con = repository.getConnection()) {
            for (RecordType type : RecordType.values()) {
                try (RepositoryResult<Statement> sts =
                        con.getStatements(null, RDF.TYPE, type.rdfClass(), false, graph)) {
                    for (Statement st : sts) {
                        if (st.getSubject().isIRI()) {
                            records.add((IRI) st.getSubject());
                        }
                    }
                }
            }
        } catch (RepositoryException e) {
            throw new StoreException("Cannot list the records of graph <" + graph + ">", e);
        }
        return records;
    }

    /** The content of a named graph (empty if the store has none). */
    public Model graph(IRI graph) {
        try (RepositoryConnection con = repository.getConnection()) {
            Model model = new LinkedHashModel();
            try (RepositoryResult<Statement> sts = con.getStatements(null, null, null, false, graph)) {
                for (Statement st : sts) {
                    model.add(st.getSubject(), st.getPredicate(), st.getObject());
                }
            }
            return model;
        } catch (RepositoryException e) {
            throw new StoreException("Cannot read graph <" + graph + ">", e);
        }
    }

    /** Replaces the content of a named graph. */
    public static void replaceGraph(RepositoryConnection con, IRI graph, Model content) {
        con.clear(graph);
        con.add(content, graph);
    }

    /** A setting of the system graph, or empty. */
    public Optional<String> setting(String key) {
        try (RepositoryConnection con = repository.getConnection()) {
            return settingIn(con, key);
        }
    }

    public static Optional<String> settingIn(RepositoryConnection con, String key) {
        try (RepositoryResult<Statement> sts =
                con.getStatements(SYSTEM_GRAPH, settingIri(key), null, false, SYSTEM_GRAPH)) {
            for (Statement st : sts) {
                return Optional.of(st.getObject().stringValue());
            }
        }
        return Optional.empty();
    }

    /** Sets a setting of the system graph inside a transaction. */
    public static void setSetting(RepositoryConnection con, String key, String value) {
        IRI p = settingIri(key);
        con.remove(SYSTEM_GRAPH, p, null, SYSTEM_GRAPH);
        Literal v = Values.literal(value);
        con.add(SYSTEM_GRAPH, p, v, SYSTEM_GRAPH);
    }

    /**
     * Calls {@code sink} with the IRI of every record in the store, in no particular order.
     *
     * @throws StoreException if the store cannot be read
     */
    public void forEachRecord(Consumer<IRI> sink) {
        try (RepositoryConnection con = repository.getConnection()) {
            for (RecordType type : RecordType.values()) {
                List<IRI> batch = new ArrayList<>();
                try (CloseableIteration<Statement> sts = con.getStatements(null, RDF.TYPE, type.rdfClass(), false)) {
                    while (sts.hasNext()) {
                        Resource s = sts.next().getSubject();
                        if (s.isIRI()) {
                            batch.add((IRI) s);
                        }
                    }
                }
                batch.forEach(sink);
            }
        } catch (RepositoryException e) {
            throw new StoreException("Cannot list the records of the store", e);
        }
    }

    private static IRI settingIri(String key) {
        return Values.iri(SETTING_PREFIX + key);
    }
}
