package org.chmexchange.odata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.olingo.odata2.api.ODataService;
import org.apache.olingo.odata2.api.ODataServiceFactory;
import org.apache.olingo.odata2.api.commons.ODataHttpMethod;
import org.apache.olingo.odata2.api.exception.ODataException;
import org.apache.olingo.odata2.api.processor.ODataContext;
import org.apache.olingo.odata2.api.processor.ODataRequest;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.uri.PathSegment;
import org.apache.olingo.odata2.core.ODataContextImpl;
import org.apache.olingo.odata2.core.ODataPathSegmentImpl;
import org.apache.olingo.odata2.core.ODataRequestHandler;
import org.apache.olingo.odata2.core.PathInfoImpl;
import org.chmexchange.informea.InformeaTreaties;
import org.chmexchange.odata.internal.InformeaEdm;
import org.chmexchange.odata.internal.InformeaProcessor;
import org.chmexchange.store.RecordStore;
import org.chmexchange.thesaurus.Thesaurus;

/**
 * The node's records as the InforMEA OData API (OData V2, Apache Olingo 2; INCUMBENTS.md part B 1;
 * docs/INFORMEA.md, "Provider"): the service document, {@code $metadata} (container {@code
 * InforMEAService}, namespace {@code informea}), the entity sets {@code Decisions}, {@code Meetings},
 * {@code Contacts}, {@code CountryReports}, {@code NationalPlans}, {@code Sites}, {@code Treaties},
 * {@code Documents} and {@code Tombstones} (deleted records), in JSON verbose or Atom by {@code
 * Accept} or {@code $format}. {@code updated} is the node's own modification time; feeds are in
 * {@code updated} order (oldest first unless {@code $orderby=updated desc}), paged by the server
 * with {@code __next} links that carry a keyset {@code $skiptoken}.
 *
 * <pre>{@code
 * InformeaProvider odata = new InformeaProvider(store, thesaurus, "https://chm.example.org/",
 *         URI.create("https://chm.example.org/informea.svc/"), 100);
 * ODataAnswer a = odata.serve(new ODataCall("GET", "Decisions", Map.of("$top", List.of("5")), headers));
 * }</pre>
 *
 * <p>Only reads are offered: {@code GET} and {@code HEAD} (then without a body); any other method is
 * a 405 with {@code Allow}. Errors are OData error documents (Olingo's) with the status: 400 for a
 * malformed request, 404 for an unknown entity, 406 for an unsupported format, 501 for a query this
 * service does not support (the message says what it does support).
 *
 * <p>Thread-safety: safe for concurrent use; each call gets its own Olingo context and processor.
 */
public final class InformeaProvider {

    /** The default number of entities on a feed page: {@value} (the harvester's page size). */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final InformeaProcessor.Shared shared;
    private final URI serviceRoot;
    private final ODataServiceFactory factory;

