package org.chmexchange.sparql;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.MalformedQueryException;
import org.eclipse.rdf4j.query.QueryEvaluationException;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.query.parser.ParsedQuery;
import org.eclipse.rdf4j.query.parser.ParsedTupleQuery;
import org.eclipse.rdf4j.query.parser.QueryParserUtil;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.memory.MemoryStore;

/**
 * One SELECT query run at several nodes' SPARQL endpoints at once, the answers together, each row
 * with the node it came from in {@code ?node}: SPARQL 1.1 Federated Query (the {@code SERVICE}
 * keyword, W3C Recommendation of 21 March 2013) evaluated by RDF4J's query engine. (RDF4J FedX,
 * {@code rdf4j-tools-federation}, is not served by this project's registry.)
 *
 * <p>The query is rewritten into one {@code SERVICE} per endpoint, the whole query as a subquery in
 * each, joined by {@code UNION}:
 *
 * <pre>{@code
 * PREFIX …                                   # the query's own prologue
 * SELECT * WHERE {
 *   { SERVICE <https://a.example.org/sparql> { SELECT … } BIND(<https://a.example.org/> AS ?node) }
 *   UNION
 *   { SERVICE <https://b.example.org/sparql> { SELECT … } BIND(<https://b.example.org/> AS ?node) }
 * }
 * }</pre>
 *
 * so the query means at each node what it means there: its {@code LIMIT}, {@code ORDER BY} and
 * aggregates apply per node (a {@code COUNT} gives one count per node), and the rows come node by
 * node, in the order the endpoints were given.
 *
 * <p>Thread-safety: the methods are stateless; each call opens its own engine.
 */
public final class FederatedQuery {

    /** The variable naming the node a row came from (its URL as given). */
    public static final String NODE = "node";

    /** The default largest number of rows of a federated answer. */
    public static final int DEFAULT_MAX_ROWS = 100_000;

    private FederatedQuery() {}

