package org.chmexchange.rdf;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * The RDF serialisations of records: each carries its RDF4J {@link RDFFormat}, its media types
 * (the first is the one answered), its file extension and its server-side quality for content
 * negotiation (ARCHITECTURE.md lesson 3: negotiation data lives on the descriptor).
 *
 * <p>Server qualities: Turtle 1.0, JSON-LD 0.95, RDF/XML 0.8, TriG 0.7, N-Triples 0.6, N-Quads
 * 0.5; HTML, which the HTTP layer renders, {@value Negotiated#HTML_QUALITY}.
 *
 * <pre>{@code
 * Negotiated n = RecordFormat.negotiate(request.header("Accept"), true);
 * switch (n.outcome()) {
 *     case RDF -> RecordWriter.write(model, n.format(), out);   // Content-Type: n.mediaType()
 *     case HTML -> renderPage();
 *     case NOT_ACCEPTABLE -> status(406);
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable constants and pure functions.
 */
public enum RecordFormat {
    TURTLE(RDFFormat.TURTLE, List.of("text/turtle", "application/x-turtle"), "ttl", 1.0),
    JSONLD(RDFFormat.JSONLD, List.of("application/ld+json", "application/json"), "jsonld", 0.95),
    RDFXML(RDFFormat.RDFXML, List.of("application/rdf+xml"), "rdf", 0.8),
    NTRIPLES(RDFFormat.NTRIPLES, List.of("application/n-triples"), "nt", 0.6),
    NQUADS(RDFFormat.NQUADS, List.of("application/n-quads", "text/x-nquads"), "nq", 0.5),
    TRIG(RDFFormat.TRIG, List.of("application/trig", "application/x-trig"), "trig", 0.7);

    private final RDFFormat rdfFormat;
    private final List<String> mediaTypes;
    private final String fileExtension;
    private final double quality;

    RecordFormat(RDFFormat rdfFormat, List<String> mediaTypes, String fileExtension, double quality) {
        this.rdfFormat = rdfFormat;
        this.mediaTypes = mediaTypes;
        this.fileExtension = fileExtension;
        this.quality = quality;
    }

    /** The RDF4J format. */
    public RDFFormat rdfFormat() {
        return rdfFormat;
    }

    /** The media type answered by default ({@code Content-Type}), e.g. {@code text/turtle}. */
    public String mediaType() {
        return mediaTypes.get(0);
    }

    /**
     * Every media type of this format, the default first; the others ({@code application/json} for
     * JSON-LD, legacy {@code x-} types) are accepted only when a client names them exactly.
     */
    public List<String> mediaTypes() {
        return mediaTypes;
    }

    /** The file extension without the dot: {@code ttl}, {@code jsonld}, ... */
    public String fileExtension() {
        return fileExtension;
    }

    /** The server-side quality in (0, 1]: breaks ties between formats the client weighs equally. */
    public double quality() {
        return quality;
    }

    /** Whether the format carries named graphs (N-Quads, TriG); the others write the default graph only. */
    public boolean supportsContexts() {
        return rdfFormat.supportsContexts();
    }

    /**
     * The format of a {@code Content-Type} (parameters such as {@code charset} ignored, any case).
     *
     * @param contentType e.g. {@code text/turtle; charset=utf-8}; null gives empty
     */
    public static Optional<RecordFormat> forMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String bare = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
        for (RecordFormat format : values()) {
            if (format.mediaTypes.contains(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format of a file extension ({@code ttl}, {@code .jsonld}, any case); null gives empty. */
    public static Optional<RecordFormat> forExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String bare = extension.startsWith(".") ? extension.substring(1) : extension;
        for (RecordFormat format : values()) {
            if (format.fileExtension.equalsIgnoreCase(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a client sending {@code accept} takes {@code mediaType} at all (weight above zero,
     * wildcards included), for endpoints with a single representation such as plain JSON.
     *
     * @param accept the {@code Accept} header; may be null (accepts everything)
     * @param mediaType a lower-case {@code type/subtype}; not null
     */
    public static boolean accepts(String accept, String mediaType) {
        return acceptQuality(accept, mediaType) > 0;
    }

    /**
     * The weight ({@code q}, 0 to 1) a client sending {@code accept} gives {@code mediaType}: the q
     * of the most specific matching media range, wildcards included; -1 when no range matches.
     *
     * @param accept the {@code Accept} header; may be null (accepts everything with q=1)
     * @param mediaType a lower-case {@code type/subtype}; not null
     */
    public static double acceptQuality(String accept, String mediaType) {
        return AcceptHeader.parse(accept).quality(mediaType, true);
    }

    /**
     * The RDF format to answer a request with {@code accept}, when no HTML page exists.
     *
     * @return empty when the client accepts none of the formats (answer 406)
     * @see #negotiate(String, boolean)
     */
    public static Optional<RecordFormat> negotiate(String accept) {
        return negotiate(accept, false).rdfFormat();
    }

    /**
     * Content negotiation on the {@code Accept} header (RFC 9110, section 12.5.1).
     *
     * <p>Each format's weight is the {@code q} of the most specific media range matching one of
     * its media types (an exact media type overrides {@code type/*}, which overrides
     * {@code *}{@code /*}; wildcards match only the default media type of a format); {@code q=0}
     * means "not acceptable". The highest weight wins; equal weights are broken by the server
     * quality ({@link #quality()}, {@link Negotiated#HTML_QUALITY}), so {@code *}{@code /*} gives
     * Turtle. A missing or blank header counts as {@code *}{@code /*}; unparsable elements are
     * ignored.
     *
     * @param accept the {@code Accept} header; may be null
     * @param htmlAvailable whether the caller can answer with an HTML page ({@code text/html},
     *     {@code application/xhtml+xml})
     * @return the outcome: an RDF format, HTML (only when {@code htmlAvailable}), or not
     *     acceptable; never null
     */
    public static Negotiated negotiate(String accept, boolean htmlAvailable) {
        AcceptHeader header = AcceptHeader.parse(accept);
        Negotiated best = Negotiated.notAcceptable();
        double bestQ = 0;
        double bestServerQ = 0;
        for (RecordFormat format : values()) {
            for (int i = 0; i < format.mediaTypes.size(); i++) {
                double q = header.quality(format.mediaTypes.get(i), i == 0);
                if (q > bestQ || (q == bestQ && q > 0 && format.quality > bestServerQ)) {
                    best = Negotiated.rdf(format, format.mediaTypes.get(i));
                    bestQ = q;
                    bestServerQ = format.quality;
                }
            }
        }
        if (htmlAvailable) {
            for (int i = 0; i < Negotiated.HTML_MEDIA_TYPES.size(); i++) {
                String mediaType = Negotiated.HTML_MEDIA_TYPES.get(i);
                double q = header.quality(mediaType, i == 0);
                if (q > bestQ || (q == bestQ && q > 0 && Negotiated.HTML_QUALITY > bestServerQ)) {
                    best = Negotiated.html(mediaType);
                    bestQ = q;
                    bestServerQ = Negotiated.HTML_QUALITY;
                }
            }
        }
        return best;
    }
}
