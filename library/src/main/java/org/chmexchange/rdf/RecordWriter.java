package org.chmexchange.rdf;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.chmexchange.ChmException;
import org.chmexchange.model.Record;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;

/**
 * Writes models in every {@link RecordFormat}, UTF-8.
 *
 * <ul>
 *   <li>Turtle, TriG and RDF/XML declare the {@link Prefixes#ALL} prefixes (and the model's own
 *       ones that do not clash); statements are sorted (graph, subject, {@code rdf:type} first,
 *       predicate, object), so equal models give equal bytes.
 *   <li>JSON-LD is compacted with our context, referred to by its IRI
 *       ({@code "@context": "https://w3id.org/chm-exchange/context.jsonld"}, or the URL of a {@link
 *       JsonLdContext} given), and framed so that a
 *       record is one plain JSON object with its files nested; a model of several records gives
 *       {@code {"@context": ..., "@graph": [records...]}}. A model that holds more than records
 *       (other subjects, blank-node subjects, named graphs) is written flattened, still with our
 *       context, so nothing is lost. No document is ever fetched.
 *   <li>Turtle, N-Triples and RDF/XML carry no named graphs: statement contexts are dropped. Use
 *       N-Quads or TriG ({@link RecordFormat#supportsContexts()}) to keep them.
 * </ul>
 *
 * <pre>{@code
 * RecordWriter.write(RecordMapper.toRdf(decision), RecordFormat.JSONLD, out);
 * }</pre>
 *
 * <p>The caller owns {@code out}: it is flushed, never closed. Thread-safety: stateless; safe from
 * any thread.
 */
public final class RecordWriter {

    private static final Comparator<Statement> ORDER = Comparator.comparing((Statement st) ->
                    st.getContext() == null ? "" : st.getContext().stringValue())
            .thenComparing(st -> st.getSubject().stringValue())
            .thenComparing(st -> !st.getPredicate().equals(RDF.TYPE))
            .thenComparing(st -> st.getPredicate().stringValue())
            .thenComparing(st -> sortKey(st.getObject()));

    private RecordWriter() {}

    /**
     * Writes {@code model} as {@code format} to {@code out}.
     *
     * @param model not null; not modified
     * @param format not null
     * @param out not null; flushed, not closed
     * @throws UncheckedIOException if writing to {@code out} fails
     * @throws ChmException if the model cannot be expressed in the format (RDF/XML cannot write a
     *     predicate whose IRI does not end in an XML name)
     */
    public static void write(Model model, RecordFormat format, OutputStream out) {
        write(model, format, out, JsonLdContext.CANONICAL);
    }

    /**
     * Writes {@code model} as {@code format} to {@code out}; JSON-LD names {@code context} as its
     * {@code @context} (a node passes its own {@code /ns/context.jsonld}, which clients can fetch).
     * Other formats ignore {@code context}.
     *
     * @param model not null; not modified
     * @param format not null
     * @param out not null; flushed, not closed
     * @param context where the JSON-LD context is served; not null
     * @throws UncheckedIOException if writing to {@code out} fails
     * @throws ChmException if the model cannot be expressed in the format (RDF/XML cannot write a
     *     predicate whose IRI does not end in an XML name)
     */
    public static void write(Model model, RecordFormat format, OutputStream out, JsonLdContext context) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(context, "context");
        if (format == RecordFormat.JSONLD) {
            writeJsonLd(model, out, context);
        } else {
            writeRio(model, format, out);
        }
    }

    /** Writes one record: {@code write(RecordMapper.toRdf(record), format, out)}. */
    public static void write(Record record, RecordFormat format, OutputStream out) {
        write(RecordMapper.toRdf(record), format, out);
    }

    private static void writeJsonLd(Model model, OutputStream out, JsonLdContext context) {
        JsonObject json = JsonLdOutput.toJson(model, context);
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.write(json);
        }
        try {
            out.write(text.toString().strip().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSON-LD", e);
        }
    }

    private static void writeRio(Model model, RecordFormat format, OutputStream out) {
        List<Statement> statements = new ArrayList<>(model);
        statements.sort(ORDER);
        try {
            RDFWriter writer = Rio.createWriter(format.rdfFormat(), out);
            writer.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, true);
            writer.startRDF();
            for (Namespace ns : namespaces(model)) {
                writer.handleNamespace(ns.getPrefix(), ns.getName());
            }
            for (Statement st : statements) {
                writer.handleStatement(st);
            }
            writer.endRDF();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + format.rdfFormat().getName(), e);
        } catch (RDFHandlerException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(
                        "Cannot write " + format.rdfFormat().getName(), io);
            }
            throw new ChmException("Cannot write " + format.rdfFormat().getName() + ": " + e.getMessage(), e);
        }
    }

    /** {@link Prefixes#ALL}, then the model's namespaces whose prefix and name are both unused. */
    private static List<Namespace> namespaces(Model model) {
        List<Namespace> all = new ArrayList<>(Prefixes.ALL);
        Set<String> prefixes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Namespace ns : Prefixes.ALL) {
            prefixes.add(ns.getPrefix());
            names.add(ns.getName());
        }
        List<Namespace> own = new ArrayList<>(model.getNamespaces());
        own.sort(Comparator.comparing(Namespace::getPrefix));
        for (Namespace ns : own) {
            if (prefixes.add(ns.getPrefix()) && names.add(ns.getName())) {
                all.add(ns);
            }
        }
        return all;
    }

    private static String sortKey(Value value) {
        return value.isLiteral() ? "\"" + value : value.stringValue();
    }
}
