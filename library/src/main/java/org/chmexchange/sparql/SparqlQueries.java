package org.chmexchange.sparql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chmexchange.store.RecordStore;
import org.eclipse.rdf4j.common.iteration.CloseableIteration;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.MalformedQueryException;
import org.eclipse.rdf4j.query.QueryEvaluationException;
import org.eclipse.rdf4j.query.QueryInterruptedException;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.algebra.QueryRoot;
import org.eclipse.rdf4j.query.algebra.Service;
import org.eclipse.rdf4j.query.algebra.TupleExpr;
import org.eclipse.rdf4j.query.algebra.evaluation.federation.FederatedServiceResolver;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.DefaultEvaluationStrategy;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.EvaluationStatistics;
import org.eclipse.rdf4j.query.algebra.evaluation.optimizer.StandardQueryOptimizerPipeline;
import org.eclipse.rdf4j.query.algebra.helpers.AbstractSimpleQueryModelVisitor;
import org.eclipse.rdf4j.query.impl.EmptyBindingSet;
import org.eclipse.rdf4j.query.impl.SimpleDataset;
import org.eclipse.rdf4j.query.parser.ParsedBooleanQuery;
import org.eclipse.rdf4j.query.parser.ParsedGraphQuery;
import org.eclipse.rdf4j.query.parser.ParsedQuery;
import org.eclipse.rdf4j.query.parser.ParsedTupleQuery;
import org.eclipse.rdf4j.query.parser.QueryParserUtil;

/**
 * Evaluates SPARQL 1.1 queries (SELECT, ASK, CONSTRUCT, DESCRIBE) over a record store's public
 * statements with RDF4J's SPARQL parser and query engine, on one consistent snapshot per query.
 *
 * <ul>
 *   <li>The dataset: without one, the default graph is the union of every public graph (as in an
 *       RDF4J repository) and {@code GRAPH} ranges over the public named graphs: records under the
 *       graph of their source, reference data under its own. A dataset given by the protocol ({@code
 *       default-graph-uri}, {@code named-graph-uri}) replaces the query's {@code FROM} and {@code FROM
 *       NAMED} (SPARQL 1.1 Protocol, section 2.1.4). The store's own graphs (settings, change log,
 *       provenance) are never visible, whatever the query names.
 *   <li>Limits: the evaluation stops after the time limit ({@link SparqlQueryException.Kind#TIMEOUT}),
 *       and an answer of more rows (SELECT) or statements (CONSTRUCT, DESCRIBE) than the result limit
 *       is refused ({@link SparqlQueryException.Kind#TOO_MANY_RESULTS}) rather than cut: a client
 *       adds {@code LIMIT} and pages with {@code OFFSET}. The answer is complete in memory before it
 *       is returned, so a failure is known before any byte is sent.
 *   <li>Read-only: a SPARQL Update is refused ({@link SparqlQueryException.Kind#UPDATE}).
 * </ul>
 *
 * <pre>{@code
 * SparqlQueries sparql = new SparqlQueries(store, SparqlQueries.DEFAULT_TIMEOUT, SparqlQueries.DEFAULT_MAX_RESULTS);
 * SparqlResult r = sparql.evaluate("SELECT ?d WHERE { ?d a <https://w3id.org/chm-exchange/ns#Decision> }",
 *         "http://localhost:8080/sparql", List.of(), List.of());
 * }</pre>
 *
 * <p>Thread-safety: safe from any thread; queries run concurrently with each other and with writes.
 */
public final class SparqlQueries {

    /** The time limit of a query unless configured: 30 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** The result limit unless configured: 10,000 rows or statements. */
    public static final int DEFAULT_MAX_RESULTS = 10_000;

    private static final String SUBJECT = "subject";
    private static final String PREDICATE = "predicate";
    private static final String OBJECT = "object";

    private final RecordStore store;
    private final Duration timeout;
    private final int maxResults;

