package org.chmexchange.harvest.sparql;

import java.util.Set;
import okhttp3.HttpUrl;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestProtocol;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.harvest.HarvesterFactory;

/**
 * Protocol {@code sparql}: the records of any SPARQL 1.1 endpoint (Fuseki, GraphDB, Virtuoso,
 * RDF4J Server...), read type by type ({@code chm:Treaty} to {@code chm:Organization}, in the
 * order of {@link org.chmexchange.model.RecordType}) with keyset paging on {@code STR(?s)}: per
 * page one {@code SELECT} of record IRIs and one {@code CONSTRUCT} of those records and their
 * nested {@code #fragment} resources, committed as one page. All requests go through the shared
 * HTTP client of the {@link HarvestContext} (SPARQL 1.1 Protocol: GET, or a form POST for long
 * queries), so retries, rate limits and authentication apply to them.
 *
 * <p>Deletions: a run that starts from the beginning (no saved position) ends with a page that
 * deletes the records of this source the run did not see. A run resumed from a saved position
 * cannot know what the interrupted run saw, so it skips that sweep; the next full run does it.
 * The IRIs seen are kept in memory (about 200 bytes a record).
 *
 * <p>Options (all optional; an unknown option is an error):
 * <ul>
 *   <li>{@code pageSize}: records per page, {@value #MIN_PAGE_SIZE} to {@value #MAX_PAGE_SIZE};
 *       default {@value #DEFAULT_PAGE_SIZE};
 *   <li>{@code graph}: an absolute IRI sent as the protocol's {@code default-graph-uri} (harvest
 *       one graph of a store that keeps several).
 * </ul>
 *
 * <p>State keys, present only while a run is unfinished: {@value #TYPE} (the slug of the record
 * type being read, {@code treaty} ... {@code organization}) and {@value #LAST} (the {@code STR} of
 * the last record IRI committed for that type). A finished run leaves the state empty, so the next
 * run reads everything again (a SPARQL endpoint has no change feed).
 *
 * <pre>{@code
 * HarvestSource source = new HarvestSource("informea-sparql", "sparql",
 *         URI.create("https://sparql.example.org/chm/query"), Map.of("pageSize", "200"));
 * }</pre>
 *
 * <p>Thread-safety: stateless; harvesters it creates are used by one run at a time.
 */
public final class SparqlHarvesterFactory implements HarvesterFactory {

    /** The descriptor. */
    public static final HarvestProtocol PROTOCOL =
            new HarvestProtocol("sparql", "Any SPARQL 1.1 endpoint, record type by type with keyset paging");

    /** Option: records per page. */
    public static final String PAGE_SIZE = "pageSize";

    /** Option: the {@code default-graph-uri} of every request. */
    public static final String GRAPH = "graph";

    /** Default records per page: 500. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    /** Smallest page size: 1. */
    public static final int MIN_PAGE_SIZE = 1;

    /** Largest page size: 10 000 (a CONSTRUCT names every record of a page). */
    public static final int MAX_PAGE_SIZE = 10_000;

    /** State key: the slug of the record type being read. */
    public static final String TYPE = "type";

    /** State key: the key ({@code STR} of the IRI) of the last record committed for {@link #TYPE}. */
    public static final String LAST = "last";

    private static final Set<String> OPTIONS = Set.of(PAGE_SIZE, GRAPH);

    @Override
    public HarvestProtocol protocol() {
        return PROTOCOL;
    }

    /**
     * @throws IllegalArgumentException if an option is unknown or invalid
     */
    @Override
    public Harvester create(HarvestSource source, HarvestContext context) {
        source.requireKnownOptions(OPTIONS);
        HttpUrl endpoint = HttpUrl.get(source.url());
        String graph = source.options().get(GRAPH);
        if (graph != null && !SparqlQueries.isWritableIri(graph)) {
            throw new IllegalArgumentException(
                    "Source " + source.name() + ": option graph is not an absolute IRI: '" + graph + "'");
        }
        return new SparqlHarvester(source, context, endpoint, graph, pageSize(source));
    }

    private static int pageSize(HarvestSource source) {
        return (int) source.wholeNumberOption(PAGE_SIZE, DEFAULT_PAGE_SIZE, MIN_PAGE_SIZE, MAX_PAGE_SIZE);
    }
}