    /**
     * The SPARQL endpoint of a node or endpoint URL: a URL ending with {@code /} is a node's base,
     * whose endpoint is {@code {base}sparql} (node-server/API.md); any other is an endpoint as is.
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL
     */
    public static URI endpoint(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!url.isAbsolute() || url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalArgumentException("A node or SPARQL endpoint must be an absolute http(s) URL: " + url);
        }
        return url.toString().endsWith("/") ? URI.create(url + "sparql") : url;
    }

    /**
     * The federated form of {@code query} over {@code nodes} (node base URLs or endpoint URLs).
     *
     * @param silent whether a node that fails is skipped ({@code SERVICE SILENT}) instead of failing
     *     the whole query; it then gives one row with only {@code ?node} bound (SPARQL 1.1 Federated
     *     Query §4: a failed silent service is one empty solution), which says which node was skipped
     * @throws IllegalArgumentException if there is no node or a URL is not http(s)
     * @throws SparqlQueryException ({@link SparqlQueryException.Kind#SYNTAX}) if the query is not a
     *     valid SPARQL 1.1 SELECT, or it already has a variable {@code ?node}
     */
    public static String rewrite(List<URI> nodes, String query, boolean silent) {
        Objects.requireNonNull(query, "query");
        if (nodes == null || nodes.isEmpty()) {
            throw new IllegalArgumentException("A federated query needs at least one node");
        }
        Set<URI> distinct = new LinkedHashSet<>(nodes);
        ParsedQuery parsed;
        try {
            parsed = QueryParserUtil.parseQuery(QueryLanguage.SPARQL, query, null);
        } catch (MalformedQueryException e) {
            throw new SparqlQueryException(
                    SparqlQueryException.Kind.SYNTAX, "Not a valid SPARQL 1.1 query: " + e.getMessage(), e);
        }
        if (!(parsed instanceof ParsedTupleQuery tuple)) {
            throw new SparqlQueryException(
                    SparqlQueryException.Kind.SYNTAX, "A federated query must be a SELECT query", null);
        }
        if (tuple.getDataset() != null) {
            throw new SparqlQueryException(
                    SparqlQueryException.Kind.SYNTAX,
                    "A federated query runs at each node on its own data: it cannot name graphs with FROM or"
                            + " FROM NAMED (use GRAPH in the pattern)",
                    null);
        }
        if (tuple.getTupleExpr().getBindingNames().contains(NODE)) {
            throw new SparqlQueryException(
                    SparqlQueryException.Kind.SYNTAX,
                    "The query uses ?" + NODE + ", which names the node each row came from",
                    null);
        }
        String body = QueryParserUtil.removeSPARQLQueryProlog(query);
        String prologue = query.substring(0, query.length() - body.length());
        StringBuilder q = new StringBuilder(prologue).append("\nSELECT * WHERE {\n");
        boolean first = true;
        for (URI node : distinct) {
            if (!first) {
                q.append("  UNION\n");
            }
            first = false;
            q.append("  { SERVICE ")
                    .append(silent ? "SILENT " : "")
                    .append('<')
                    .append(endpoint(node))
                    .append("> {\n")
                    .append(body)
                    .append("\n  } BIND(<")
                    .append(node)
                    .append("> AS ?")
                    .append(NODE)
                    .append(") }\n");
        }
        return q.append("}\n").toString();
    }

    /** The default time limit of a federated query, in seconds: the SERVICE calls included. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    /**
     * {@link #select(List, String, boolean, int, int)} failing on any node's failure, {@value
     * #DEFAULT_MAX_ROWS} rows at most, in {@value #DEFAULT_TIMEOUT_SECONDS} s at most.
     */
    public static SparqlResult.Bindings select(List<URI> nodes, String query) {
        return select(nodes, query, false, DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * Runs {@code query} at every node and returns the rows of all, each with {@code ?node}.
     *
     * @param nodes node base URLs ({@code https://chm.example.org/}) or SPARQL endpoint URLs; not empty
     * @param silent whether a failing node is skipped instead of failing the query (it then gives one
     *     row with only {@code ?node}, as {@link #rewrite} says)
     * @param maxRows the most rows kept, at least 1
     * @param timeoutSeconds the time limit of the whole query, SERVICE calls included, at least 1; a
     *     node that does not answer in it fails the query (or, silent, is skipped)
     * @return the query's variables then {@code node}, and the rows, node by node
     * @throws IllegalArgumentException as {@link #rewrite} does
     * @throws SparqlQueryException as {@link #rewrite} does; {@link SparqlQueryException.Kind#TOO_MANY_RESULTS}
     *     past {@code maxRows} rows; {@link SparqlQueryException.Kind#REMOTE} if a node cannot be queried
     *     (unless silent) or its answer is not SPARQL results, the message naming the failure
     */
    public static SparqlResult.Bindings select(
            List<URI> nodes, String query, boolean silent, int maxRows, int timeoutSeconds) {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeoutSeconds must be at least 1: " + timeoutSeconds);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
        }
        String federated = rewrite(nodes, query, silent);
        ParsedTupleQuery parsed = (ParsedTupleQuery) QueryParserUtil.parseQuery(QueryLanguage.SPARQL, query, null);
        List<String> names = new ArrayList<>(parsed.getTupleExpr().getBindingNames());
        names.add(NODE);
        // An empty local store: the engine only joins what the SERVICE calls answer.
        SailRepository engine = new SailRepository(new MemoryStore());
        engine.init();
        try (RepositoryConnection con = engine.getConnection();
                TupleQueryResult result =
                        prepared(con, federated, timeoutSeconds).evaluate()) {
            List<BindingSet> rows = new ArrayList<>();
            for (BindingSet row : result) {
                if (rows.size() == maxRows) {
                    throw new SparqlQueryException(
                            SparqlQueryException.Kind.TOO_MANY_RESULTS,
                            "The federated answer has more than " + maxRows
                                    + " rows: add a LIMIT (it applies per node)",
                            null);
                }
                rows.add(row);
            }
            return new SparqlResult.Bindings(names, rows);
        } catch (MalformedQueryException e) {
            throw new SparqlQueryException(
                    SparqlQueryException.Kind.SYNTAX,
                    "The query cannot run as a subquery at each node: " + e.getMessage(),
                    e);
        } catch (QueryEvaluationException | org.eclipse.rdf4j.repository.RepositoryException e) {
            throw new SparqlQueryException(
                    SparqlQueryException.Kind.REMOTE, "The federated query failed: " + e.getMessage(), e);
        } finally {
            engine.shutDown();
        }
    }

    private static org.eclipse.rdf4j.query.TupleQuery prepared(
            RepositoryConnection con, String query, int timeoutSeconds) {
        org.eclipse.rdf4j.query.TupleQuery q = con.prepareTupleQuery(query);
        q.setMaxExecutionTime(timeoutSeconds);
        return q;
    }

    /** The node a row came from, as given to {@link #select}. */
    public static URI nodeOf(BindingSet row) {
        return URI.create(Objects.requireNonNull(row.getValue(NODE), "a federated row names its node")
                .stringValue());
    }
}