    /**
     * @param store the store to query; not null; the caller keeps owning it
     * @param timeout the time limit of one query (parsing excluded); positive
     * @param maxResults the most rows or statements an answer may have; at least 1
     * @throws IllegalArgumentException for a non-positive limit
     */
    public SparqlQueries(RecordStore store, Duration timeout, int maxResults) {
        this.store = Objects.requireNonNull(store, "store");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || maxResults < 1) {
            throw new IllegalArgumentException(
                    "The time limit and the result limit must be positive: " + timeout + ", " + maxResults);
        }
        this.maxResults = maxResults;
    }

    /** The time limit of one query. */
    public Duration timeout() {
        return timeout;
    }

    /** The most rows or statements an answer may have. */
    public int maxResults() {
        return maxResults;
    }

    /**
     * Parses and evaluates {@code query}.
     *
     * @param query the SPARQL 1.1 query text; not null
     * @param baseIri the IRI relative IRIs of the query resolve against (the endpoint's URL); not null
     * @param defaultGraphs the protocol's {@code default-graph-uri}s; not null, may be empty
     * @param namedGraphs the protocol's {@code named-graph-uri}s; not null, may be empty
     * @return the whole answer
     * @throws SparqlQueryException for a syntax error or an update (before evaluating), a query past
     *     the time limit, or an answer past the result limit
     * @throws org.chmexchange.store.StoreException if the store fails
     */
    public SparqlResult evaluate(String query, String baseIri, List<IRI> defaultGraphs, List<IRI> namedGraphs) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(baseIri, "baseIri");
        ParsedQuery parsed = parse(query, baseIri);
        refuseService(parsed.getTupleExpr());
        Dataset dataset = defaultGraphs.isEmpty() && namedGraphs.isEmpty()
                ? parsed.getDataset()
                : dataset(defaultGraphs, namedGraphs);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            return store.readPublic(statements -> {
                StoreTripleSource source = new StoreTripleSource(statements, deadline);
                EvaluationStatistics stats = new EvaluationStatistics();
                DefaultEvaluationStrategy strategy =
                        new DefaultEvaluationStrategy(source, dataset, NO_SERVICES, 0, stats);
                strategy.setOptimizerPipeline(new StandardQueryOptimizerPipeline(strategy, source, stats));
                TupleExpr expr = parsed.getTupleExpr().clone();
                if (!(expr instanceof QueryRoot)) {
                    expr = new QueryRoot(expr);
                }
                TupleExpr optimized = strategy.optimize(expr, stats, EmptyBindingSet.getInstance());
                try (CloseableIteration<BindingSet> it = strategy.evaluate(optimized, EmptyBindingSet.getInstance())) {
                    return collect(parsed, it, source);
                }
            });
        } catch (QueryInterruptedException e) {
            throw new SparqlQueryException(
                    SparqlQueryException.Kind.TIMEOUT,
                    "The query ran past the time limit of " + timeout.toSeconds() + " s and was stopped; narrow it"
                            + " (more specific patterns, LIMIT)",
                    e);
        } catch (QueryEvaluationException e) {
            if (e.getCause() instanceof QueryInterruptedException interrupted) {
                throw new SparqlQueryException(
                        SparqlQueryException.Kind.TIMEOUT,
                        "The query ran past the time limit of " + timeout.toSeconds() + " s and was stopped",
                        interrupted);
            }
            throw e;
        }
    }

    private SparqlResult collect(ParsedQuery parsed, CloseableIteration<BindingSet> it, StoreTripleSource source) {
        if (parsed instanceof ParsedBooleanQuery) {
            return new SparqlResult.Bool(it.hasNext());
        }
        if (parsed instanceof ParsedTupleQuery) {
            List<BindingSet> rows = new ArrayList<>();
            while (it.hasNext()) {
                rows.add(it.next());
                checkSize(rows.size(), "rows");
                source.checkDeadline();
            }
            return new SparqlResult.Bindings(
                    new ArrayList<>(parsed.getTupleExpr().getBindingNames()), rows);
        }
        ParsedGraphQuery graph = (ParsedGraphQuery) parsed;
        Model model = new LinkedHashModel();
        for (Map.Entry<String, String> ns : graph.getQueryNamespaces().entrySet()) {
            model.setNamespace(ns.getKey(), ns.getValue());
        }
        while (it.hasNext()) {
            BindingSet b = it.next();
            Value s = b.getValue(SUBJECT);
            Value p = b.getValue(PREDICATE);
            Value o = b.getValue(OBJECT);
            // A template whose bindings make no statement (a literal subject, an unbound term) adds
            // nothing (SPARQL 1.1 Query, section 16.2).
            if (s instanceof Resource subject && p instanceof IRI predicate && o != null) {
                model.add(subject, predicate, o);
                checkSize(model.size(), "statements");
            }
            source.checkDeadline();
        }
        return new SparqlResult.Graph(model);
    }

    private void checkSize(int size, String what) {
        if (size > maxResults) {
            throw new SparqlQueryException(
                    SparqlQueryException.Kind.TOO_MANY_RESULTS,
                    "The answer has more than " + maxResults + " " + what + ", this endpoint's result limit; add"
                            + " LIMIT (and OFFSET to page), or use the dumps for everything",
                    null);
        }
    }

    /** Refuses every {@code SERVICE} (the query is checked first; this is the second line). */
    private static final FederatedServiceResolver NO_SERVICES = serviceUrl -> {
        throw new QueryEvaluationException("SERVICE <" + serviceUrl + "> is not available on this endpoint");
    };

    private static void refuseService(TupleExpr expr) {
        boolean[] found = {false};
        expr.visit(new AbstractSimpleQueryModelVisitor<RuntimeException>() {
            @Override
            public void meet(Service node) {
                found[0] = true;
            }
        });
        if (found[0]) {
            throw new SparqlQueryException(
                    SparqlQueryException.Kind.SERVICE,
                    "SERVICE (SPARQL 1.1 Federated Query) is not available on this endpoint: it sends no request"
                            + " to an address a query names; federate from your side (chm-node query --federate)",
                    null);
        }
    }

    private static ParsedQuery parse(String query, String baseIri) {
        try {
            return QueryParserUtil.parseQuery(QueryLanguage.SPARQL, query, baseIri);
        } catch (MalformedQueryException e) {
            if (isUpdate(query, baseIri)) {
                throw new SparqlQueryException(
                        SparqlQueryException.Kind.UPDATE,
                        "This is a SPARQL Update; the endpoint is read-only (records are written through the"
                                + " publishing API)",
                        e);
            }
            throw new SparqlQueryException(
                    SparqlQueryException.Kind.SYNTAX, "Not a SPARQL 1.1 query: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // The parser's answer to an update given as a query, in some RDF4J versions.
            throw new SparqlQueryException(SparqlQueryException.Kind.SYNTAX, "Not a query: " + e.getMessage(), e);
        }
    }

    private static boolean isUpdate(String text, String baseIri) {
        try {
            QueryParserUtil.parseUpdate(QueryLanguage.SPARQL, text, baseIri);
            return true;
        } catch (MalformedQueryException e) {
            return false;
        }
    }

    private static Dataset dataset(List<IRI> defaultGraphs, List<IRI> namedGraphs) {
        SimpleDataset dataset = new SimpleDataset();
        defaultGraphs.forEach(dataset::addDefaultGraph);
        namedGraphs.forEach(dataset::addNamedGraph);
        return dataset;
    }
}
