package org.chmexchange.sparql;

import java.util.List;
import java.util.Objects;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.query.BindingSet;

/**
 * The whole answer of a query, held in memory (at most the result limit of {@link SparqlQueries}):
 * rows for SELECT, a boolean for ASK, statements for CONSTRUCT and DESCRIBE. Immutable once built;
 * safe to share.
 */
public sealed interface SparqlResult {

    /**
     * The rows of a SELECT query.
     *
     * @param names the projected variables, in the query's order; not null
     * @param rows the solutions, in the evaluation's order (the query's ORDER BY if any); not null
     */
    record Bindings(List<String> names, List<BindingSet> rows) implements SparqlResult {
        public Bindings {
            names = List.copyOf(Objects.requireNonNull(names, "names"));
            rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        }
    }

    /** The answer of an ASK query. */
    record Bool(boolean value) implements SparqlResult {}

    /**
     * The statements of a CONSTRUCT or DESCRIBE query, without graph names, with the query's
     * prefixes as namespaces.
     *
     * @param statements not null; the caller must not modify it
     */
    record Graph(Model statements) implements SparqlResult {
        public Graph {
            Objects.requireNonNull(statements, "statements");
        }
    }
}
