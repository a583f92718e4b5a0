package org.chmexchange.odata.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.apache.olingo.odata2.api.commons.InlineCount;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderWriteProperties;
import org.apache.olingo.odata2.api.ep.callback.OnWriteFeedContent;
import org.apache.olingo.odata2.api.ep.callback.WriteFeedCallbackResult;
import org.apache.olingo.odata2.api.exception.ODataException;
import org.apache.olingo.odata2.api.exception.ODataNotFoundException;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.processor.ODataSingleProcessor;
import org.apache.olingo.odata2.api.uri.ExpandSelectTreeNode;
import org.apache.olingo.odata2.api.uri.KeyPredicate;
import org.apache.olingo.odata2.api.uri.NavigationSegment;
import org.apache.olingo.odata2.api.uri.UriParser;
import org.apache.olingo.odata2.api.uri.info.GetEntitySetCountUriInfo;
import org.apache.olingo.odata2.api.uri.info.GetEntitySetUriInfo;
import org.apache.olingo.odata2.api.uri.info.GetEntityUriInfo;
import org.chmexchange.informea.InformeaEntitySet;
import org.chmexchange.informea.InformeaIds;
import org.chmexchange.informea.InformeaTreaties;
import org.chmexchange.model.Record;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.ChangePage;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.ModifiedKey;
import org.chmexchange.store.RecordPage;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Answers the read requests of {@code /informea.svc} from the store (docs/INFORMEA.md, "Provider"):
 * entity sets in order of {@code updated} with server-driven paging ({@code __next}, a keyset
 * {@code $skiptoken}), {@code $top}, {@code $skip}, {@code $filter} and {@code $orderby} as {@link
 * FeedQuery} reads them, {@code $inlinecount}, {@code $count}, {@code $expand} and {@code $select},
 * entities by key, navigation properties ({@code Decisions('x')/title}), and the {@code Tombstones}
 * of deleted records. Writes never reach it ({@code InformeaProvider} answers them 405).
 *
 * <p>Lifecycle: one instance per request (Olingo gives it the request's context). Not thread-safe.
 */
public final class InformeaProcessor extends ODataSingleProcessor {

    /** The entity set of deleted records. */
    public static final String TOMBSTONES = "Tombstones";

    /**
     * What every request shares: the store, the thesaurus, the row rules, the paging settings.
     * Thread-safe (immutable; the store is).
     */
    public static final class Shared {
        final RecordStore store;
        final Thesaurus thesaurus;
        final InformeaTreaties treaties;
        final String base;
        final URI serviceRoot;
        final int pageSize;
        final EntityRows rows;

        /**
         * @param base the node's base IRI (ids of the records minted under it are their local ids)
         * @param serviceRoot the public URL of the service, ending in {@code /}
         * @param pageSize the most entities of a feed page, at least 1
         */
        public Shared(
                RecordStore store,
                Thesaurus thesaurus,
                InformeaTreaties treaties,
                String base,
                URI serviceRoot,
                int pageSize) {
            this.store = store;
            this.thesaurus = thesaurus;
            this.treaties = treaties;
            this.base = base;
            this.serviceRoot = serviceRoot;
            this.pageSize = pageSize;
            this.rows = new EntityRows(base, thesaurus, treaties);
        }
    }

    private final Shared shared;
    private final EntityRows rows;
    private final Map<String, List<String>> query;

    /**
     * @param query the request's query options, decoded (for the next links, which keep them)
     */
    public InformeaProcessor(Shared shared, Map<String, List<String>> query) {
        this.shared = shared;
        this.rows = shared.rows;
        this.query = query;
    }

    @Override
    public ODataResponse readEntitySet(GetEntitySetUriInfo uri, String contentType) throws ODataException {
        EdmEntitySet target = uri.getTargetEntitySet();
        if (!uri.getNavigationSegments().isEmpty()) {
            List<Map<String, Object>> data =
                    navigation(uri.getStartEntitySet(), uri.getKeyPredicates(), uri.getNavigationSegments());
            return EntityProvider.writeFeed(
                    contentType, target, data, properties(null, null, null).build());
        }
        String name = target.getName();
        if (TOMBSTONES.equals(name)) {
            return tombstones(uri, contentType);
        }
        InformeaEntitySet set = recordSet(name);
        FeedQuery q = FeedQuery.of(uri.getFilter(), uri.getOrderBy(), shared.treaties, shared.thesaurus);
        int top = uri.getTop() == null ? Integer.MAX_VALUE : uri.getTop();
        int skip = uri.getSkip() == null ? 0 : uri.getSkip();
        int limit = Math.min(top, shared.pageSize);
        ModifiedKey after = recordToken(uri.getSkipToken());
        List<Map<String, Object>> data = new ArrayList<>();
        long total = 0;
        String next = null;
        if (!q.nothing) {
            RecordQuery rq = recordQuery(set, q);
            if (limit > 0) {
                RecordPage page = shared.store.listByModified(rq, q.descending, after, skip, limit);
                total = page.totalItems();
                for (RecordSummary s : page.items()) {
                    // a record deleted since the index listed it is left out: its tombstone is listed
                    shared.store
                            .get(s.iri())
                            .ifPresent(m -> data.add(rows.row(set, RecordMapper.fromRdf(m, s.iri()), m)));
                }
                if (page.lastKey().isPresent() && top > limit && !page.items().isEmpty()) {
                    RecordSummary last = page.items().get(page.items().size() - 1);
                    next = nextLink(name, uri.getTop() == null ? null : top - limit, recordToken(ModifiedKey.of(last)));
                }
            } else {
                total = shared.store.count(rq);
            }
        }
        EntityProviderWriteProperties.ODataEntityProviderPropertiesBuilder props =
                properties(uri.getSelect(), uri.getExpand(), target);
        if (uri.getInlineCount() == InlineCount.ALLPAGES) {
            props.inlineCountType(InlineCount.ALLPAGES).inlineCount((int) Math.min(Integer.MAX_VALUE, total));
        }
        if (next != null) {
            props.nextLink(next);
        }
        return EntityProvider.writeFeed(contentType, target, data, props.build());
    }

    @Override
    public ODataResponse countEntitySet(GetEntitySetCountUriInfo uri, String contentType) throws ODataException {
        long n;
        if (!uri.getNavigationSegments().isEmpty()) {
            n = navigation(uri.getStartEntitySet(), uri.getKeyPredicates(), uri.getNavigationSegments())
                    .size();
        } else if (TOMBSTONES.equals(uri.getTargetEntitySet().getName())) {
            FeedQuery q = FeedQuery.of(uri.getFilter(), null, shared.treaties, shared.thesaurus);
            n = q.nothing ? 0 : shared.store.countLatestChanges(tombstoneQuery(q));
        } else {
            InformeaEntitySet set = recordSet(uri.getTargetEntitySet().getName());
            FeedQuery q = FeedQuery.of(uri.getFilter(), null, shared.treaties, shared.thesaurus);
            n = q.nothing ? 0 : shared.store.count(recordQuery(set, q));
        }
        return EntityProvider.writeText(Long.toString(n));
    }

    @Override
    public ODataResponse readEntity(GetEntityUriInfo uri, String contentType) throws ODataException {
        if (!uri.getNavigationSegments().isEmpty()) {
            throw FeedQuery.notImplemented("Entities of navigation properties are read with their feed, for"
                    + " example Decisions('x')/title");
        }
        EdmEntitySet target = uri.getTargetEntitySet();
        String key = uri.getKeyPredicates().get(0).getLiteral();
        Map<String, Object> data;
        if (TOMBSTONES.equals(target.getName())) {
            IRI iri = iriOrNull(key);
            data = iri == null
                    ? null
                    : shared.store
                            .lastChange(iri)
                            .filter(e -> e.kind() == ChangeKind.DELETE && EntityRows.served(e.type()))
                            .map(rows::tombstone)
                            .orElse(null);
        } else {
            data = entity(recordSet(target.getName()), key).orElse(null);
        }
        if (data == null) {
            throw new ODataNotFoundException(ODataNotFoundException.ENTITY);
        }
        return EntityProvider.writeEntry(
                contentType,
                target,
                data,
                properties(uri.getSelect(), uri.getExpand(), target).build());
    }

    // ------------------------------------------------------------------------------ records

    private static InformeaEntitySet recordSet(String name) throws ODataException {
        return InformeaEntitySet.named(name)
                .orElseThrow(() -> FeedQuery.notImplemented("The entity set " + name
                        + " is read through the navigation properties of the records' entity sets"));
    }

    private RecordQuery recordQuery(InformeaEntitySet set, FeedQuery q) {
        return new RecordQuery(
                Set.of(set.recordType()), q.treaties, q.countries, Set.of(), reportTypes(set), q.since, null);
    }

    /** The report types of the national reports a set serves; empty for the other sets (no constraint). */
    private Set<IRI> reportTypes(InformeaEntitySet set) {
        if (set != InformeaEntitySet.COUNTRY_REPORTS && set != InformeaEntitySet.NATIONAL_PLANS) {
            return Set.of();
        }
        boolean plans = set == InformeaEntitySet.NATIONAL_PLANS;
        return shared.thesaurus.concepts(ChmThesaurus.scheme(ChmThesaurus.REPORT_TYPES)).stream()
                .filter(c -> plans == c.notations().stream().anyMatch(InformeaIds.PLAN_TYPES::contains))
                .map(Concept::iri)
                .collect(Collectors.toUnmodifiableSet());
    }

    private Optional<Map<String, Object>> entity(InformeaEntitySet set, String key) {
        Optional<IRI> iri;
        if (set == InformeaEntitySet.TREATIES) {
            iri = treatyRecord(key).or(() -> {
                try { // a Treaty record whose treaty has no identifier is listed under its record id
                    return Optional.of(InformeaIds.recordIri(shared.base, set, key));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            });
        } else {
            try {
                iri = Optional.of(InformeaIds.recordIri(shared.base, set, key));
            } catch (IllegalArgumentException e) {
                iri = Optional.empty();
            }
        }
        return iri.flatMap(i -> shared.store.get(i).flatMap(m -> {
            Record r = RecordMapper.fromRdf(m, i);
            return rows.setOf(r).filter(set::equals).map(s -> rows.row(set, r, m));
        }));
    }

    /** The Treaty record of a treaty identifier: Treaties are keyed by the treaty's id, not the record's. */
    private Optional<IRI> treatyRecord(String key) {
        Optional<IRI> treaty = shared.treaties.resolve(key);
        if (treaty.isEmpty()) {
            return Optional.empty();
        }
        RecordQuery treaties =
                new RecordQuery(Set.of(RecordType.TREATY), Set.of(), Set.of(), Set.of(), Set.of(), null, null);
        IRI after = null;
        RecordPage page;
        do {
            page = shared.store.list(treaties, after, 200);
            for (RecordSummary s : page.items()) {
                Optional<Model> m = shared.store.get(s.iri());
                if (m.isPresent()
                        && RecordMapper.fromRdf(m.get(), s.iri()) instanceof org.chmexchange.model.Treaty t
                        && treaty.get().equals(t.treaty())) {
                    return Optional.of(s.iri());
                }
            }
            after = page.lastKey().orElse(null);
        } while (after != null);
        return Optional.empty();
    }

    private List<Map<String, Object>> navigation(
            EdmEntitySet start, List<KeyPredicate> keys, List<NavigationSegment> segments) throws ODataException {
        if (segments.size() != 1) {
            throw FeedQuery.notImplemented("One navigation segment at most");
        }
        InformeaEntitySet set = recordSet(start.getName());
        Map<String, Object> parent = entity(set, keys.get(0).getLiteral())
                .orElseThrow(() -> new ODataNotFoundException(ODataNotFoundException.ENTITY));
        String nav = segments.get(0).getNavigationProperty().getName();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> data = (List<Map<String, Object>>) parent.getOrDefault(nav, List.of());
        return data;
    }

    // --------------------------------------------------------------------------- tombstones

    private ODataResponse tombstones(GetEntitySetUriInfo uri, String contentType) throws ODataException {
        FeedQuery q = FeedQuery.of(uri.getFilter(), uri.getOrderBy(), shared.treaties, shared.thesaurus);
        if (q.descending) {
            throw FeedQuery.notImplemented("Tombstones are listed oldest first ($orderby=updated asc)");
        }
        int top = uri.getTop() == null ? Integer.MAX_VALUE : uri.getTop();
        int limit = Math.min(top, shared.pageSize);
        long after = sequenceToken(uri.getSkipToken());
        List<Map<String, Object>> data = new ArrayList<>();
        String next = null;
        long total = 0;
        if (!q.nothing) {
            ChangeQuery cq = tombstoneQuery(q);
            total = shared.store.countLatestChanges(cq);
            for (int skip = uri.getSkip() == null ? 0 : uri.getSkip(); skip > 0; ) {
                ChangePage passed = shared.store.latestChanges(cq, after, Math.min(skip, 1000));
                skip -= passed.items().size();
                after = passed.position();
                if (!passed.more()) {
                    break;
                }
            }
            if (limit > 0) {
                ChangePage page = shared.store.latestChanges(cq, after, limit);
                for (ChangeEntry e : page.items()) {
                    data.add(rows.tombstone(e));
                }
                if (page.more() && top > limit) {
                    next = nextLink(TOMBSTONES, uri.getTop() == null ? null : top - limit, "s" + page.position());
                }
            }
        }
        EntityProviderWriteProperties.ODataEntityProviderPropertiesBuilder props =
                properties(uri.getSelect(), uri.getExpand(), uri.getTargetEntitySet());
        if (uri.getInlineCount() == InlineCount.ALLPAGES) {
            props.inlineCountType(InlineCount.ALLPAGES).inlineCount((int) Math.min(Integer.MAX_VALUE, total));
        }
        if (next != null) {
            props.nextLink(next);
        }
        return EntityProvider.writeFeed(contentType, uri.getTargetEntitySet(), data, props.build());
    }

    private static ChangeQuery tombstoneQuery(FeedQuery q) {
        Set<RecordType> types = new java.util.LinkedHashSet<>();
        for (InformeaEntitySet set : InformeaEntitySet.values()) {
            types.add(set.recordType());
        }
        return new ChangeQuery(types, q.treaties, q.countries, q.since, null, Set.of(ChangeKind.DELETE));
    }

    // ------------------------------------------------------------------------------- paging

    /** {@code m{epoch ms}~{record IRI}}: the position after the last record of a page. */
    static String recordToken(ModifiedKey key) {
        return "m" + (key.modified() == null ? 0 : key.modified().toEpochMilli()) + "~"
                + key.iri().stringValue();
    }

    static ModifiedKey recordToken(String token) throws ODataException {
        if (token == null) {
            return null;
        }
        int tilde = token.indexOf('~');
        try {
            if (!token.startsWith("m") || tilde < 2) {
                throw new IllegalArgumentException();
            }
            long millis = Long.parseLong(token.substring(1, tilde));
            return new ModifiedKey(Instant.ofEpochMilli(millis), Values.iri(token.substring(tilde + 1)));
        } catch (IllegalArgumentException e) {
            throw FeedQuery.badRequest("$skiptoken '" + token + "' is not one this service gave (take the next link)");
        }
    }

    static long sequenceToken(String token) throws ODataException {
        if (token == null) {
            return 0;
        }
        try {
            if (!token.startsWith("s")) {
                throw new NumberFormatException();
            }
            long s = Long.parseLong(token.substring(1));
            if (s < 0) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw FeedQuery.badRequest("$skiptoken '" + token + "' is not one this service gave (take the next link)");
        }
    }

    /** The request's own options, without {@code $skip}, with {@code $top} reduced and the token. */
    private String nextLink(String setName, Integer top, String token) {
        HttpUrl.Builder b =
                HttpUrl.get(shared.serviceRoot.resolve(setName).toString()).newBuilder();
        for (Map.Entry<String, List<String>> e : new LinkedHashMap<>(query).entrySet()) {
            String k = e.getKey();
            if (k.equals("$skip") || k.equals("$skiptoken") || k.equals("$top")) {
                continue;
            }
            for (String v : e.getValue()) {
                b.addQueryParameter(k, v);
            }
        }
        if (top != null) {
            b.addQueryParameter("$top", Integer.toString(top));
        }
        b.addQueryParameter("$skiptoken", token);
        return b.build().toString();
    }

    private EntityProviderWriteProperties.ODataEntityProviderPropertiesBuilder properties(
            List<org.apache.olingo.odata2.api.uri.SelectItem> select,
            List<java.util.ArrayList<org.apache.olingo.odata2.api.uri.NavigationPropertySegment>> expand,
            EdmEntitySet set)
            throws ODataException {
        EntityProviderWriteProperties.ODataEntityProviderPropertiesBuilder b =
                EntityProviderWriteProperties.serviceRoot(shared.serviceRoot);
        if (set == null) {
            return b;
        }
        ExpandSelectTreeNode tree = UriParser.createExpandSelectTree(
                select == null ? List.of() : select, expand == null ? List.of() : expand);
        b.expandSelectTree(tree);
        Map<String, org.apache.olingo.odata2.api.ODataCallback> callbacks = new HashMap<>();
        OnWriteFeedContent inline = context -> {
            WriteFeedCallbackResult result = new WriteFeedCallbackResult();
            try {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> data = (List<Map<String, Object>>) context.getEntryData()
                        .getOrDefault(context.getNavigationProperty().getName(), List.of());
                result.setFeedData(data);
            } catch (EdmException e) {
                throw new org.apache.olingo.odata2.api.exception.ODataApplicationException(
                        e.getMessage(), java.util.Locale.ENGLISH, e);
            }
            result.setInlineProperties(EntityProviderWriteProperties.serviceRoot(shared.serviceRoot)
                    .expandSelectTree(context.getCurrentExpandSelectTreeNode())
                    .build());
            return result;
        };
        for (String nav : set.getEntityType().getNavigationPropertyNames()) {
            callbacks.put(nav, inline);
        }
        b.callbacks(callbacks);
        return b;
    }

    private static IRI iriOrNull(String s) {
        try {
            return Values.iri(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
