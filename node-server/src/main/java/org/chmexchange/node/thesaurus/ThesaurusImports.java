package org.chmexchange.node.thesaurus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.chmexchange.cbd.CbdThesaurusImport;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Where a node keeps what it imported into its thesaurus: the SKOS of each import source in a named
 * graph of its own ({@code https://w3id.org/chm-exchange/graph/thesaurus-import/{source}}, public
 * reference data like the shared thesaurus's graph), and the list of imports, newest first (the
 * thesaurus's change list, {@code GET /thesaurus/imports}).
 *
 * <p>An import writes the graph (only if its content changed), then appends to the list: a crash
 * between the two leaves the graph imported and its entry missing, never the reverse.
 *
 * <p>Thread-safety: stateless; the store serialises writes.
 */
public final class ThesaurusImports {

    /** The most entries the list keeps. */
    public static final int MAX_ENTRIES = 200;

    /** The setting holding the list, as a JSON array. */
    static final SettingKey LOG = SettingKey.of("thesaurus:imports");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ThesaurusImports() {}

    /** The named graph of one import source's SKOS ({@code cbd}). */
    public static IRI graphOf(String source) {
        return Values.iri("https://w3id.org/chm-exchange/graph/thesaurus-import/" + source);
    }

    /** The SKOS every import source holds in {@code store}, together. */
    public static Model imported(RecordStore store) {
        Model all = new LinkedHashModel();
        all.addAll(store.graph(graphOf("cbd")));
        return all;
    }

    /**
     * Stores one import of {@code source} and lists it.
     *
     * @param url where it was read from
     * @param results one per domain, in order
     * @return the list entry written: {@code {time, source, url, changed, domains: [{domain, terms,
     *     added, enriched, notices}]}}
     */
    public static ObjectNode record(
            RecordStore store, String source, String url, List<CbdThesaurusImport.Result> results) {
        Model skos = new LinkedHashModel();
        results.forEach(r -> skos.addAll(r.skos()));
        boolean changed = store.replaceGraphIfChanged(graphOf(source), skos);
        ObjectNode entry = JSON.createObjectNode();
        entry.put("time", Instant.now().toString());
        entry.put("source", source);
        entry.put("url", url);
        entry.put("changed", changed);
        entry.put("statements", skos.size());
        ArrayNode domains = entry.putArray("domains");
        for (CbdThesaurusImport.Result r : results) {
            domains.addObject()
                    .put("domain", r.domain())
                    .put("terms", r.terms())
                    .put("added", r.added().size())
                    .put("enriched", r.enriched().size())
                    .put("notices", r.notices().size());
        }
        ArrayNode log = list(store);
        log.insert(0, entry);
        while (log.size() > MAX_ENTRIES) {
            log.remove(log.size() - 1);
        }
        store.setSetting(LOG, log.toString());
        return entry;
    }

    /**
     * Reads the CBD thesaurus domains and records the import: {@code GET
     * {api}api/v2013/thesaurus/domains/{domain}/terms?relations} for each, merged with {@code shared}
     * by {@link CbdThesaurusImport}, then {@link #record}. Nothing is written unless every domain was
     * read.
     *
     * @param http the client (its retries apply); not closed
     * @param api the CBD API base, ending in {@code /}
     * @param domains the domains; empty for {@link CbdThesaurusImport#DEFAULT_DOMAINS}
     * @return what each domain gave, and the list entry
     * @throws java.io.IOException naming the domain if one cannot be read (HTTP error, too large, not
     *     JSON)
     * @throws org.chmexchange.cbd.CbdMappingException if a domain's answer is not a list of terms
     */
    public static Imported importCbd(
            RecordStore store, okhttp3.OkHttpClient http, okhttp3.HttpUrl api, List<String> domains, Model shared)
            throws java.io.IOException {
        List<String> wanted = domains.isEmpty() ? CbdThesaurusImport.DEFAULT_DOMAINS : domains;
        CbdThesaurusImport importer = new CbdThesaurusImport(org.chmexchange.thesaurus.Thesaurus.load(shared));
        List<CbdThesaurusImport.Result> results = new java.util.ArrayList<>();
        for (String domain : wanted) {
            okhttp3.HttpUrl url = api.newBuilder()
                    .addPathSegments("api/v2013/thesaurus/domains")
                    .addPathSegment(domain)
                    .addPathSegment("terms")
                    .addQueryParameter("relations", null)
                    .build();
            try {
                results.add(importer.read(domain, fetch(http, url)));
            } catch (org.chmexchange.cbd.CbdMappingException e) {
                throw new org.chmexchange.cbd.CbdMappingException(domain + ": " + e.getMessage(), e);
            } catch (java.io.IOException e) {
                throw new java.io.IOException(domain + ": " + e.getMessage(), e);
            }
        }
        return new Imported(results, record(store, "cbd", api.toString(), results));
    }

    /** What one import gave: each domain's result and the list entry written. */
    public record Imported(List<CbdThesaurusImport.Result> results, ObjectNode entry) {
        /** Whether the import changed the stored thesaurus. */
        public boolean changed() {
            return entry.path("changed").asBoolean();
        }
    }

    /** The largest domain answer read: 64 MiB. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private static JsonNode fetch(okhttp3.OkHttpClient http, okhttp3.HttpUrl url) throws java.io.IOException {
        okhttp3.Request request = new okhttp3.Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .build();
        try (okhttp3.Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new java.io.IOException("GET " + url + " answered " + response.code());
            }
            byte[] bytes = org.chmexchange.http.Bodies.bounded(response.body(), MAX_BYTES);
            if (bytes == null) {
                throw new java.io.IOException(url + " answered more than " + MAX_BYTES + " bytes");
            }
            try {
                return JSON.readTree(bytes);
            } catch (java.io.IOException e) {
                throw new java.io.IOException(url + " did not answer JSON: " + e.getMessage(), e);
            }
        }
    }

    /** The node's thesaurus as SKOS: the shared one and what is imported. */
    public static Model merged(Model shared, RecordStore store) {
        Model all = new LinkedHashModel(shared);
        all.addAll(imported(store));
        return all;
    }

    /** The imports, newest first; empty when there was none. */
    public static ArrayNode list(RecordStore store) {
        String json = store.setting(LOG).orElse("[]");
        try {
            JsonNode node = JSON.readTree(json);
            return node.isArray() ? (ArrayNode) node : JSON.createArrayNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The list of thesaurus imports is not JSON: " + json, e);
        }
    }
}
