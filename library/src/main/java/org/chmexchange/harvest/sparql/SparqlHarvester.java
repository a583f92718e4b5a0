package org.chmexchange.harvest.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestException;
import org.chmexchange.harvest.HarvestPage;
import org.chmexchange.harvest.HarvestSink;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordParseException;
import org.chmexchange.rdf.RecordReader;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryResultHandlerException;
import org.eclipse.rdf4j.query.resultio.QueryResultParseException;
import org.eclipse.rdf4j.query.resultio.helpers.QueryResultCollector;
import org.eclipse.rdf4j.query.resultio.sparqljson.SPARQLResultsJSONParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a SPARQL endpoint type by type with keyset paging. One instance serves one run at a time.
 * See {@link SparqlHarvesterFactory} for the contract.
 */
final class SparqlHarvester implements Harvester {

    private static final Logger LOG = LoggerFactory.getLogger(SparqlHarvester.class);

    /** Accept of the SELECTs: SPARQL 1.1 Query Results JSON. */
    static final String SELECT_ACCEPT = "application/sparql-results+json";

    /** Accept of the CONSTRUCTs: N-Triples, else Turtle (media types from the format descriptors). */
    static final String CONSTRUCT_ACCEPT =
            RecordFormat.NTRIPLES.mediaType() + ", " + RecordFormat.TURTLE.mediaType() + ";q=0.9";

    private static final List<RecordType> TYPES = List.of(RecordType.values());
    private static final int ERROR_BODY_CHARS = 300;

    private final HarvestSource source;
    private final HarvestContext context;
    private final HttpUrl endpoint;
    private final String graph;
    private final int pageSize;
    private int requests;

    SparqlHarvester(HarvestSource source, HarvestContext context, HttpUrl endpoint, String graph, int pageSize) {
        this.source = source;
        this.context = context;
        this.endpoint = endpoint;
        this.graph = graph;
        this.pageSize = pageSize;
    }

    @Override
    public void harvest(HarvestState state, HarvestSink sink) {
        requests = 0;
        Position start = Position.of(state, source.name());
        boolean full = start == null;
        long read = 0;
        for (int t = full ? 0 : TYPES.indexOf(start.type()); t < TYPES.size(); t++) {
            RecordType type = TYPES.get(t);
            String last = full || type != start.type() ? null : start.last();
            while (true) {
                List<IRI> keys = select(type, last);
                if (keys.isEmpty()) {
                    break;
                }
                checkOrder(type, last, keys);
                List<IRI> fetchable = new ArrayList<>(keys.size());
                for (IRI key : keys) {
                    if (SparqlQueries.isWritableIri(key.stringValue())) {
                        fetchable.add(key);
                    } else {
                        LOG.warn(
                                "Source {}: skipping <{}> from {}: not an IRI that a query can name",
                                source.name(),
                                key,
                                endpoint);
                    }
                }
                Model records = fetchable.isEmpty() ? new LinkedHashModel() : construct(type, last, fetchable);
                read += fetchable.size();
                last = keys.get(keys.size() - 1).stringValue();
                sink.page(new HarvestPage(
                        records,
                        Set.of(),
                        false,
                        new HarvestState(
                                Map.of(SparqlHarvesterFactory.TYPE, type.slug(), SparqlHarvesterFactory.LAST, last))));
                if (keys.size() < pageSize) {
                    break;
                }
            }
        }
        if (full) {
            // Everything was read in this run: the sweep deletes the records of this source no page carried.
            sink.page(new HarvestPage(new LinkedHashModel(), Set.of(), true, HarvestState.EMPTY));
        } else {
            // Resumed: what the interrupted run saw is unknown, so no sweep; start afresh next time.
            LOG.info(
                    "Source {}: resumed run finished; deletions at the endpoint are applied by the next full run",
                    source.name());
            sink.page(new HarvestPage(new LinkedHashModel(), Set.of(), false, HarvestState.EMPTY));
        }
        LOG.debug("Source {}: {} records in {} requests", source.name(), read, requests);
    }

    /** The record IRIs of the next page of a type, in key order. */
    private List<IRI> select(RecordType type, String after) {
        String what = "SELECT of " + name(type) + " records " + position(after);
        SparqlRequest request = new SparqlRequest(
                endpoint, SparqlQueries.selectPage(type.rdfClass(), after, pageSize), SELECT_ACCEPT, graph);
        return execute(request, what, response -> {
            SPARQLResultsJSONParser parser = new SPARQLResultsJSONParser(SimpleValueFactory.getInstance());
            QueryResultCollector rows = new QueryResultCollector();
            parser.setQueryResultHandler(rows);
            try (InputStream in = response.body().byteStream()) {
                parser.parseQueryResult(in);
            } catch (QueryResultParseException | QueryResultHandlerException e) {
                throw new HarvestException(
                        "Source " + source.name() + ": " + what + ": " + request.describe()
                                + " answered invalid SPARQL JSON results: " + e.getMessage(),
                        e);
            }
            List<IRI> keys = new ArrayList<>(rows.getBindingSets().size());
            for (BindingSet row : rows.getBindingSets()) {
                Value s = row.getValue("s");
                if (s == null || !s.isIRI()) {
                    throw new HarvestException("Source " + source.name() + ": " + what + ": " + request.describe()
                            + " answered a row whose ?s is not an IRI: " + row);
                }
                keys.add((IRI) s);
            }
            return keys;
        });
    }

