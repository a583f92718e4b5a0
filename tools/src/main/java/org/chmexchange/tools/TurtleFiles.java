package org.chmexchange.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.WriterConfig;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.turtle.TurtleWriterSettings;

/**
 * Writes a model as pretty Turtle, deterministically: the same statements always give the same
 * bytes. Statements are sorted by subject, then predicate ({@code rdf:type} first), then object
 * (IRIs before literals, literals by language tag then text). Only the {@link Prefixes} that the
 * Turtle text uses are declared, sorted by prefix.
 *
 * <p>Thread-safety: stateless.
 */
final class TurtleFiles {

    /** Orders statements for output; IRIs before literals among objects. */
    static final Comparator<Statement> STATEMENT_ORDER = Comparator.comparing(
                    (Statement st) -> st.getSubject().stringValue())
            .thenComparing(st -> predicateKey(st.getPredicate()))
            .thenComparing(st -> valueKey(st.getObject()));

    private TurtleFiles() {}

    /**
     * Writes {@code model} to {@code file} (UTF-8), creating parent folders and replacing the file.
     *
     * @param model the statements; not null
     * @param file target file; not null
     * @param comment a header comment (one line, without {@code #}); not null
     * @throws IOException if the file cannot be written
     */
    static void write(Model model, Path file, String comment) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<Statement> sorted = new ArrayList<>(model);
        sorted.sort(STATEMENT_ORDER);
        try (OutputStream out = Files.newOutputStream(file)) {
            WriterConfig config = new WriterConfig();
            config.set(BasicWriterSettings.PRETTY_PRINT, true);
            config.set(BasicWriterSettings.INLINE_BLANK_NODES, false);
            config.set(TurtleWriterSettings.ABBREVIATE_NUMBERS, true);
            RDFWriter writer = Rio.createWriter(RDFFormat.TURTLE, out);
            writer.setWriterConfig(config);
            writer.startRDF();
            writer.handleComment(comment);
            for (Namespace ns : usedPrefixes(sorted)) {
                writer.handleNamespace(ns.getPrefix(), ns.getName());
            }
            for (Statement st : sorted) {
                writer.handleStatement(st);
            }
            writer.endRDF();
        }
    }

    private static List<Namespace> usedPrefixes(List<Statement> statements) {
        Set<String> used = new HashSet<>();
        for (Statement st : statements) {
            used.add(namespaceOf(st.getSubject()));
            if (!RDF.TYPE.equals(st.getPredicate())) {
                used.add(namespaceOf(st.getPredicate()));
            }
            used.add(namespaceOf(st.getObject()));
            if (st.getObject() instanceof Literal literal
                    && !XSD.STRING.equals(literal.getDatatype())
                    && !RDF.LANGSTRING.equals(literal.getDatatype())) {
                used.add(literal.getDatatype().getNamespace());
            }
        }
        List<Namespace> prefixes = new ArrayList<>();
        for (Namespace ns : Prefixes.ALL) {
            if (used.contains(ns.getName())) {
                prefixes.add(ns);
            }
        }
        prefixes.sort(Comparator.comparing(Namespace::getPrefix));
        return prefixes;
    }

    private static String namespaceOf(Value value) {
        return value instanceof IRI iri ? iri.getNamespace() : "";
    }

    private static String predicateKey(IRI predicate) {
        return RDF.TYPE.equals(predicate) ? "" : predicate.stringValue();
    }

    private static String valueKey(Value value) {
        if (value instanceof Literal literal) {
            return "1" + literal.getLanguage().orElse("") + '\u0000' + literal.getLabel() + '\u0000'
                    + literal.getDatatype().stringValue();
        }
        return "0" + value.stringValue();
    }
}
