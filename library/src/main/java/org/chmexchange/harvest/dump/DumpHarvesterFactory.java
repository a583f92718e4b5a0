package org.chmexchange.harvest.dump;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestProtocol;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.harvest.HarvesterFactory;
import org.chmexchange.rdf.RecordFormat;

/**
 * Protocol {@code rdf-dump}: the complete content of a source as one RDF document at its URL.
 *
 * <p>Each run sends a conditional GET ({@code If-None-Match} / {@code If-Modified-Since} from the
 * validators saved in the state). {@code 304 Not Modified} commits nothing. A {@code 200} body is
 * parsed whole with the hardened {@link org.chmexchange.rdf.RecordReader} into a
 * {@link org.chmexchange.admission.RecordSpool} on disk (memory stays bounded whatever the dump's
 * size), and only a dump read and parsed to its end is committed: in pages of about
 * {@value #DEFAULT_PAGE_STATEMENTS} statements, each holding whole records, the last one a
 * <em>snapshot</em> page, so records of this source missing from the dump are deleted. A dump that
 * cannot be read completely (HTTP error, truncated body, syntax error, over the size limit) commits
 * nothing and fails the run with a {@link org.chmexchange.harvest.HarvestException}. The pages
 * before the last keep the previous validators, so a run stopped among them (a crash) reads the
 * dump again next time instead of taking it as not modified.
 *
 * <p>Options (all optional; an unknown option is an error):
 * <ul>
 *   <li>{@code format}: {@code ttl}, {@code nt}, {@code nq}, {@code jsonld}, {@code rdf} (or
 *       {@code trig}), used when the response's {@code Content-Type} is not an RDF media type
 *       (for example {@code application/octet-stream}); otherwise the URL's file extension
 *       decides ({@code .ttl}, {@code .nt.gz}, ...);
 *   <li>{@code maxBytes}: the most bytes read from the document, after decompression, and from
 *       the wire; default {@value #DEFAULT_MAX_BYTES} (512 MiB);
 *   <li>{@code pageStatements}: the statements aimed at per committed page (one transaction, one
 *       validation batch); default {@value #DEFAULT_PAGE_STATEMENTS}.
 * </ul>
 *
 * <p>State keys: {@value #ETAG} (the {@code ETag} of the last dump read) and {@value #LAST_MODIFIED}
 * (its {@code Last-Modified}), each absent when the server sent none.
 *
 * <pre>{@code
 * HarvestSource source = new HarvestSource("unep-dump", "rdf-dump",
 *         URI.create("https://data.example.org/chm/all.nt.gz"), Map.of("maxBytes", "1073741824"));
 * }</pre>
 *
 * <p>Thread-safety: stateless; harvesters it creates are used by one run at a time.
 */
public final class DumpHarvesterFactory implements HarvesterFactory {

    /** The descriptor. */
    public static final HarvestProtocol PROTOCOL = new HarvestProtocol(
            "rdf-dump",
            "An RDF dump at a URL (Turtle, N-Triples, N-Quads, JSON-LD, RDF/XML; optionally gzipped),"
                    + " with conditional GET; records gone from the dump are deleted");

    /** Option: the format when the Content-Type does not tell. */
    public static final String FORMAT = "format";

    /** Option: the size limit in bytes. */
    public static final String MAX_BYTES = "maxBytes";

    /** Default size limit: 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    /** State key: the {@code ETag} of the last dump read. */
    public static final String ETAG = "etag";

    /** State key: the {@code Last-Modified} of the last dump read, as the server wrote it. */
    public static final String LAST_MODIFIED = "lastModified";

    /** Option: the statements aimed at per page. */
    public static final String PAGE_STATEMENTS = "pageStatements";

    /** Default page size: 20,000 statements (about 1,500 records of the sample data). */
    public static final int DEFAULT_PAGE_STATEMENTS = 20_000;

    private static final Set<String> OPTIONS = Set.of(FORMAT, MAX_BYTES, PAGE_STATEMENTS);

    @Override
    public HarvestProtocol protocol() {
        return PROTOCOL;
    }

    /**
     * @throws IllegalArgumentException if an option is unknown, {@code format} is not a known file
     *     extension, or {@code maxBytes} or {@code pageStatements} is not a positive whole number
     */
    @Override
    public Harvester create(HarvestSource source, HarvestContext context) {
        Optional<RecordFormat> format = format(source);
        long maxBytes = source.wholeNumberOption(MAX_BYTES, DEFAULT_MAX_BYTES, 1, Long.MAX_VALUE);
        int pageStatements =
                (int) source.wholeNumberOption(PAGE_STATEMENTS, DEFAULT_PAGE_STATEMENTS, 1, Integer.MAX_VALUE);
        return new DumpHarvester(source, context, format, maxBytes, pageStatements);
    }

    private static Optional<RecordFormat> format(HarvestSource source) {
        Map<String, String> options = source.options();
        source.requireKnownOptions(OPTIONS);
        String format = options.get(FORMAT);
        if (format == null) {
            return Optional.empty();
        }
        return Optional.of(RecordFormat.forExtension(format)
                .orElseThrow(() -> new IllegalArgumentException("Source " + source.name() + ": option format '" + format
                        + "' is not one of ttl, nt, nq, jsonld, rdf, trig")));
    }
}
