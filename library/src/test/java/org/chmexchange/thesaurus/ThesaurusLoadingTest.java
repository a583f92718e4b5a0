package org.chmexchange.thesaurus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chmexchange.ChmException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.ModelBuilder;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading other SKOS data: models and files in any RDF format, and clear errors on bad files. */
class ThesaurusLoadingTest {

    private static final IRI SCHEME = Values.iri("https://example.org/colours");
    private static final IRI COLOUR = Values.iri("https://example.org/colours/colour");
    private static final IRI RED = Values.iri("https://example.org/colours/red");
    private static final IRI CRIMSON = Values.iri("https://example.org/colours/crimson");

    /** A scheme whose hierarchy is stated only as skos:narrower, in one direction. */
    private static Model colours() {
        return new ModelBuilder()
                .subject(SCHEME)
                .add(RDF.TYPE, SKOS.CONCEPT_SCHEME)
                .add(DCTERMS.TITLE, Values.literal("Colours", "en"))
                .add(SKOS.HAS_TOP_CONCEPT, COLOUR)
                .subject(COLOUR)
                .add(RDF.TYPE, SKOS.CONCEPT)
                .add(SKOS.PREF_LABEL, Values.literal("Colour", "en-GB"))
                .add(SKOS.NARROWER, RED)
                .subject(RED)
                .add(SKOS.IN_SCHEME, SCHEME)
                .add(SKOS.PREF_LABEL, Values.literal("Red", "en"))
                .add(SKOS.PREF_LABEL, Values.literal("Rouge", "fr"))
                .add(SKOS.NOTATION, Values.literal("R"))
                .add(SKOS.NARROWER, CRIMSON)
                .subject(CRIMSON)
                .add(SKOS.IN_SCHEME, SCHEME)
                .add(SKOS.ALT_LABEL, Values.literal("Carmine", "en"))
                .build();
    }

    @Test
    void loadsAModelAndReadsHierarchyFromEitherDirection() {
        Thesaurus thesaurus = Thesaurus.load(colours());
        assertEquals(3, thesaurus.concepts().size());
        assertEquals(
                List.of(RED, COLOUR),
                thesaurus.broader(CRIMSON, true).stream().map(Concept::iri).toList());
        assertEquals(
                List.of(COLOUR),
                thesaurus.topConcepts(SCHEME).stream().map(Concept::iri).toList());
        assertEquals("Colours", thesaurus.scheme(SCHEME).orElseThrow().title("fr"));
        Concept colour = thesaurus.concept(COLOUR).orElseThrow();
        assertEquals("Colour", colour.label("en"), "en-gb is the best English label");
        assertEquals("en-gb", colour.labelLanguage("en"));
        Concept crimson = thesaurus.concept(CRIMSON).orElseThrow();
        assertEquals(CRIMSON.stringValue(), crimson.label("en"), "no prefLabel and no notation: the IRI");
        assertEquals(List.of(crimson), thesaurus.byLabel("carmine", "en"));
        assertEquals("Rouge", thesaurus.byNotation("r").orElseThrow().label("fr"));
    }

    @Test
    void loadsFilesInAnyRdfFormatByExtension(@TempDir Path tmp) throws IOException {
        for (RDFFormat format : List.of(RDFFormat.TURTLE, RDFFormat.RDFXML, RDFFormat.NTRIPLES, RDFFormat.JSONLD)) {
            Path file = tmp.resolve("colours." + format.getDefaultFileExtension());
            try (var out = Files.newOutputStream(file)) {
                Rio.write(colours(), out, format);
            }
            Thesaurus thesaurus = Thesaurus.fromFile(file);
            assertEquals(3, thesaurus.concepts().size(), format.getName());
            assertEquals("Red", thesaurus.concept(RED).orElseThrow().label("en"), format.getName());
        }
    }

    @Test
    void aMalformedFileGivesAClearError(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("broken.ttl");
        Files.writeString(
                file,
                "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                        + "<https://example.org/a> a skos:Concept ;\n"
                        + "  skos:prefLabel \"unterminated .\n",
                StandardCharsets.UTF_8);
        ChmException e = assertThrows(ChmException.class, () -> Thesaurus.fromFile(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("turtle"), e.getMessage());
    }

    @Test
    void anRdfXmlFileWithAnEntityIsRefused(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET", StandardCharsets.UTF_8);
        Path file = tmp.resolve("hostile.rdf");
        Files.writeString(
                file,
                "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                        + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                        + " xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\">\n"
                        + "<skos:Concept rdf:about=\"https://example.org/a\"><skos:prefLabel xml:lang=\"en\">&x;</skos:prefLabel>"
                        + "</skos:Concept></rdf:RDF>\n",
                StandardCharsets.UTF_8);
        ChmException e = assertThrows(ChmException.class, () -> Thesaurus.fromFile(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void anUnknownExtensionOrMissingFileGivesAClearError(@TempDir Path tmp) throws IOException {
        Path text = tmp.resolve("thesaurus.txt");
        Files.writeString(text, "hello", StandardCharsets.UTF_8);
        ChmException unknown = assertThrows(ChmException.class, () -> Thesaurus.fromFile(text));
        assertTrue(unknown.getMessage().contains("no supported RDF format"), unknown.getMessage());
        ChmException missing = assertThrows(ChmException.class, () -> Thesaurus.fromFile(tmp.resolve("none.ttl")));
        assertTrue(missing.getMessage().contains("none.ttl"), missing.getMessage());
    }
}
