package org.chmexchange.rdf;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import no.hasmac.jsonld.JsonLdError;
import no.hasmac.jsonld.JsonLdErrorCode;
import no.hasmac.jsonld.document.Document;
import no.hasmac.jsonld.document.JsonDocument;
import no.hasmac.jsonld.http.media.MediaType;
import no.hasmac.jsonld.loader.DocumentLoader;
import no.hasmac.jsonld.loader.DocumentLoaderOptions;
import org.chmexchange.vocab.Vocabularies;

/**
 * The JSON-LD document loader of this package: it serves our context at the URLs of one {@link
 * JsonLdContext} (the canonical IRI {@link Vocabularies#CONTEXT_IRI} and, for a node, its own
 * {@code /ns/context.jsonld}) from the classpath and refuses every other document, so JSON-LD
 * processing never touches the network or the file system. The context is parsed once; its JSON
 * value is immutable.
 *
 * <p>Thread-safety: safe from any thread.
 */
final class ContextLoader implements DocumentLoader {

    static final ContextLoader INSTANCE = new ContextLoader(JsonLdContext.CANONICAL);

    private final JsonLdContext context;

    private ContextLoader(JsonLdContext context) {
        this.context = context;
    }

    /** The loader for {@code context}: {@link #INSTANCE} for the canonical one. */
    static ContextLoader of(JsonLdContext context) {
        return context.equals(JsonLdContext.CANONICAL) ? INSTANCE : new ContextLoader(context);
    }

    /** The URL written into documents. */
    URI url() {
        return URI.create(context.url());
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        if (url == null || !context.accepted().contains(url.toString())) {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "Refusing to load <" + url + ">: only our context is available, at "
                            + String.join(
                                    " or ",
                                    context.accepted().stream()
                                            .map(u -> "<" + u + ">")
                                            .sorted()
                                            .toList())
                            + " (from the classpath); remote documents are never fetched");
        }
        JsonDocument document = JsonDocument.of(MediaType.JSON_LD, Holder.CONTEXT_JSON);
        document.setDocumentUrl(url);
        return document;
    }

    /** Lazily parses the context resource once. */
    private static final class Holder {

        static final JsonStructure CONTEXT_JSON = parse();

        private static JsonStructure parse() {
            try (InputStream in = Vocabularies.open("context.jsonld");
                    JsonReader reader = Json.createReader(in)) {
                return reader.read();
            } catch (IOException | JsonException e) {
                throw new IllegalStateException("Cannot read " + Vocabularies.ROOT + "context.jsonld", e);
            }
        }
    }
}
