package org.chmexchange.harvest.peer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import okhttp3.Request;
import okhttp3.Response;
import org.chmexchange.ChmException;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestException;
import org.chmexchange.harvest.HarvestPage;
import org.chmexchange.harvest.HarvestSink;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvestState;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.http.PagingException;
import org.chmexchange.http.PagingGuard;
import org.chmexchange.model.RecordIris;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordReader;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * Reads a peer node's change feed as N-Quads, one request per page: the page's activities and the
 * current version of every record they create or update. Resumes from the {@code next} URL saved in
 * the state. A record whose last activity in a page is a {@code Delete} is deleted.
 */
final class PeerHarvester implements Harvester {

    static final String NEXT = "next";
    static final String ORIGIN = "origin";
    private static final IRI FEED_GRAPH = Values.iri("urn:chm-exchange:changes");
    private static final IRI AS_NEXT = Values.iri(Std.AS, "next");

    private final HarvestSource source;
    private final HarvestContext context;

    PeerHarvester(HarvestSource source, HarvestContext context) {
        this.source = source;
        this.context = context;
    }

    @Override
    public void harvest(HarvestState state, HarvestSink sink) {
        // A saved position belongs to the feed URL and filters it was taken with: if the source's
        // configuration changed since, start over (an unchanged record costs nothing).
        String first = firstPage();
        String url = state.get(ORIGIN)
                .filter(first::equals)
                .flatMap(o -> state.get(NEXT))
                .orElse(first);
        PagingGuard guard = new PagingGuard(context.maxRequests());
        while (true) {
            try {
                guard.beforeRequest(url, url);
            } catch (PagingException e) {
                throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
            }
            String current = url;
            Model page = fetch(current);
            Resource pageIri =
                    page
                            .filter(null, RDF.TYPE, Values.iri(Std.AS, "OrderedCollectionPage"), FEED_GRAPH)
                            .subjects()
                            .stream()
                            .findFirst()
                            .orElseThrow(() -> new HarvestException("Source " + source.name() + ": " + current
                                    + " is not a change-feed page (no as:OrderedCollectionPage)"));
            String next = page.filter(pageIri, AS_NEXT, null, FEED_GRAPH).objects().stream()
                    .findFirst()
                    .map(Value::stringValue)
                    .orElseThrow(() -> new HarvestException(
                            "Source " + source.name() + ": page " + current + " has no next link"));
            if (!sameOrigin(next, first)) {
                throw new HarvestException("Source " + source.name() + ": page " + url + " sends the harvester to "
                        + next + ", another origin than the source's; refusing to follow it");
            }
            Map<IRI, Activity> last = lastActivityPerRecord(page, url);
            if (last.isEmpty()) {
                return; // up to date; the saved state already points here
            }
            Model records = new LinkedHashModel();
            Set<IRI> deletes = new HashSet<>();
            for (Map.Entry<IRI, Activity> e : last.entrySet()) {
                if (e.getValue().delete()) {
                    deletes.add(e.getKey());
                }
            }
            for (Statement st : page) {
                if (st.getContext() == null && !deletes.contains(RecordIris.ownerOf(st.getSubject()))) {
                    records.add(st.getSubject(), st.getPredicate(), st.getObject());
                }
            }
            sink.page(new HarvestPage(
                    records, deletes, false, state.with(NEXT, next).with(ORIGIN, first)));
            url = next;
        }
    }

    /** Same scheme, host and port. */
    private static boolean sameOrigin(String a, String b) {
        java.net.URI x = java.net.URI.create(a);
        java.net.URI y = java.net.URI.create(b);
        return x.getScheme().equalsIgnoreCase(y.getScheme())
                && x.getHost().equalsIgnoreCase(y.getHost())
                && x.getPort() == y.getPort();
    }

    private String firstPage() {
        StringBuilder url = new StringBuilder(base())
                .append("changes/page?limit=")
                .append(source.options().getOrDefault("limit", "500"));
        for (String filter : new String[] {"type", "treaty", "country"}) {
            String value = source.options().get(filter);
            if (value != null) {
                url.append('&').append(filter).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return url.toString();
    }

    private String base() {
        String u = source.url().toString();
        return u.endsWith("/") ? u : u + "/";
    }

    private Model fetch(String url) {
        Request request = new Request.Builder()
                .url(url)
                .header("Accept", RecordFormat.NQUADS.mediaType())
                .build();
        try (Response response = context.http().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new HarvestException("Source " + source.name() + ": GET " + url + " answered " + response.code());
            }
            try (InputStream body = response.body().byteStream()) {
                return RecordReader.read(body, RecordFormat.NQUADS, url);
            }
        } catch (IOException e) {
            throw new HarvestException("Source " + source.name() + ": GET " + url + " failed: " + e.getMessage(), e);
        } catch (HarvestException e) {
            throw e;
        } catch (ChmException e) {
            throw new HarvestException(
                    "Source " + source.name() + ": " + url + " is not valid N-Quads: " + e.getMessage(), e);
        }
    }

    /** The newest activity per record of a page, by sequence number (the last path segment). */
    private Map<IRI, Activity> lastActivityPerRecord(Model page, String url) {
        Map<IRI, Activity> last = new HashMap<>();
        for (Statement st : page.filter(null, Std.AS_OBJECT, null, FEED_GRAPH)) {
            if (!st.getObject().isIRI()) {
                continue;
            }
            long seq = sequence(st.getSubject(), url);
            boolean delete = page.contains(st.getSubject(), RDF.TYPE, Std.AS_DELETE, FEED_GRAPH);
            last.merge((IRI) st.getObject(), new Activity(seq, delete), (a, b) -> a.seq() >= b.seq() ? a : b);
        }
        return last;
    }

    private long sequence(Resource activity, String url) {
        String s = activity.stringValue();
        try {
            return Long.parseLong(s.substring(s.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            throw new HarvestException("Source " + source.name() + ": activity <" + s + "> in " + url
                    + " does not end with its sequence number");
        }
    }

    private record Activity(long seq, boolean delete) {}
}
