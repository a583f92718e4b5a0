package org.chmexchange.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.ChangePage;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.ModifiedKey;
import org.chmexchange.store.RecordFacets;
import org.chmexchange.store.RecordPage;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.store.StoreException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;

/**
 * The node's own record index (Apache Lucene, on disk): the filter keys, the text and the summary
 * of every record, sorted by record IRI. Listing is keyset paging: a page is "the first n matches
 * whose IRI is greater than the last one seen", so pages never overlap or skip a record, and no
 * page costs more than the first one.
 *
 * <p>Each commit records the sequence number of the last change-log entry it holds
 * ({@link #indexedSequence()}): the store commits first, the index after, so an index found behind
 * the store on open catches up from the change log, and an index with no sequence (new, or marked
 * dirty by a rebuild that did not finish) is rebuilt. Because of that rule the index is committed
 * to disk at most every {@value #DURABLE_INTERVAL_SECONDS} seconds of writes ({@link #publish});
 * changes are searchable as soon as they are published. {@link #close()} commits.
 *
 * <p>Thread-safety: searches run concurrently; writes are serialised by the caller.
 */
public final class RecordIndex implements AutoCloseable {

    private static final String IRI = "iri";
    private static final String TYPE = "type";
    private static final String TREATY = "treaty";
    private static final String COUNTRY = "country";
    private static final String IDS = "ids";
    private static final String MEETING = "meeting";
    private static final String CONCEPT = "concept";
    private static final String MODIFIED = "modified";
    private static final String TEXT = "text";
    private static final String IDENTIFIER = "identifier";
    private static final String TITLE = "title";
    private static final String CLEAN = "clean";
    private static final String SEQUENCE = "sequence";
    private static final String STORE = "store";
    /** The identity of the store this index is built from ({@link #bindTo}); null until bound. */
    private volatile String store;

    private static final String DOC = "doc";
    private static final String DOC_RECORD = "record";
    private static final String DOC_CHANGE = "change";
    private static final String SEQ = "seq";
    private static final String OBJECT = "object";
    private static final String ACTIVITY = "activity";
    private static final String TIME = "time";
    /** Doc values on change entries: 1 on the newest entry of its record, 0 on the older ones. */
    private static final String LATEST = "latest";
    /** Commit data: the layout of the documents; an index of another layout is rebuilt. */
    private static final String FORMAT = "format";
    /** The year of a record's date ({@link RecordFacets.Facet#YEAR}), as digits. */
    private static final String YEAR = "year";
    /** The doc-values field each facet is counted on. */
    private static final Map<RecordFacets.Facet, String> FACET_FIELDS = Map.of(
            RecordFacets.Facet.TYPE, "facet.type",
            RecordFacets.Facet.TREATY, "facet.treaty",
            RecordFacets.Facet.COUNTRY, "facet.country",
            RecordFacets.Facet.CONCEPT, "facet.concept",
            RecordFacets.Facet.YEAR, "facet.year");
    /**
     * 2: change entries carry {@link #LATEST} and a {@link LongPoint} on {@link #TIME}; 4: their
     * {@link #ACTIVITY} is indexed, and records have doc values on {@link #MODIFIED}; 5: records have a {@link #YEAR} and facet doc
     * values ({@link #FACET_FIELDS}).
     */
    static final String FORMAT_VERSION = "5";

    /** The facet ordinal maps of the last reader facets were counted on; replaced when the index changes. */
    private volatile FacetStates facetStates;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final Path path;
    private final Directory directory;
    private final Analyzer analyzer = new FoldingAnalyzer();
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    /** When the last commit to disk ended ({@link System#nanoTime()}); guarded by the caller's write serialisation. */
    private long lastCommit = System.nanoTime();

    /** The longest time changes stay searchable but not committed to disk. */
    static final long DURABLE_INTERVAL_SECONDS = 10;

