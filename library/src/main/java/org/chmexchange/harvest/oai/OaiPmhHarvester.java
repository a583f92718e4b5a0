package org.chmexchange.harvest.oai;

import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import io.gdcc.xoai.serviceprovider.parameters.Parameters;
import io.gdcc.xoai.services.api.DateProvider;
import java.io.IOException;
import java.util.HashSet;
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
import org.chmexchange.http.Bodies;
import org.chmexchange.http.PagingException;
import org.chmexchange.http.PagingGuard;
import org.chmexchange.model.RecordIris;
import org.chmexchange.oai.DublinCore;
import org.chmexchange.oai.OaiProvider;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.rdf.RecordReader;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;

/**
 * One source's OAI-PMH harvest: {@code Identify} (for the granularity), then {@code ListRecords}
 * from the last run's start, page by page, each page committed with the resumption token that
 * follows it, so a run stopped by a crash goes on from its last committed page. When the list ends,
 * the next run's {@code from} becomes the {@code responseDate} of this run's first page (the
 * provider's clock), so a record changed while the list was read is read again next time. Requests
 * are built by XOAI's {@link Parameters}; responses are read by {@link OaiResponseReader}.
 */
final class OaiPmhHarvester implements Harvester {

    static final String FROM = "from";
    static final String TOKEN = "token";
    static final String RUN_FROM = "run-from";
    static final String ORIGIN = "origin";

    private final HarvestSource source;
    private final HarvestContext context;
    private final String prefix;
    private final String set;
    private final IRI treaty;
    private final long maxBytes;
    private final DublinCore dublinCore;
    private final String baseUrl;

    OaiPmhHarvester(
            HarvestSource source,
            HarvestContext context,
            String prefix,
            String set,
            IRI treaty,
            long maxBytes,
            DublinCore dublinCore) {
        this.source = source;
        this.context = context;
        this.prefix = prefix;
        this.set = set;
        this.treaty = treaty;
        this.maxBytes = maxBytes;
        this.dublinCore = dublinCore;
        String url = source.url().toString();
        int query = url.indexOf('?');
        this.baseUrl = query < 0 ? url : url.substring(0, query);
    }

    @Override
    public void harvest(HarvestState saved, HarvestSink sink) {
        String origin = baseUrl + " " + prefix + " " + (set == null ? "" : set);
        // a position belongs to the URL, format and set it was taken with: else start over
        HarvestState state =
                origin.equals(saved.get(ORIGIN).orElse(null)) ? saved : HarvestState.EMPTY.with(ORIGIN, origin);
        PagingGuard guard = new PagingGuard(context.maxRequests());
        Granularity granularity = identify(guard);
        String token = state.get(TOKEN).orElse(null);
        String runFrom = state.get(RUN_FROM).orElse(null);
        boolean resumed = token != null;
        while (true) {
            Parameters request =
                    Parameters.parameters().withVerb(Verb.Type.ListRecords).withGranularity(granularity.toString());
            if (token != null) {
                request.withResumptionToken(token);
            } else {
                request.withMetadataPrefix(prefix);
                if (set != null) {
                    request.withSet(set);
                }
                state.get(FROM).ifPresent(from -> request.withFrom(OaiResponseReader.date(from, "the saved from")));
            }
            String url = request.toUrl(baseUrl);
            try {
                guard.beforeRequest(url, token);
            } catch (PagingException e) {
                throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
            }
            OaiResponse response = fetch(url);
            if (resumed && response.isOnly("badResumptionToken")) {
                // the token of a run stopped earlier expired at the provider: read the list again
                token = null;
                runFrom = null;
                resumed = false;
                state = state.with(TOKEN, null).with(RUN_FROM, null);
                continue;
            }
            resumed = false;
            if (!response.errors().isEmpty() && !response.isOnly("noRecordsMatch")) {
                OaiResponse.Error e = response.errors().get(0);
                throw new HarvestException("Source " + source.name() + ": ListRecords at " + url + " answered "
                        + e.code() + (e.message().isEmpty() ? "" : ": " + e.message()));
            }
            if (runFrom == null) {
                runFrom = DateProvider.format(response.responseDate(), granularity);
            }
            Model records = new LinkedHashModel();
            Set<IRI> deletes = new HashSet<>();
            for (OaiResponse.Item item : response.records()) {
                add(item, records, deletes);
            }
            String next = response.next().orElse(null);
            try {
                guard.afterPage(url, response.records().size(), next);
            } catch (PagingException e) {
                throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
            }
            state = next == null
                    ? state.with(TOKEN, null).with(RUN_FROM, null).with(FROM, runFrom)
                    : state.with(TOKEN, next).with(RUN_FROM, runFrom);
            sink.page(new HarvestPage(records, deletes, false, state));
            if (next == null) {
                return;
            }
            token = next;
        }
    }