    /**
     * @param store the store the records are read from; not null
     * @param thesaurus for codes and labels; not null
     * @param base the node's base IRI, ending in {@code /}: records minted under it get their local
     *     id as {@code id}, the others their IRI
     * @param serviceRoot the public URL of the service, ending in {@code /} (next links and entity
     *     URIs start with it)
     * @param pageSize the most entities on one feed page; at least 1
     * @throws IllegalArgumentException if {@code base} or {@code serviceRoot} does not end in {@code
     *     /}, or {@code pageSize} is less than 1
     */
    public InformeaProvider(RecordStore store, Thesaurus thesaurus, String base, URI serviceRoot, int pageSize) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(thesaurus, "thesaurus");
        if (!base.endsWith("/") || !serviceRoot.toString().endsWith("/")) {
            throw new IllegalArgumentException(
                    "The base and the service root end in '/': " + base + ", " + serviceRoot);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("The page size is at least 1: " + pageSize);
        }
        this.shared = new InformeaProcessor.Shared(
                store, thesaurus, new InformeaTreaties(thesaurus), base, serviceRoot, pageSize);
        this.serviceRoot = serviceRoot;
        this.factory = new Factory();
    }

    /**
     * Answers one request.
     *
     * @throws UncheckedIOException never in practice (bodies are in memory)
     */
    public ODataAnswer serve(ODataCall call) {
        String method = call.method().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return new ODataAnswer(
                    405,
                    Map.of("Allow", "GET, HEAD", "Content-Type", "text/plain; charset=UTF-8"),
                    ("This OData service is read-only; " + call.method() + " is not allowed\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        try {
            ODataRequest request = request(call);
            ODataContextImpl context = new ODataContextImpl(request, factory);
            context.setParameter(QUERY, call.query());
            ODataService service = factory.createService(context);
            context.setService(service);
            service.getProcessor().setContext(context);
            ODataResponse response = new ODataRequestHandler(factory, service, context).handle(request);
            return answer(response, method.equals("HEAD"));
        } catch (ODataException e) {
            // the handler answers every failure of a request itself; this is the context failing
            throw new IllegalStateException("Olingo could not set up the request: " + e.getMessage(), e);
        }
    }

    private ODataRequest request(ODataCall call) {
        PathInfoImpl path = new PathInfoImpl();
        path.setServiceRoot(serviceRoot);
        String relative = call.path();
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        List<PathSegment> segments = new ArrayList<>();
        if (!relative.isEmpty()) {
            for (String s : relative.split("/", -1)) {
                segments.add(new ODataPathSegmentImpl(s, null));
            }
        }
        path.setODataPathSegment(segments);
        path.setPrecedingPathSegment(List.of());
        path.setRequestUri(requestUri(relative, call.query()));
        Map<String, String> single = new LinkedHashMap<>();
        call.query().forEach((k, v) -> {
            if (!v.isEmpty()) {
                single.put(k, v.get(0));
            }
        });
        String accept = call.header("Accept");
        List<String> accepts = new ArrayList<>();
        if (accept != null) {
            for (String a : accept.split(",")) {
                if (!a.isBlank()) {
                    accepts.add(a.strip());
                }
            }
        }
        return ODataRequest.method(ODataHttpMethod.GET)
                .httpMethod("GET")
                .pathInfo(path)
                .allQueryParameters(call.query())
                .queryParameters(single)
                .acceptHeaders(accepts)
                .acceptableLanguages(List.of(Locale.ENGLISH))
                .requestHeaders(call.headers())
                .build();
    }

    private URI requestUri(String relative, Map<String, List<String>> query) {
        okhttp3.HttpUrl.Builder b = okhttp3.HttpUrl.get(serviceRoot.toString())
                .newBuilder()
                .encodedPath(serviceRoot.getRawPath() + relative);
        query.forEach((k, vs) -> vs.forEach(v -> b.addQueryParameter(k, v)));
        return b.build().uri();
    }

    private static ODataAnswer answer(ODataResponse response, boolean head) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, response.getHeader(name));
        }
        if (response.getContentHeader() != null && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", response.getContentHeader());
        }
        byte[] body = new byte[0];
        Object entity = response.getEntity();
        try {
            if (entity instanceof InputStream in) {
                try (in) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    body = out.toByteArray();
                }
            } else if (entity instanceof String s) {
                body = s.getBytes(StandardCharsets.UTF_8);
            } else if (entity != null) {
                throw new IllegalStateException("Olingo answered an entity of type " + entity.getClass());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Olingo's answer", e);
        }
        return new ODataAnswer(response.getStatus().getStatusCode(), headers, head ? new byte[0] : body);
    }

    /** The context parameter holding the request's decoded query options. */
    private static final String QUERY = "org.chmexchange.odata.query";

    /** Gives each request its own processor over the shared model. */
    private final class Factory extends ODataServiceFactory {
        @Override
        public ODataService createService(ODataContext ctx) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> query = (Map<String, List<String>>) ctx.getParameter(QUERY);
            return createODataSingleProcessorService(
                    InformeaEdm.provider(), new InformeaProcessor(shared, query == null ? Map.of() : query));
        }
    }
}
