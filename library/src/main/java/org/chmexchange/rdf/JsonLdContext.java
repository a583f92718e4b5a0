package org.chmexchange.rdf;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.chmexchange.vocab.Vocabularies;

/**
 * Where a JSON-LD document finds our context: the URL written into the documents this library
 * writes, and the URLs it accepts in the documents it reads. Every accepted URL stands for the
 * same document, the project's {@code context.jsonld}, which is always read from the classpath:
 * nothing is fetched, whatever the URL.
 *
 * <ul>
 *   <li>{@link #CANONICAL}: {@value Vocabularies#CONTEXT_IRI}, the vocabulary's namespace (the
 *       w3id.org redirect rules are in docs/W3ID.md). Documents written with it need a processor
 *       that can resolve that IRI.
 *   <li>{@link #servedAt(String)}: a URL where a node serves the same document (the node's {@code
 *       {base}ns/context.jsonld}), so that any JSON-LD processor with its default document loader
 *       can fetch it from the node that wrote the document. Readers accept that URL and the
 *       canonical IRI.
 * </ul>
 *
 * <p>Immutable; safe from any thread.
 */
public final class JsonLdContext {

    /** Writes and accepts only the canonical IRI {@value Vocabularies#CONTEXT_IRI}. */
    public static final JsonLdContext CANONICAL = new JsonLdContext(Vocabularies.CONTEXT_IRI);

    private final String url;
    private final Set<String> accepted;

    private JsonLdContext(String url) {
        this.url = url;
        Set<String> all = new LinkedHashSet<>();
        all.add(url);
        all.add(Vocabularies.CONTEXT_IRI);
        this.accepted = Set.copyOf(all);
    }

    /**
     * Our context as served at {@code url}.
     *
     * @param url an absolute {@code http} or {@code https} URL, e.g. {@code
     *     http://localhost:8080/ns/context.jsonld}; not null
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
     */
    public static JsonLdContext servedAt(String url) {
        Objects.requireNonNull(url, "url");
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("A context URL must be an absolute http(s) URL: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: " + url, e);
        }
        return url.equals(Vocabularies.CONTEXT_IRI) ? CANONICAL : new JsonLdContext(url);
    }

    /** The URL written as {@code @context} (and in a {@code Link} header); never null. */
    public String url() {
        return url;
    }

    /** Every context URL a reader takes for ours: {@link #url()} and the canonical IRI. */
    public Set<String> accepted() {
        return accepted;
    }

    /**
     * The {@code Link} header value that names this context for a body served as {@code
     * application/json} (JSON-LD 1.1 section 6.1, "Interpreting JSON as JSON-LD").
     */
    public String linkHeader() {
        return "<" + url + ">; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonLdContext other && other.url.equals(url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    @Override
    public String toString() {
        return "JsonLdContext<" + url + ">";
    }
}
