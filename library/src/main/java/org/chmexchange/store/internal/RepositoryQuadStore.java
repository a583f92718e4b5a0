package org.chmexchange.store.internal;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.chmexchange.store.StoreException;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryException;
import org.eclipse.rdf4j.repository.RepositoryResult;

/**
 * A quad store over an RDF4J {@link Repository} (a memory store in tests; a remote SPARQL store
 * later). Its crash safety is the repository's: the embedded default is {@link Tdb2QuadStore}.
 * Closing shuts the repository down.
 */
public final class RepositoryQuadStore implements QuadStore {

    private final Repository repository;

    /** Takes ownership of an initialised repository. */
    public RepositoryQuadStore(Repository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    @Override
    public <T> T read(Function<Quads, T> work) {
        try (RepositoryConnection con = repository.getConnection()) {
            return work.apply(new Access(con, false));
        } catch (RepositoryException e) {
            throw new StoreException("Cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T write(Function<Quads, T> work) {
        try (RepositoryConnection con = repository.getConnection()) {
            con.begin(IsolationLevels.READ_COMMITTED);
            try {
                T result = work.apply(new Access(con, true));
                con.commit();
                return result;
            } catch (RuntimeException | Error e) {
                if (con.isActive()) {
                    con.rollback();
                }
                throw e;
            }
        }
    }

    @Override
    public String describe() {
        return "RDF4J repository " + repository;
    }

    @Override
    public void close() {
        repository.shutDown();
    }

    private record Access(RepositoryConnection con, boolean writable) implements Quads {

        @Override
        public void find(Resource subject, IRI predicate, Value object, IRI graph, Consumer<Statement> sink) {
            try (RepositoryResult<Statement> sts = graph == null
                    ? con.getStatements(subject, predicate, object, false)
                    : con.getStatements(subject, predicate, object, false, graph)) {
                for (Statement st : sts) {
                    sink.accept(st);
                }
            }
        }

        @Override
        public Stream<Statement> stream(Resource subject, IRI predicate, Value object, IRI graph) {
            RepositoryResult<Statement> sts = graph == null
                    ? con.getStatements(subject, predicate, object, false)
                    : con.getStatements(subject, predicate, object, false, graph);
            return sts.stream().onClose(sts::close);
        }

        @Override
        public boolean contains(Resource subject, IRI predicate, Value object, IRI graph) {
            return graph == null
                    ? con.hasStatement(subject, predicate, object, false)
                    : con.hasStatement(subject, predicate, object, false, graph);
        }

        @Override
        public long size() {
            return con.size();
        }

        @Override
        public void add(Resource subject, IRI predicate, Value object, IRI graph) {
            checkWritable();
            con.add(subject, predicate, object, Objects.requireNonNull(graph, "graph"));
        }

        @Override
        public void remove(Statement statement) {
            checkWritable();
            con.remove(statement);
        }

        @Override
        public void clear(IRI graph) {
            checkWritable();
            con.clear(Objects.requireNonNull(graph, "graph"));
        }

        private void checkWritable() {
            if (!writable) {
                throw new IllegalStateException("A read transaction cannot write");
            }
        }
    }
}
