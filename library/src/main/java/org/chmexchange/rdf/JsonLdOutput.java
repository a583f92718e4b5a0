package org.chmexchange.rdf;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.hasmac.jsonld.JsonLd;
import no.hasmac.jsonld.JsonLdError;
import no.hasmac.jsonld.JsonLdOptions;
import no.hasmac.jsonld.document.JsonDocument;
import org.chmexchange.ChmException;
import org.chmexchange.model.RecordIris;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.jsonld.JSONLDMode;
import org.eclipse.rdf4j.rio.jsonld.JSONLDSettings;

/**
 * Builds the JSON-LD of a model: compacted with our context, referred to by its IRI, and framed so
 * that each record is one JSON object with its nested resources (files) embedded (JSON-LD 1.1
 * Framing, section 4). One record gives that object; several (or none) give
 * {@code {"@context": ..., "@graph": [...]}}, records in IRI order.
 *
 * <p>Each record is framed on its own (its triples and those of its {@code #} resources), so a
 * record citing another is never embedded in it. A model that is not only records (other subjects,
 * unreachable nested resources, blank-node subjects, named graphs) is flattened instead (JSON-LD
 * 1.1 API, section 4.3), which keeps every triple.
 *
 * <p>RDF to expanded JSON-LD is RDF4J's writer; framing, flattening and compaction are Titanium
 * with {@link ContextLoader}. {@code xsd:integer} values in canonical form become JSON numbers
 * ({@code "session": 15}). Stateless.
 */
final class JsonLdOutput {

    private static final String INTEGER = XSD.INTEGER.stringValue();
    private static final Pattern CANONICAL_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final List<String> LEADING_KEYS =
            List.of("@context", "id", "type", "identifier", "title", "summary");

    private JsonLdOutput() {}

    static JsonObject toJson(Model model, JsonLdContext context) {
        ContextLoader loader = ContextLoader.of(context);
        try {
            Map<IRI, Model> records = recordModels(model);
            if (records == null) {
                JsonStructure flat = JsonLd.flatten(JsonDocument.of(expanded(model)))
                        .context(loader.url())
                        .options(options(loader))
                        .get();
                JsonObject object = flat instanceof JsonObject o
                        ? o
                        : Json.createObjectBuilder().add("@graph", flat).build();
                return leading(Json.createObjectBuilder(object)
                        .add("@context", context.url())
                        .build());
            }
            List<JsonObject> nodes = new ArrayList<>();
            for (Map.Entry<IRI, Model> entry : records.entrySet()) {
                JsonObject frame = Json.createObjectBuilder()
                        .add("@context", context.url())
                        .add("@id", entry.getKey().stringValue())
                        .build();
                JsonObject framed = JsonLd.frame(JsonDocument.of(expanded(entry.getValue())), JsonDocument.of(frame))
                        .options(options(loader))
                        .get();
                nodes.add(Json.createObjectBuilder(framed).remove("@context").build());
            }
            if (nodes.size() == 1) {
                return leading(Json.createObjectBuilder(nodes.get(0))
                        .add("@context", context.url())
                        .build());
            }
            JsonArrayBuilder graph = Json.createArrayBuilder();
            nodes.forEach(node -> graph.add(leading(node)));
            return Json.createObjectBuilder()
                    .add("@context", context.url())
                    .add("@graph", graph)
                    .build();
        } catch (JsonLdError e) {
            throw new ChmException("Cannot write JSON-LD: " + e.getMessage(), e);
        }
    }

    private static JsonLdOptions options(ContextLoader loader) {
        JsonLdOptions options = new JsonLdOptions(loader);
        options.setOrdered(true);
        return options;
    }

    /**
     * The triples of each record (its own and those of its {@code #} resources), records in IRI
     * order; null when the model holds anything else.
     */
    private static Map<IRI, Model> recordModels(Model model) {
        Map<IRI, Model> records = new LinkedHashMap<>();
        List<IRI> subjects = new ArrayList<>();
        for (Statement st : model.getStatements(null, RDF.TYPE, null)) {
            if (st.getObject().isIRI() && RdfToRecord.RECORD_CLASSES.contains((IRI) st.getObject())) {
                if (!st.getSubject().isIRI()) {
                    return null;
                }
                subjects.add((IRI) st.getSubject());
            }
        }
        subjects.sort(Comparator.comparing(IRI::stringValue));
        for (IRI iri : subjects) {
            records.put(iri, new LinkedHashModel());
        }
        for (Statement st : model) {
            Model owner = st.getContext() == null ? records.get(RecordIris.ownerOf(st.getSubject())) : null;
            if (owner == null) {
                return null;
            }
            owner.add(st);
        }
        for (Map.Entry<IRI, Model> entry : records.entrySet()) {
            if (!allReachable(entry.getKey(), entry.getValue())) {
                return null;
            }
        }
        return records;
    }

    /** Whether every subject of {@code triples} is reachable from {@code record} (framing drops the rest). */
    private static boolean allReachable(IRI record, Model triples) {
        Set<Resource> seen = new HashSet<>();
        Deque<Resource> todo = new ArrayDeque<>();
        todo.add(record);
        while (!todo.isEmpty()) {
            Resource next = todo.poll();
            if (seen.add(next)) {
                for (Value object : triples.filter(next, null, null).objects()) {
                    if (object.isResource()) {
                        todo.add((Resource) object);
                    }
                }
            }
        }
        return seen.containsAll(triples.subjects());
    }

    /** Expanded JSON-LD of {@code model} by RDF4J, canonical integers made JSON numbers. */
    private static JsonStructure expanded(Model model) {
        StringWriter text = new StringWriter();
        RDFWriter writer = Rio.createWriter(RDFFormat.JSONLD, text);
        writer.getWriterConfig().set(JSONLDSettings.JSONLD_MODE, JSONLDMode.EXPAND);
        Rio.write(model, writer);
        try (JsonReader reader = Json.createReader(new StringReader(text.toString()))) {
            return (JsonStructure) nativeIntegers(reader.read());
        }
    }

    private static JsonValue nativeIntegers(JsonValue value) {
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = Json.createArrayBuilder();
            array.forEach(item -> copy.add(nativeIntegers(item)));
            return copy.build();
        }
        if (value instanceof JsonObject object) {
            if (INTEGER.equals(object.getString("@type", null))
                    && object.get("@value") instanceof JsonString s
                    && CANONICAL_INTEGER.matcher(s.getString()).matches()) {
                return Json.createObjectBuilder(object)
                        .add("@value", Json.createValue(new BigInteger(s.getString())))
                        .build();
            }
            JsonObjectBuilder copy = Json.createObjectBuilder();
            object.forEach((key, item) -> copy.add(key, nativeIntegers(item)));
            return copy.build();
        }
        return value;
    }

    /** The same object with {@code @context}, {@code id}, {@code type}, ... first, for readers. */
    private static JsonObject leading(JsonObject object) {
        JsonObjectBuilder ordered = Json.createObjectBuilder();
        for (String key : LEADING_KEYS) {
            if (object.containsKey(key)) {
                ordered.add(key, object.get(key));
            }
        }
        object.forEach((key, item) -> {
            if (!LEADING_KEYS.contains(key)) {
                ordered.add(key, item);
            }
        });
        return ordered.build();
    }
}