    /**
     * Opens (or creates) the index in {@code dir}.
     *
     * @throws StoreException if the folder cannot be opened (for example it is locked by another process)
     */
    public RecordIndex(Path dir) {
        this.path = dir;
        try {
            this.directory = FSDirectory.open(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot open the record index in " + dir, e);
        }
        try {
            openWriter();
        } catch (RuntimeException e) {
            closeQuietly(directory, e);
            throw e;
        }
    }

    private void openWriter() {
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new StoreException("Cannot open the record index in " + path, e);
        }
    }

    /**
     * Drops every change not yet committed (after a failed write) and reopens the writer on the last
     * commit. Searches in flight finish on their old reader.
     */
    public void reset() {
        try {
            searchers.close();
            writer.rollback();
        } catch (IOException e) {
            throw new StoreException("Cannot roll back the record index in " + path, e);
        }
        openWriter();
    }

    /**
     * The sequence number of the newest change-log entry the index holds (on open: its last commit
     * to disk; after that: the last {@link #publish}), or -1 if the index
     * is new, was committed by an earlier version or with another document layout ({@value
     * #FORMAT_VERSION}), or is marked dirty (a rebuild in progress or one that failed).
     */
    public long indexedSequence() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return -1;
            }
            String clean = null;
            String sequence = null;
            String format = null;
            String builtFrom = null;
            for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
                if (CLEAN.equals(e.getKey())) {
                    clean = e.getValue();
                } else if (SEQUENCE.equals(e.getKey())) {
                    sequence = e.getValue();
                } else if (FORMAT.equals(e.getKey())) {
                    format = e.getValue();
                } else if (STORE.equals(e.getKey())) {
                    builtFrom = e.getValue();
                }
            }
            // An index of another store is stale whatever its sequence; one committed before indexes
            // recorded their store (no key) is trusted as before, and records it at its next commit.
            boolean sameStore = builtFrom == null || store == null || builtFrom.equals(store);
            return Boolean.parseBoolean(clean) && sequence != null && FORMAT_VERSION.equals(format) && sameStore
                    ? Long.parseLong(sequence)
                    : -1;
        } catch (IOException | NumberFormatException e) {
            throw new StoreException("Cannot read the state of the record index in " + path + ": " + e, e);
        }
    }

    /**
     * Durably marks the index as not matching the store, before a rebuild: if the process dies
     * before the rebuild's {@link #commit(long)}, the next open rebuilds it again.
     */
    public void markDirty() {
        commitWith(Map.of(CLEAN, "false"));
    }

    /** Adds or replaces the entries of these records (not yet committed). */
    public void put(Collection<IndexEntry> entries) {
        try {
            for (IndexEntry entry : entries) {
                writer.updateDocument(new Term(IRI, entry.summary().iri().stringValue()), document(entry));
            }
        } catch (IOException e) {
            throw new StoreException("Cannot index " + entries.size() + " records", e);
        }
    }

    /** Removes the entries of these records (not yet committed). */
    public void delete(Collection<IRI> records) {
        try {
            for (IRI iri : records) {
                writer.deleteDocuments(new Term(IRI, iri.stringValue()));
            }
        } catch (IOException e) {
            throw new StoreException("Cannot remove " + records.size() + " records from the index", e);
        }
    }

    /** Removes every entry (not yet committed). */
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new StoreException("Cannot clear the record index", e);
        }
    }

    /**
     * Commits pending changes and makes them searchable.
     *
     * @param sequence the sequence number of the newest change-log entry the index now holds; -1
     *     while the index is known to be stale (it is then rebuilt at the next open)
     */
    public void commit(long sequence) {
        commitWith(sequence < 0 ? Map.of(CLEAN, "false") : cleanAt(sequence));
    }

    /**
     * Makes pending changes searchable at once and commits them to disk at most every
     * {@value #DURABLE_INTERVAL_SECONDS} seconds (and on {@link #close()}): the store's change log is
     * what makes a write durable, and an index found behind it on open catches up from it, so a
     * Lucene commit (several fsyncs) per write would buy nothing. Writes serialised by the caller.
     *
     * @param sequence the sequence number of the newest change-log entry the index now holds; -1
     *     while the index is known to be stale, which is committed at once
     */
    public void publish(long sequence) {
        if (sequence < 0 || System.nanoTime() - lastCommit >= DURABLE_INTERVAL_SECONDS * 1_000_000_000L) {
            commit(sequence);
            return;
        }
        try {
            writer.setLiveCommitData(cleanAt(sequence).entrySet());
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new StoreException("Cannot refresh the record index", e);
        }
    }

    private Map<String, String> cleanAt(long sequence) {
        return store == null
                ? Map.of(CLEAN, "true", SEQUENCE, Long.toString(sequence), FORMAT, FORMAT_VERSION)
                : Map.of(CLEAN, "true", SEQUENCE, Long.toString(sequence), FORMAT, FORMAT_VERSION, STORE, store);
    }

    /**
     * Says which store this index is built from ({@link org.chmexchange.store.SettingKey#STORE_ID}):
     * {@link #indexedSequence} is then -1 for an index another store's commits left, and every commit
     * records this one. Call before {@link #indexedSequence}.
     */
    public void bindTo(String storeId) {
        this.store = java.util.Objects.requireNonNull(storeId, "storeId");
    }

    private void commitWith(Map<String, String> data) {
        try {
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            lastCommit = System.nanoTime();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new StoreException("Cannot commit the record index", e);
        }
    }

    /**
     * One page of the records matching {@code query} with an IRI greater than {@code after}.
     *
     * @param after the last IRI of the previous page; null for the first page
     * @param limit page size, at least 1
     */
    public RecordPage list(RecordQuery query, IRI after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        Query filter = toLucene(query);
        Query page = filter;
        if (after != null) {
            page = new BooleanQuery.Builder()
                    .add(filter, Occur.FILTER)
                    .add(new TermRangeQuery(IRI, new BytesRef(after.stringValue()), null, false, false), Occur.FILTER)
                    .build();
        }
        IndexSearcher searcher = acquire();
        try {
            long total = searcher.count(filter);
            TopFieldDocs top = searcher.search(page, limit + 1, new Sort(new SortField(IRI, SortField.Type.STRING)));
            return page(searcher, top, 0, limit, total);
        } catch (IOException e) {
            throw new StoreException("Cannot search the record index", e);
        } finally {
            release(searcher);
        }
    }

    /**
     * One page of the records matching {@code query} in order of modification time (ascending or
     * descending), then IRI (ascending), after the position {@code after} and {@code skip}
     * records more. A record without a modification time sorts as the epoch.
     *
     * @param after the position of the last record of the previous page; null to start at the
     *     beginning
     * @param skip records passed over before the page, at least 0
     * @param limit page size, at least 1
     */
    public RecordPage listByModified(RecordQuery query, boolean descending, ModifiedKey after, int skip, int limit) {
        if (limit < 1 || skip < 0) {
            throw new IllegalArgumentException("limit must be at least 1 and skip at least 0: " + limit + ", " + skip);
        }
        Query filter = toLucene(query);
        Sort sort = new Sort(
                new SortField(MODIFIED, SortField.Type.LONG, descending), new SortField(IRI, SortField.Type.STRING));
        IndexSearcher searcher = acquire();
        try {
            long total = searcher.count(filter);
            if (skip >= total) { // past the end: no need to rank skip + limit hits
                return new RecordPage(List.of(), total, Optional.empty());
            }
            int wanted = Math.addExact(Math.addExact(skip, limit), 1);
            org.apache.lucene.search.TopDocs top;
            if (after == null) {
                top = searcher.search(filter, wanted, sort);
            } else {
                long millis = after.modified() == null ? 0 : after.modified().toEpochMilli();
                // the last document id: a record sorting equal to the position (itself) is not after it
                int lastDoc = Math.max(0, searcher.getIndexReader().maxDoc() - 1);
                FieldDoc position = new FieldDoc(lastDoc, Float.NaN, new Object[] {
                    millis, new BytesRef(after.iri().stringValue())
                });
                top = searcher.searchAfter(position, filter, wanted, sort);
            }
            return page(searcher, top, skip, limit, total);
        } catch (IOException e) {
            throw new StoreException("Cannot search the record index", e);
        } finally {
            release(searcher);
        }
    }

    /** Hits {@code skip} to {@code skip + limit} of {@code top}; a last key when more follow. */
    private static RecordPage page(
            IndexSearcher searcher, org.apache.lucene.search.TopDocs top, int skip, int limit, long total)
            throws IOException {
        List<RecordSummary> items = new ArrayList<>();
        for (int i = skip; i < Math.min(skip + limit, top.scoreDocs.length); i++) {
            items.add(summary(searcher.storedFields().document(top.scoreDocs[i].doc)));
        }
        Optional<IRI> last = top.scoreDocs.length > skip + limit && !items.isEmpty()
                ? Optional.of(items.get(items.size() - 1).iri())
                : Optional.empty();
        return new RecordPage(items, total, last);
    }

    /** How many records match. */
    public long count(RecordQuery query) {
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(toLucene(query));
        } catch (IOException e) {
            throw new StoreException("Cannot count in the record index", e);
        } finally {
            release(searcher);
        }
    }

    /**
     * Adds change-log entries (not yet committed). The entries must be newer than every entry the
     * index holds (their order among themselves does not matter): the newest of each record
     * becomes its {@linkplain #latestChanges latest}, and its older entries stop being latest.
     */
    public void putChanges(Collection<ChangeEntry> entries) {
        try {
            Map<String, Long> newest = new java.util.HashMap<>();
            for (ChangeEntry e : entries) {
                newest.merge(e.record().stringValue(), e.sequence(), Math::max);
            }
            if (writer.getFieldNames().contains(LATEST)) { // else no entry holds the field yet
                for (String record : newest.keySet()) {
                    writer.updateNumericDocValue(new Term(OBJECT, record), LATEST, 0);
                }
            }
            for (ChangeEntry e : entries) {
                Document d = new Document();
                d.add(new StringField(DOC, DOC_CHANGE, Field.Store.NO));
                d.add(new LongPoint(SEQ, e.sequence()));
                d.add(new NumericDocValuesField(SEQ, e.sequence()));
                d.add(new StoredField(SEQ, e.sequence()));
                d.add(new StringField(OBJECT, e.record().stringValue(), Field.Store.YES));
                d.add(new StringField(TYPE, e.type().slug(), Field.Store.YES));
                d.add(new StringField(ACTIVITY, e.kind().name(), Field.Store.YES));
                d.add(new LongPoint(TIME, e.time().toEpochMilli()));
                d.add(new StoredField(TIME, e.time().toEpochMilli()));
                boolean latest = newest.get(e.record().stringValue()) == e.sequence();
                d.add(new NumericDocValuesField(LATEST, latest ? 1 : 0));
                e.treaties().forEach(t -> d.add(new StringField(TREATY, t.stringValue(), Field.Store.YES)));
                e.countries().forEach(c -> d.add(new StringField(COUNTRY, c.stringValue(), Field.Store.YES)));
                writer.addDocument(d);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot index " + entries.size() + " change-log entries", e);
        }
    }

    /**
     * The change-log entries matching {@code query} with a sequence number above {@code after}, in
     * ascending order.
     *
     * @param limit page size, at least 1
     */
    public ChangePage changes(ChangeQuery query, long after, int limit) {
        return changePage(changeFilter(query), after, limit);
    }

    /**
     * The newest change-log entry of each record, among those matching {@code query}, with a
     * sequence number above {@code after}, in ascending order: the current state of every record
     * the log knows (its last create or update, or its tombstone), each once.
     *
     * @param limit page size, at least 1
     */
    public ChangePage latestChanges(ChangeQuery query, long after, int limit) {
        return changePage(latestFilter(query), after, limit);
    }

    /** How many records have their newest change-log entry matching {@code query}. */
    public long countLatestChanges(ChangeQuery query) {
        return countChangeDocs(latestFilter(query).build());
    }

    private ChangePage changePage(BooleanQuery.Builder b, long after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        b.add(LongPoint.newRangeQuery(SEQ, after + 1, Long.MAX_VALUE), Occur.FILTER);
        IndexSearcher searcher = acquire();
        try {
            TopFieldDocs top = searcher.search(b.build(), limit + 1, new Sort(new SortField(SEQ, SortField.Type.LONG)));
            List<ChangeEntry> items = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, top.scoreDocs.length); i++) {
                items.add(change(searcher.storedFields().document(top.scoreDocs[i].doc)));
            }
            long position =
                    items.isEmpty() ? after : items.get(items.size() - 1).sequence();
            return new ChangePage(items, top.scoreDocs.length > limit, position);
        } catch (IOException e) {
            throw new StoreException("Cannot read the change log from the index", e);
        } finally {
            release(searcher);
        }
    }

    /** How many change-log entries match. */
    public long countChanges(ChangeQuery query) {
        return countChangeDocs(changeFilter(query).build());
    }

    private long countChangeDocs(Query query) {
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(query);
        } catch (IOException e) {
            throw new StoreException("Cannot count the change log", e);
        } finally {
            release(searcher);
        }
    }

    /** The newest change-log entry about {@code record}, if any. */
    public Optional<ChangeEntry> lastChange(IRI record) {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(DOC, DOC_CHANGE)), Occur.FILTER)
                .add(new TermQuery(new Term(OBJECT, record.stringValue())), Occur.FILTER)
                .build();
        IndexSearcher searcher = acquire();
        try {
            TopFieldDocs top = searcher.search(q, 1, new Sort(new SortField(SEQ, SortField.Type.LONG, true)));
            return top.scoreDocs.length == 0
                    ? Optional.empty()
                    : Optional.of(change(searcher.storedFields().document(top.scoreDocs[0].doc)));
        } catch (IOException e) {
            throw new StoreException("Cannot read the change log from the index", e);
        } finally {
            release(searcher);
        }
    }

    private static BooleanQuery.Builder changeFilter(ChangeQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(DOC, DOC_CHANGE)), Occur.FILTER);
        anyOf(b, TYPE, q.types().stream().map(RecordType::slug).toList());
        anyOf(b, TREATY, strings(q.treaties()));
        anyOf(b, COUNTRY, strings(q.countries()));
        anyOf(b, ACTIVITY, q.kinds().stream().map(ChangeKind::name).toList());
        anyOf(b, OBJECT, strings(q.records()));
        if (q.from() != null || q.until() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
            long until = q.until() == null ? Long.MAX_VALUE : q.until().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(TIME, from, until), Occur.FILTER);
        }
        return b;
    }

    private static BooleanQuery.Builder latestFilter(ChangeQuery q) {
        BooleanQuery.Builder b = changeFilter(q);
        b.add(NumericDocValuesField.newSlowExactQuery(LATEST, 1), Occur.FILTER);
        return b;
    }

    private static ChangeEntry change(Document d) {
        Set<org.eclipse.rdf4j.model.IRI> treaties = new java.util.LinkedHashSet<>();
        for (String t : d.getValues(TREATY)) {
            treaties.add(Values.iri(t));
        }
        Set<org.eclipse.rdf4j.model.IRI> countries = new java.util.LinkedHashSet<>();
        for (String c : d.getValues(COUNTRY)) {
            countries.add(Values.iri(c));
        }
        return new ChangeEntry(
                d.getField(SEQ).numericValue().longValue(),
                ChangeKind.valueOf(d.get(ACTIVITY)),
                Values.iri(d.get(OBJECT)),
                RecordType.fromSlug(d.get(TYPE)).orElseThrow(),
                Instant.ofEpochMilli(d.getField(TIME).numericValue().longValue()),
                treaties,
                countries);
    }

    @Override
    public void close() {
        try {
            try {
                searchers.close();
            } finally {
                try {
                    writer.close();
                } finally {
                    directory.close();
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot close the record index in " + path, e);
        }
    }

    private static void closeQuietly(Directory d, RuntimeException failure) {
        try {
            d.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private Query toLucene(RecordQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(DOC, DOC_RECORD)), Occur.FILTER);
        anyOf(b, TYPE, q.types().stream().map(RecordType::slug).toList());
        anyOf(b, TREATY, strings(q.treaties()));
        anyOf(b, COUNTRY, strings(q.countries()));
        anyOf(b, MEETING, strings(q.meetings()));
        anyOf(b, CONCEPT, strings(q.concepts()));
        anyOf(b, IDS, List.copyOf(q.identifiers()));
        anyOf(b, YEAR, q.years().stream().map(String::valueOf).toList());
        if (q.modifiedSince() != null) {
            b.add(LongPoint.newRangeQuery(MODIFIED, q.modifiedSince().toEpochMilli(), Long.MAX_VALUE), Occur.FILTER);
        }
        if (q.text() != null) {
            List<String> words = analyze(q.text());
            if (words.isEmpty()) {
                throw new IllegalArgumentException("The text query has no searchable word: " + q.text());
            }
            for (String word : words) {
                b.add(new TermQuery(new Term(TEXT, word)), Occur.FILTER);
            }
        }
        return b.build();
    }

    private static void anyOf(BooleanQuery.Builder b, String field, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String v : values) {
            any.add(new TermQuery(new Term(field, v)), Occur.SHOULD);
        }
        b.add(any.build(), Occur.FILTER);
    }

    private static List<String> strings(Set<IRI> iris) {
        return iris.stream().map(org.eclipse.rdf4j.model.IRI::stringValue).toList();
    }

    private List<String> analyze(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                words.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static Document document(IndexEntry e) {
        RecordSummary s = e.summary();
        Document d = new Document();
        d.add(new StringField(DOC, DOC_RECORD, Field.Store.NO));
        d.add(new StringField(IRI, s.iri().stringValue(), Field.Store.YES));
        d.add(new SortedDocValuesField(IRI, new BytesRef(s.iri().stringValue())));
        d.add(new StringField(TYPE, s.type().slug(), Field.Store.YES));
        facet(d, RecordFacets.Facet.TYPE, s.type().slug());
        e.treaties().forEach(v -> d.add(new StringField(TREATY, v, Field.Store.NO)));
        e.treaties().forEach(v -> facet(d, RecordFacets.Facet.TREATY, v));
        e.countries().forEach(v -> d.add(new StringField(COUNTRY, v, Field.Store.NO)));
        e.countries().forEach(v -> facet(d, RecordFacets.Facet.COUNTRY, v));
        e.meetings().forEach(v -> d.add(new StringField(MEETING, v, Field.Store.NO)));
        e.concepts().forEach(v -> d.add(new StringField(CONCEPT, v, Field.Store.NO)));
        e.concepts().forEach(v -> facet(d, RecordFacets.Facet.CONCEPT, v));
        if (e.year() != null) {
            d.add(new StringField(YEAR, e.year().toString(), Field.Store.NO));
            facet(d, RecordFacets.Facet.YEAR, e.year().toString());
        }
        e.identifiers().forEach(v -> d.add(new StringField(IDS, v, Field.Store.NO)));
        if (s.modified() != null) {
            d.add(new LongPoint(MODIFIED, s.modified().toEpochMilli()));
            d.add(new StoredField(MODIFIED, s.modified().toEpochMilli()));
        }
        d.add(new NumericDocValuesField(
                MODIFIED, s.modified() == null ? 0 : s.modified().toEpochMilli()));
        e.texts().forEach(t -> d.add(new TextField(TEXT, t, Field.Store.NO)));
        d.add(new StoredField(IDENTIFIER, s.identifier()));
        try {
            d.add(new StoredField(TITLE, JSON.writeValueAsString(s.title())));
        } catch (JsonProcessingException ex) {
            throw new StoreException("Cannot index the title of <" + s.iri() + ">", ex);
        }
        return d;
    }

    private static void facet(Document d, RecordFacets.Facet facet, String value) {
        d.add(new SortedSetDocValuesField(FACET_FIELDS.get(facet), new BytesRef(value)));
    }

    /**
     * The facet counts of the records matching {@code query}, the {@code top} values of each facet
     * (Lucene's {@link StringValueFacetCounts} over doc values; the ordinal maps are built once per
     * searcher, that is again after every write the searcher sees).
     */
    public RecordFacets facets(RecordQuery query, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1: " + top);
        }
        Query filter = toLucene(query);
        IndexSearcher searcher = acquire();
        try {
            FacetsCollector hits = searcher.search(filter, new FacetsCollectorManager());
            long total = 0;
            for (FacetsCollector.MatchingDocs m : hits.getMatchingDocs()) {
                total += m.totalHits;
            }
            Map<RecordFacets.Facet, StringDocValuesReaderState> states = facetStates(searcher);
            Map<RecordFacets.Facet, List<RecordFacets.Count>> counts =
                    new java.util.EnumMap<>(RecordFacets.Facet.class);
            for (RecordFacets.Facet f : RecordFacets.Facet.values()) {
                List<RecordFacets.Count> values = new ArrayList<>();
                if (total > 0) {
                    FacetResult result =
                            new StringValueFacetCounts(states.get(f), hits).getTopChildren(top, FACET_FIELDS.get(f));
                    if (result != null) {
                        for (LabelAndValue lv : result.labelValues) {
                            values.add(new RecordFacets.Count(lv.label, lv.value.longValue()));
                        }
                    }
                }
                values.sort(java.util.Comparator.comparingLong(RecordFacets.Count::count)
                        .reversed()
                        .thenComparing(RecordFacets.Count::value));
                counts.put(f, values);
            }
            return new RecordFacets(total, counts);
        } catch (IOException e) {
            throw new StoreException("Cannot count facets in the record index", e);
        } finally {
            release(searcher);
        }
    }

    /** The facet ordinal maps of the searcher's reader, built once per reader. */
    private Map<RecordFacets.Facet, StringDocValuesReaderState> facetStates(IndexSearcher searcher) throws IOException {
        FacetStates cached = facetStates;
        if (cached != null && cached.reader() == searcher.getIndexReader()) {
            return cached.states();
        }
        Map<RecordFacets.Facet, StringDocValuesReaderState> states = new java.util.EnumMap<>(RecordFacets.Facet.class);
        for (RecordFacets.Facet f : RecordFacets.Facet.values()) {
            states.put(f, new StringDocValuesReaderState(searcher.getIndexReader(), FACET_FIELDS.get(f)));
        }
        facetStates = new FacetStates(searcher.getIndexReader(), states);
        return states;
    }

    /** The facet ordinal maps of one index reader. */
    private record FacetStates(
            org.apache.lucene.index.IndexReader reader, Map<RecordFacets.Facet, StringDocValuesReaderState> states) {}

    private static RecordSummary summary(Document d) {
        try {
            Map<String, String> title = JSON.readValue(d.get(TITLE), STRING_MAP);
            var modified = d.getField(MODIFIED);
            return new RecordSummary(
                    Values.iri(d.get(IRI)),
                    RecordType.fromSlug(d.get(TYPE)).orElseThrow(),
                    d.get(IDENTIFIER),
                    title,
                    modified == null
                            ? null
                            : Instant.ofEpochMilli(modified.numericValue().longValue()));
        } catch (JsonProcessingException e) {
            throw new StoreException("Corrupt record index entry for <" + d.get(IRI) + ">", e);
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new StoreException("Cannot open a searcher on the record index", e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new StoreException("Cannot release a searcher of the record index", e);
        }
    }
}
