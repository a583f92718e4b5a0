package org.chmexchange.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/** Reads what the examples write: JSON-LD as plain JSON (Jackson), Turtle with RDF4J Rio, printed text. */
final class Outputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream printStream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** The stream to give an example as its standard output. */
    PrintStream stream() {
        return printStream;
    }

    /** What the example printed. */
    String printed() {
        printStream.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A JSON-LD file parsed as plain JSON, as a client without a JSON-LD processor reads it. */
    static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** The text values of a JSON array, in order. */
    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    /** A Turtle file parsed with Rio. */
    static Model turtle(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Rio.parse(in, file.toUri().toString(), RDFFormat.TURTLE);
        }
    }
}
