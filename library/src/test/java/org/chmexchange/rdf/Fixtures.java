package org.chmexchange.rdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;

/** Test helpers: parse, write, and pick a record's triples. */
final class Fixtures {

    static final IRI DECISION = Values.iri("http://localhost:8080/records/decision/cbd-decision-15-4");
    static final IRI MEETING = Values.iri("http://localhost:8080/records/meeting/cbd-cop-15-2");

    private Fixtures() {}

    static Model resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/records/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource /records/" + name);
            }
            return RecordReader.read(
                    in,
                    RecordFormat.forExtension(name.substring(name.lastIndexOf('.')))
                            .orElseThrow(),
                    "http://localhost:8080/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Model turtle(String prefixedTurtle) {
        String prefixes =
                """
                @prefix chm: <https://w3id.org/chm-exchange/ns#> .
                @prefix chmt: <https://w3id.org/chm-exchange/thesaurus/> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix schema: <https://schema.org/> .
                @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @base <http://localhost:8080/records/> .
                """;
        return read(prefixes + prefixedTurtle, RecordFormat.TURTLE);
    }

    static Model read(String text, RecordFormat format) {
        return RecordReader.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format, "http://localhost:8080/");
    }

    static String write(Model model, RecordFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(model, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The statements of {@code record}: subject the record or one of its {@code #} resources. */
    static Model recordTriples(Model model, IRI record) {
        Model own = new LinkedHashModel();
        String prefix = record.stringValue() + "#";
        model.forEach(st -> {
            String subject = st.getSubject().stringValue();
            if (subject.equals(record.stringValue()) || subject.startsWith(prefix)) {
                own.add(st);
            }
        });
        return own;
    }
}
