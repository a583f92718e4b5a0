package org.chmexchange.node.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chmexchange.store.RecordFacets;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.RecordSummary;

/**
 * {@code GET /.well-known/chm-node} (and {@code GET /} for clients that want data): the node
 * describes itself, so that a central node's registry and people can see what it is and offers
 * (node-server/API.md, "Self-description"). JSON:
 *
 * <pre>{@code
 * {"name": "...", "base": "https://chm.example.org/", "software": "chm-exchange",
 *  "version": "0.1.0", "records": 1234, "recordsByType": {"decision": 812, ...},
 *  "recordsByCountry": {"co": 40, ...},
 *  "lastSequence": 5678, "lastModified": "2026-12-01T10:00:00Z",
 *  "endpoints": [{"protocol": "chm-records", "url": "https://chm.example.org/records"}, ...]}
 * }</pre>
 *
 * {@code recordsByCountry} counts records by {@code chm:country} (lower-case ISO 3166-1 alpha-2).
 * {@code lastModified} is the newest {@code dcterms:modified} of a record (absent when the node holds
 * none); {@code Cache-Control: no-store}. Thread-safety: stateless.
 */
final class SelfDescription {

    /** Every protocol the node answers, and where (relative to the base). */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"chm-records", "records"},
            new String[] {"activity-streams-changes", "changes"},
            new String[] {"sparql-1.1", "sparql"},
            new String[] {"oai-pmh-2.0", "oai"},
            new String[] {"odata-v2-informea", "informea.svc/"},
            new String[] {"skos-thesaurus", "thesaurus"},
            new String[] {"void", ".well-known/void"},
            new String[] {"dcat", "catalog"},
            new String[] {"openapi-3", "openapi.json"},
            new String[] {"status", "status"},
            new String[] {"prometheus-metrics", "metrics"});

    /** More than the countries and territories of ISO 3166-1 (249). */
    static final int MAX_COUNTRIES = 400;

    private final RecordStore store;
    private final String base;
    private final String name;

    SelfDescription(RecordStore store, String base, String name) {
        this.store = store;
        this.base = base;
        this.name = name;
    }

    /** The description, as the JSON body's members. */
    Map<String, Object> describe() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("base", base);
        body.put("software", "chm-exchange");
        body.put("version", org.chmexchange.http.HttpSettings.VERSION);
        RecordFacets facets = store.facets(RecordQuery.ALL, MAX_COUNTRIES);
        body.put("records", facets.total());
        Map<String, Long> byType = new LinkedHashMap<>();
        facets.of(RecordFacets.Facet.TYPE).forEach(c -> byType.put(c.value(), c.count()));
        body.put("recordsByType", byType);
        Map<String, Long> byCountry = new java.util.TreeMap<>();
        facets.of(RecordFacets.Facet.COUNTRY).forEach(c -> org.chmexchange.node.portal.Views.countryCode(
                        org.eclipse.rdf4j.model.util.Values.iri(c.value()))
                .ifPresent(code -> byCountry.put(code, c.count())));
        body.put("recordsByCountry", byCountry);
        body.put("lastSequence", store.lastSequence());
        store.listByModified(RecordQuery.ALL, true, null, 0, 1).items().stream()
                .map(RecordSummary::modified)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .ifPresent(t -> body.put("lastModified", t.toString()));
        List<Map<String, String>> endpoints = ENDPOINTS.stream()
                .map(e -> Map.of("protocol", e[0], "url", base + e[1]))
                .toList();
        body.put("endpoints", endpoints);
        return body;
    }

    void handle(Context ctx) {
        ctx.header("Vary", "Accept, Accept-Language"); // GET / negotiates between this and the home page
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(Json.write(describe()));
    }
}
