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
import org.chmexchange.thesaurus.SkosImport;
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

    /** The setting holding the names of the SKOS import sources ({@link #importSkos}), as a JSON array. */
    static final SettingKey SOURCES = SettingKey.of("thesaurus:import-sources");

    /** The name a SKOS import may have: lower-case letters, digits and hyphens, not {@code cbd}. */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** The largest vocabulary read: 64 MiB (it is held in memory a few times over while imported). */
    private static final long MAX_SKOS_BYTES = 64L * 1024 * 1024;

    /** The SKOS every import source holds in {@code store}, together. */
    public static Model imported(RecordStore store) {
        Model all = new LinkedHashModel();
        all.addAll(store.graph(graphOf("cbd")));
        for (String source : sources(store)) {
            all.addAll(store.graph(graphOf(source)));
        }
        return all;
    }

    /**
     * The harvesters a node runs with: {@code registry}, its {@code odata} harvester looking keywords,
     * treaties and countries up in the node's thesaurus (the shared one and what is imported), so that
     * the keyword terms of harvested rows resolve to imported concepts. The registry as it is when
     * nothing is imported or it has another {@code odata} harvester (tests).
     */
    public static org.chmexchange.harvest.HarvesterRegistry harvesters(
            org.chmexchange.harvest.HarvesterRegistry registry, RecordStore store) {
        boolean standard = registry.factory("odata")
                .filter(f -> f instanceof org.chmexchange.harvest.odata.ODataHarvesterFactory)
                .isPresent();
        Model imported = imported(store);
        if (!standard || imported.isEmpty()) {
            return registry;
        }
        Model all = new LinkedHashModel(org.chmexchange.vocab.Vocabularies.thesaurus());
        all.addAll(imported);
        return registry.with(new org.chmexchange.harvest.odata.ODataHarvesterFactory(
                org.chmexchange.thesaurus.Thesaurus.load(all), System::getenv));
    }

    /** The names of the SKOS import sources, in the order of their first import. */
    public static List<String> sources(RecordStore store) {
        List<String> out = new java.util.ArrayList<>();
        try {
            JSON.readTree(store.setting(SOURCES).orElse("[]")).forEach(n -> out.add(n.asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The list of thesaurus import sources is not JSON", e);
        }
        return out;
    }

    /** The scheme of the concepts of a SKOS import that name none ({@link SkosImport}). */
    public static IRI schemeOf(String name) {
        return Values.iri("https://w3id.org/chm-exchange/thesaurus/imported/" + name);
    }

    /**
     * Imports a SKOS vocabulary (SKOS-XL labels included) from a file or an http(s) URL, in any RDF
     * format the hardened reader knows (by the answer's {@code Content-Type}, else by the
     * extension), next to the shared thesaurus ({@link SkosImport}), and records it as source
     * {@code name}. Nothing is written unless the vocabulary was read whole.
     *
     * @param location a file path, or an http(s) URL
     * @param name the source's name ({@link #NAME}): its graph, and the title of its fallback scheme
     * @param shared the shared thesaurus, as SKOS
     * @return what the import gave, and the list entry
     * @throws java.io.IOException if the vocabulary cannot be read (the message says where and why)
     * @throws IllegalArgumentException if the name is not allowed, the format is unknown, the RDF is
     *     malformed, or the vocabulary has no concept to import
     */
    public static SkosImported importSkos(
            RecordStore store, okhttp3.OkHttpClient http, String location, String name, Model shared)
            throws java.io.IOException {
        if (!NAME.matcher(name).matches() || name.equals("cbd")) {
            throw new IllegalArgumentException("A thesaurus import's name is lower-case letters, digits and"
                    + " hyphens, and not 'cbd': '" + name + "'");
        }
        byte[] bytes;
        String base;
        java.util.Optional<org.chmexchange.rdf.RecordFormat> format;
        okhttp3.HttpUrl url = okhttp3.HttpUrl.parse(location);
        if (url != null) {
            okhttp3.Request request = new okhttp3.Request.Builder()
                    .url(url)
                    .header(
                            "Accept",
                            "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8,"
                                    + " application/n-triples;q=0.7, */*;q=0.1")
                    .build();
            try (okhttp3.Response response = http.newCall(request).execute()) {
                if (!response.isSuccessful()) {
                    throw new java.io.IOException("GET " + url + " answered " + response.code());
                }
                bytes = org.chmexchange.http.Bodies.bounded(response.body(), MAX_SKOS_BYTES);
                if (bytes == null) {
                    throw new java.io.IOException(url + " answered more than " + MAX_SKOS_BYTES + " bytes");
                }
                String type = response.header("Content-Type");
                format =
                        type == null ? java.util.Optional.empty() : org.chmexchange.rdf.RecordFormat.forMediaType(type);
            }
            if (format.isEmpty()) {
                format = byExtension(url.encodedPath());
            }
            base = url.toString();
        } else {
            java.nio.file.Path file = java.nio.file.Path.of(location);
            if (java.nio.file.Files.size(file) > MAX_SKOS_BYTES) {
                throw new java.io.IOException(file + " is larger than " + MAX_SKOS_BYTES + " bytes");
            }
            bytes = java.nio.file.Files.readAllBytes(file);
            format = byExtension(file.getFileName().toString());
            base = file.toUri().toString();
        }
        org.chmexchange.rdf.RecordFormat f = format.orElseThrow(() -> new IllegalArgumentException(
                "Cannot tell the RDF format of " + location + " (by its Content-Type or extension)"));
        Model rdf;
        try {
            rdf = org.chmexchange.rdf.RecordReader.read(bytes, f, base);
        } catch (org.chmexchange.rdf.RecordParseException e) {
            throw new IllegalArgumentException(location + " is not well-formed " + f + ": " + e.getMessage(), e);
        }
        SkosImport.Result result =
                new SkosImport(org.chmexchange.thesaurus.Thesaurus.load(shared)).read(rdf, schemeOf(name), name);
        // the name first: a crash before the graph leaves a name without SKOS, never SKOS nobody reads
        List<String> known = sources(store);
        if (!known.contains(name)) {
            ArrayNode names = JSON.createArrayNode();
            known.forEach(names::add);
            names.add(name);
            store.setSetting(SOURCES, names.toString());
        }
        boolean changed = store.replaceGraphIfChanged(graphOf(name), result.skos());
        ObjectNode entry = JSON.createObjectNode();
        entry.put("time", Instant.now().toString());
        entry.put("source", name);
        entry.put("url", base);
        entry.put("changed", changed);
        entry.put("statements", result.skos().size());
        entry.put("concepts", result.concepts());
        ArrayNode schemes = entry.putArray("schemes");
        result.schemes().forEach(sc -> schemes.add(sc.stringValue()));
        entry.put(
                "exactMatches",
                result.matches().stream()
                        .filter(m -> m.relation().equals(org.eclipse.rdf4j.model.vocabulary.SKOS.EXACT_MATCH))
                        .count());
        entry.put(
                "closeMatches",
                result.matches().stream()
                        .filter(m -> m.relation().equals(org.eclipse.rdf4j.model.vocabulary.SKOS.CLOSE_MATCH))
                        .count());
        entry.put("notices", result.notices().size());
        append(store, entry);
        return new SkosImported(result, entry);
    }

    /** What one SKOS import gave, and the list entry written. */
    public record SkosImported(SkosImport.Result result, ObjectNode entry) {}

    private static java.util.Optional<org.chmexchange.rdf.RecordFormat> byExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0
                ? java.util.Optional.empty()
                : org.chmexchange.rdf.RecordFormat.forExtension(name.substring(dot + 1));
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
        append(store, entry);
        return entry;
    }

    /** Lists an import, newest first, at most {@link #MAX_ENTRIES}. */
    private static void append(RecordStore store, ObjectNode entry) {
        ArrayNode log = list(store);
        log.insert(0, entry);
        while (log.size() > MAX_ENTRIES) {
            log.remove(log.size() - 1);
        }
        store.setSetting(LOG, log.toString());
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
