package org.chmexchange.sparql;

import java.io.OutputStream;
import java.util.Optional;
import org.chmexchange.rdf.RecordFormat;
import org.eclipse.rdf4j.query.impl.IteratingTupleQueryResult;
import org.eclipse.rdf4j.query.resultio.BooleanQueryResultFormat;
import org.eclipse.rdf4j.query.resultio.QueryResultIO;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;

/**
 * The result formats of SELECT and ASK answers, written by RDF4J's writers: SPARQL 1.1 Query
 * Results JSON Format, XML Format, and CSV and TSV Formats (CSV and TSV for SELECT only: the
 * recommendation defines no boolean form for them).
 */
public enum SparqlResultFormat {
    JSON("application/sparql-results+json", TupleQueryResultFormat.JSON, BooleanQueryResultFormat.JSON),
    XML("application/sparql-results+xml", TupleQueryResultFormat.SPARQL, BooleanQueryResultFormat.SPARQL),
    CSV("text/csv", TupleQueryResultFormat.CSV, null),
    TSV("text/tab-separated-values", TupleQueryResultFormat.TSV, null);

    private final String mediaType;
    private final TupleQueryResultFormat tuples;
    private final BooleanQueryResultFormat bool;

    SparqlResultFormat(String mediaType, TupleQueryResultFormat tuples, BooleanQueryResultFormat bool) {
        this.mediaType = mediaType;
        this.tuples = tuples;
        this.bool = bool;
    }

    /** The media type answers are sent as, e.g. {@code application/sparql-results+json}. */
    public String mediaType() {
        return mediaType;
    }

    /** Whether this format can write an ASK answer. */
    public boolean writesBooleans() {
        return bool != null;
    }

    /**
     * The format a client sending {@code accept} prefers for a SELECT ({@code bool} false) or an ASK
     * ({@code bool} true) answer: the highest q, JSON on ties and for {@code *}{@code /*}, an absent
     * header or {@code application/json}.
     *
     * @param accept the {@code Accept} header; may be null
     * @return empty if the client takes none of them
     */
    public static Optional<SparqlResultFormat> negotiate(String accept, boolean bool) {
        SparqlResultFormat best = null;
        double bestQ = 0;
        for (SparqlResultFormat f : values()) {
            if (bool && !f.writesBooleans()) {
                continue;
            }
            double q = RecordFormat.acceptQuality(accept, f.mediaType);
            if (f == JSON) {
                q = Math.max(q, RecordFormat.acceptQuality(accept, "application/json"));
            }
            if (q > bestQ) {
                best = f;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Writes a SELECT or ASK answer in this format, UTF-8.
     *
     * @throws IllegalArgumentException for a CONSTRUCT or DESCRIBE answer (write those with {@link
     *     org.chmexchange.rdf.RecordWriter}) or an ASK answer in CSV or TSV
     * @throws org.eclipse.rdf4j.query.QueryResultHandlerException or {@link java.io.UncheckedIOException}
     *     if writing to {@code out} fails
     */
    public void write(SparqlResult result, OutputStream out) {
        if (result instanceof SparqlResult.Bindings b) {
            try {
                QueryResultIO.writeTuple(new IteratingTupleQueryResult(b.names(), b.rows()), tuples, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot write the answer", e);
            }
        } else if (result instanceof SparqlResult.Bool b) {
            if (bool == null) {
                throw new IllegalArgumentException(mediaType + " has no form for an ASK answer");
            }
            QueryResultIO.writeBoolean(b.value(), bool, out);
        } else {
            throw new IllegalArgumentException(
                    "A graph answer is RDF: write it with RecordWriter, not as " + mediaType);
        }
    }
}