    /** The statements of a page's records and their nested resources. */
    private Model construct(RecordType type, String after, List<IRI> records) {
        String what = "CONSTRUCT of " + records.size() + " " + name(type) + " records " + position(after);
        SparqlRequest request = new SparqlRequest(endpoint, SparqlQueries.construct(records), CONSTRUCT_ACCEPT, graph);
        return execute(request, what, response -> {
            RecordFormat format =
                    RecordFormat.forMediaType(response.header("Content-Type")).orElse(RecordFormat.NTRIPLES);
            try (InputStream in = response.body().byteStream()) {
                return RecordReader.read(in, format, endpoint.toString());
            } catch (RecordParseException e) {
                throw new HarvestException(
                        "Source " + source.name() + ": " + what + ": " + request.describe() + " answered invalid "
                                + format.rdfFormat().getName() + ": " + e.getMessage(),
                        e);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    /** Sends one request through the shared client, counting it against the run's budget. */
    private <T> T execute(SparqlRequest request, String what, BodyReader<T> reader) {
        if (++requests > context.maxRequests()) {
            throw new HarvestException("Source " + source.name() + ": stopped after " + context.maxRequests()
                    + " requests (the limit of one run) before the " + what + " at " + endpoint
                    + "; the next run resumes after the last committed page");
        }
        try (Response response = context.http().newCall(request.toRequest()).execute()) {
            if (!response.isSuccessful()) {
                String detail =
                        response.peekBody(ERROR_BODY_CHARS).string().strip().replaceAll("\\s+", " ");
                throw new HarvestException("Source " + source.name() + ": " + what + ": " + request.describe()
                        + " answered " + response.code() + (detail.isEmpty() ? "" : ": " + detail));
            }
            return reader.read(response);
        } catch (IOException e) {
            throw new HarvestException(
                    "Source " + source.name() + ": " + what + ": " + request.describe() + " failed: " + e, e);
        }
    }

    /**
     * Checks that the keys of a page come in strictly ascending order after {@code after}: an
     * endpoint that ignores the ORDER BY or the FILTER would make the paging loop or skip records.
     * Either the UTF-16 order of most stores or the code-point order of the SPARQL specification
     * is accepted.
     */
    private void checkOrder(RecordType type, String after, List<IRI> keys) {
        String previous = after;
        for (IRI key : keys) {
            String k = key.stringValue();
            if (previous != null && !(previous.compareTo(k) < 0 || compareCodePoints(previous, k) < 0)) {
                throw new HarvestException("Source " + source.name() + ": the endpoint " + endpoint
                        + " broke keyset paging of " + name(type) + " records: <" + k + "> came after <" + previous
                        + ">; it must honour ORDER BY STR(?s) and FILTER(STR(?s) > ...). Stopping instead of"
                        + " looping");
            }
            previous = k;
        }
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String name(RecordType type) {
        return "chm:" + type.rdfClass().getLocalName();
    }

    private static String position(String after) {
        return after == null ? "from the start" : "after <" + after + ">";
    }

    /** Reads a successful response. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(Response response) throws IOException;
    }

    /** Where a run resumes: after {@code last} in the records of {@code type}. */
    private record Position(RecordType type, String last) {

        /** The saved position, or null when the state has none (the run starts from the beginning). */
        static Position of(HarvestState state, String sourceName) {
            String slug = state.get(SparqlHarvesterFactory.TYPE).orElse(null);
            String last = state.get(SparqlHarvesterFactory.LAST).orElse(null);
            if (slug == null && last == null) {
                return null;
            }
            if (slug == null || last == null) {
                throw new HarvestException("Source " + sourceName + ": the saved state " + state.values()
                        + " needs both '" + SparqlHarvesterFactory.TYPE + "' and '" + SparqlHarvesterFactory.LAST
                        + "'");
            }
            RecordType type = RecordType.fromSlug(slug)
                    .orElseThrow(() -> new HarvestException(
                            "Source " + sourceName + ": the saved state names an unknown record type '" + slug + "'"));
            return new Position(type, last);
        }
    }
}