    /** The provider's granularity; refuses a provider that is not OAI-PMH 2.0. */
    private Granularity identify(PagingGuard guard) {
        String url = Parameters.parameters().withVerb(Verb.Type.Identify).toUrl(baseUrl);
        try {
            guard.beforeRequest(url);
        } catch (PagingException e) {
            throw new HarvestException("Source " + source.name() + ": " + e.getMessage(), e);
        }
        OaiResponse identify = fetch(url);
        if (!identify.errors().isEmpty()) {
            throw new HarvestException("Source " + source.name() + ": Identify at " + url + " answered "
                    + identify.errors().get(0).code());
        }
        String version = identify.identify().get("protocolVersion");
        if (!"2.0".equals(version)) {
            throw new HarvestException(
                    "Source " + source.name() + ": " + url + " speaks OAI-PMH " + version + ", not 2.0");
        }
        String g = identify.identify().getOrDefault("granularity", Granularity.Day.toString());
        return Granularity.Second.toString().equals(g) ? Granularity.Second : Granularity.Day;
    }

    private void add(OaiResponse.Item item, Model records, Set<IRI> deletes) {
        IRI iri = recordIri(item.identifier());
        if (item.deleted()) {
            deletes.add(iri);
            return;
        }
        try {
            if (prefix.equals(OaiProvider.RDF_PREFIX)) {
                records.addAll(RecordReader.read(
                        new java.io.ByteArrayInputStream(item.metadata()), RecordFormat.RDFXML, iri.stringValue()));
            } else {
                records.addAll(RecordMapper.toRdf(
                        dublinCore.document(iri, item.identifier(), treaty, item.datestamp(), item.metadata())));
            }
        } catch (ChmException e) {
            throw new HarvestException(
                    "Source " + source.name() + ": record " + item.identifier() + " cannot be read as " + prefix + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The item identifier if it can name a record, else the IRI of its GetRecord at the source. */
    IRI recordIri(String identifier) {
        if (identifier.startsWith("http://") || identifier.startsWith("https://")) {
            try {
                IRI iri = Values.iri(identifier);
                if (RecordIris.refusal(iri).isEmpty()) {
                    return iri;
                }
            } catch (IllegalArgumentException e) {
                // not an IRI after all: named by its GetRecord below
            }
        }
        return Values.iri(Parameters.parameters()
                .withVerb(Verb.Type.GetRecord)
                .withMetadataPrefix(prefix)
                .identifier(identifier)
                .toUrl(baseUrl));
    }

    private OaiResponse fetch(String url) {
        Request request = new Request.Builder()
                .url(url)
                .header("Accept", "text/xml, application/xml")
                .build();
        byte[] body;
        try (Response response = context.http().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new HarvestException("Source " + source.name() + ": GET " + url + " answered " + response.code());
            }
            body = Bodies.bounded(response.body(), maxBytes);
            if (body == null) {
                throw new HarvestException("Source " + source.name() + ": " + url + " answered more than " + maxBytes
                        + " bytes (option " + OaiPmhHarvesterFactory.MAX_RESPONSE_BYTES + ")");
            }
        } catch (IOException e) {
            throw new HarvestException("Source " + source.name() + ": GET " + url + " failed: " + e.getMessage(), e);
        }
        try {
            return OaiResponseReader.read(body);
        } catch (OaiFormatException e) {
            throw new HarvestException(
                    "Source " + source.name() + ": " + url + " is not an OAI-PMH response: " + e.getMessage(), e);
        }
    }
}
