package org.chmexchange.sparql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.chmexchange.store.PublicStatements;
import org.eclipse.rdf4j.common.iteration.CloseableIteration;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.QueryEvaluationException;
import org.eclipse.rdf4j.query.QueryInterruptedException;
import org.eclipse.rdf4j.query.algebra.evaluation.TripleSource;

/**
 * RDF4J's view of the store's public statements for its query engine. No context means every public
 * graph (RDF4J's default graph is their union); a null context is the default graph, which the store
 * leaves empty; every pull checks the deadline, so a query that runs past it stops. Not
 * thread-safe: one per evaluation, inside {@link org.chmexchange.store.RecordStore#readPublic}.
 */
final class StoreTripleSource implements TripleSource {

    private final PublicStatements statements;
    private final long deadline;

    /** @param deadline {@link System#nanoTime()} after which every pull throws */
    StoreTripleSource(PublicStatements statements, long deadline) {
        this.statements = statements;
        this.deadline = deadline;
    }

    @Override
    public CloseableIteration<? extends Statement> getStatements(
            Resource subject, IRI predicate, Value object, Resource... contexts) throws QueryEvaluationException {
        checkDeadline();
        Stream<Statement> stream;
        if (contexts == null || contexts.length == 0) {
            stream = statements.find(subject, predicate, object, null);
        } else {
            List<Stream<Statement>> parts = new ArrayList<>();
            for (Resource graph : contexts) {
                if (graph != null) {
                    parts.add(statements.find(subject, predicate, object, graph));
                }
            }
            stream = parts.stream().reduce(Stream.empty(), Stream::concat);
        }
        return new Pull(stream);
    }

    @Override
    public ValueFactory getValueFactory() {
        return SimpleValueFactory.getInstance();
    }

    void checkDeadline() {
        if (System.nanoTime() - deadline > 0) {
            throw new QueryInterruptedException("The query ran past its time limit");
        }
    }

    /** A stream pulled one statement at a time, closed with the iteration. */
    private final class Pull implements CloseableIteration<Statement> {
        private final Stream<Statement> stream;
        private final Iterator<Statement> it;

        Pull(Stream<Statement> stream) {
            this.stream = stream;
            this.it = stream.iterator();
        }

        @Override
        public boolean hasNext() {
            checkDeadline();
            return it.hasNext();
        }

        @Override
        public Statement next() {
            return it.next();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
