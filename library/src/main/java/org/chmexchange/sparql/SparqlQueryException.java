package org.chmexchange.sparql;

import org.chmexchange.ChmException;

/**
 * A query that {@link SparqlQueries} refuses or cannot finish; {@link #kind()} says why, the message
 * says it for people (a syntax error carries the parser's message, with line and column).
 */
public final class SparqlQueryException extends ChmException {

    private static final long serialVersionUID = 1L;

    /** Why a query failed. */
    public enum Kind {
        /** Not a SPARQL 1.1 query: the parser's message says where (SPARQL 1.1 Protocol: 400). */
        SYNTAX,
        /** A SPARQL Update: the endpoint is read-only. */
        UPDATE,
        /**
         * A query with {@code SERVICE} (SPARQL 1.1 Federated Query): a public endpoint does not send
         * requests to addresses its clients choose.
         */
        SERVICE,
        /** The evaluation ran past the time limit and was stopped. */
        TIMEOUT,
        /** The answer has more results (rows or statements) than the result limit. */
        TOO_MANY_RESULTS,
        /** A node of a federated query could not be queried, or its answer was not SPARQL results. */
        REMOTE
    }

    private final Kind kind;

    public SparqlQueryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Why the query failed; never null. */
    public Kind kind() {
        return kind;
    }
}
