package org.chmexchange.node.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * An in-memory Lucene index of CBD index documents that answers {@code /api/v2013/index/select} the way
 * the CBD's Solr does for the requests harvesters send (INCUMBENTS.md part A 1.5): the standard query
 * syntax parsed by Lucene's classic query parser (the parser Solr's standard parser derives from), so
 * escaping, {@code AND}/{@code OR}/{@code NOT}, {@code field:*}, {@code field:(a OR b)} and inclusive or
 * exclusive ranges with {@code *} behave as in Solr; {@code sort} on any single-valued field ({@code
 * asc}/{@code desc}, missing values last), {@code start}, {@code rows}, {@code fl}. Every value is an
 * exact term (no text analysis); {@code _dt} values are written {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, so
 * that their order as terms is their order in time. Not a Solr: faceting, scoring, functions and
 * cursorMark are not served.
 *
 * <p>Thread-safety: {@link #select} may run concurrently; {@link #replace} swaps the whole index.
 */
public final class CbdIndex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "_json";
    private static final DateTimeFormatter SOLR_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private volatile Snapshot snapshot;

    /** A parse error or a request the index cannot answer; the server answers 400 with it. */
    public static final class BadRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Snapshot(Directory directory, DirectoryReader reader, IndexSearcher searcher, int size) {}

    /** An index of {@code docs}, each a JSON object with an {@code id}. */
    public CbdIndex(List<JsonNode> docs) {
        replace(docs);
    }

    /** Replaces every document with {@code docs}. */
    public synchronized void replace(List<JsonNode> docs) {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
            for (JsonNode doc : docs) {
                writer.addDocument(document(normalized(doc)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot build the in-memory index", e);
        }
        try {
            DirectoryReader reader = DirectoryReader.open(directory);
            snapshot = new Snapshot(directory, reader, new IndexSearcher(reader), docs.size());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the in-memory index", e);
        }
    }

    /** How many documents it holds. */
    public int size() {
        return snapshot.size();
    }

    /**
     * The Solr response {@code {"responseHeader": ..., "response": {"numFound", "start", "docs"}}}.
     *
     * @param q the query; blank for {@code *:*}
     * @param fl fields to return, comma- or space-separated; null or {@code *} for all
     * @param sort such as {@code updatedDate_dt asc, id asc}; null for index order
     * @param start offset, at least 0
     * @param rows page size, at least 0
     * @throws BadRequestException if the query or sort does not parse
     */
    public ObjectNode select(String q, String fl, String sort, int start, int rows) {
        Snapshot s = snapshot;
        Query query = parse(q);
        try {
            int wanted = Math.max(1, start + rows);
            TopFieldDocs top;
            try {
                top = s.searcher().search(query, wanted, sort(sort));
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new BadRequestException("can not sort on " + sort + ": " + e.getMessage(), e);
            }
            ObjectNode out = JSON.createObjectNode();
            out.putObject("responseHeader").put("status", 0).put("QTime", 0);
            ObjectNode response = out.putObject("response");
            response.put("numFound", top.totalHits.value);
            response.put("start", start);
            ArrayNode docs = response.putArray("docs");
            Set<String> fields = fields(fl);
            ScoreDoc[] hits = top.scoreDocs;
            for (int i = start; i < hits.length && i < start + rows; i++) {
                String json = s.searcher().storedFields().document(hits[i].doc).get(SOURCE);
                ObjectNode doc = (ObjectNode) JSON.readTree(json);
                if (fields != null) {
                    doc.retain(fields);
                }
                docs.add(doc);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot search the in-memory index", e);
        }
    }

    private static Query parse(String q) {
        if (q == null || q.isBlank() || q.strip().equals("*:*")) {
            return new MatchAllDocsQuery();
        }
        QueryParser parser = new QueryParser("text", new KeywordAnalyzer());
        parser.setAllowLeadingWildcard(true);
        try {
            return parser.parse(q);
        } catch (ParseException e) {
            throw new BadRequestException("org.apache.solr.search.SyntaxError: Cannot parse '" + q + "'", e);
        }
    }

    private static Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.INDEXORDER;
        }
        List<SortField> fields = new ArrayList<>();
        for (String part : sort.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length != 2 || !(words[1].equalsIgnoreCase("asc") || words[1].equalsIgnoreCase("desc"))) {
                throw new BadRequestException(
                        "Can't determine a Sort Order (asc or desc) in sort spec '" + part.strip() + "'", null);
            }
            SortField field = new SortField(words[0], SortField.Type.STRING, words[1].equalsIgnoreCase("desc"));
            field.setMissingValue(SortField.STRING_LAST);
            fields.add(field);
        }
        return new Sort(fields.toArray(new SortField[0]));
    }

    private static Set<String> fields(String fl) {
        if (fl == null || fl.isBlank() || fl.strip().equals("*")) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String f : fl.split("[,\\s]+")) {
            if (!f.isBlank()) {
                out.add(f.strip());
            }
        }
        return out;
    }

    /** The document with its {@code _dt} values in Solr's own form. */
    private static ObjectNode normalized(JsonNode doc) {
        if (!doc.isObject() || !doc.hasNonNull("id")) {
            throw new IllegalArgumentException("An index document is a JSON object with an id: " + doc);
        }
        ObjectNode copy = ((ObjectNode) doc).deepCopy();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) copy::fields) {
            if (e.getKey().endsWith("_dt") && e.getValue().isTextual()) {
                e.setValue(copy.textNode(solrDate(e.getValue().asText())));
            }
        }
        return copy;
    }

    /** A date-time in Solr's form ({@code 2024-01-31T12:00:00.000Z}); as given when it is not one. */
    static String solrDate(String value) {
        try {
            Instant t = OffsetDateTime.parse(value).toInstant();
            return SOLR_DATE.format(t);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static Document document(ObjectNode doc) {
        Document d = new Document();
        try {
            d.add(new StoredField(SOURCE, JSON.writeValueAsString(doc)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot keep an index document: " + e.getMessage(), e);
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) doc::fields) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (v.isArray()) {
                for (JsonNode item : v) {
                    d.add(new StringField(
                            e.getKey(), item.isTextual() ? item.asText() : item.toString(), Field.Store.NO));
                }
                continue;
            }
            String term = v.isValueNode() ? v.asText() : v.toString();
            d.add(new StringField(e.getKey(), term, Field.Store.NO));
            d.add(new SortedDocValuesField(e.getKey(), new BytesRef(term)));
        }
        return d;
    }
}
