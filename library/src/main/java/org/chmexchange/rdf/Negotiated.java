package org.chmexchange.rdf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of HTTP content negotiation for a record ({@link RecordFormat#negotiate(String,
 * boolean)}): an RDF serialisation, the HTML page (rendered by the HTTP layer, not this package),
 * or nothing acceptable (HTTP 406).
 *
 * <p>Thread-safety: immutable.
 *
 * @param outcome what won; not null
 * @param format the RDF serialisation when {@code outcome} is {@link Outcome#RDF}, else null
 * @param mediaType the media type to answer with ({@code Content-Type}): the one the client named
 *     when it named an alternative one such as {@code application/json}, else the format's
 *     {@link RecordFormat#mediaType()}; {@code text/html} or {@code application/xhtml+xml} for
 *     HTML; null when not acceptable
 */
public record Negotiated(Outcome outcome, RecordFormat format, String mediaType) {

    /** The media types of the HTML page, the first preferred. */
    public static final List<String> HTML_MEDIA_TYPES = List.of("text/html", "application/xhtml+xml");

    /**
     * The server-side quality of HTML: below Turtle and JSON-LD, so a client that accepts anything
     * ({@code *}{@code /*}, {@code text/*}) equally gets RDF, and one that names {@code text/html}
     * with the highest weight (every browser) gets the page.
     */
    public static final double HTML_QUALITY = 0.9;

    /** What content negotiation chose. */
    public enum Outcome {
        /** An RDF serialisation: {@link Negotiated#format()}. */
        RDF,
        /** The HTML page. */
        HTML,
        /** Nothing the client accepts: answer 406 Not Acceptable. */
        NOT_ACCEPTABLE
    }

    /**
     * @throws NullPointerException if {@code outcome} is null, or {@code format} or
     *     {@code mediaType} is null where the outcome needs it
     * @throws IllegalArgumentException if {@code format} or {@code mediaType} is set where the
     *     outcome forbids it
     */
    public Negotiated {
        Objects.requireNonNull(outcome, "outcome");
        switch (outcome) {
            case RDF -> {
                Objects.requireNonNull(format, "format");
                Objects.requireNonNull(mediaType, "mediaType");
            }
            case HTML -> {
                Objects.requireNonNull(mediaType, "mediaType");
                if (format != null) {
                    throw new IllegalArgumentException("HTML outcome has no RDF format");
                }
            }
            default -> {
                if (format != null || mediaType != null) {
                    throw new IllegalArgumentException("Not acceptable has no format and no media type");
                }
            }
        }
    }

    /** The RDF serialisation {@code format}, answered as {@code mediaType}. */
    public static Negotiated rdf(RecordFormat format, String mediaType) {
        return new Negotiated(Outcome.RDF, format, mediaType);
    }

    /** The HTML page, answered as {@code mediaType}. */
    public static Negotiated html(String mediaType) {
        return new Negotiated(Outcome.HTML, null, mediaType);
    }

    /** Nothing acceptable. */
    public static Negotiated notAcceptable() {
        return new Negotiated(Outcome.NOT_ACCEPTABLE, null, null);
    }

    /** The RDF format, when RDF won. */
    public Optional<RecordFormat> rdfFormat() {
        return Optional.ofNullable(format);
    }

    /** True when the HTML page won. */
    public boolean isHtml() {
        return outcome == Outcome.HTML;
    }

    /** False when the answer is 406 Not Acceptable. */
    public boolean isAcceptable() {
        return outcome != Outcome.NOT_ACCEPTABLE;
    }
}
