package org.chmexchange.thesaurus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordReader;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/** SKOS-XL labels, the concepts' own scheme, the links to the shared thesaurus, and what is never changed. */
class SkosImportTest {

    static final Thesaurus SHARED = Thesaurus.fromClasspath();
    static final IRI FALLBACK = Values.iri("https://w3id.org/chm-exchange/thesaurus/imported/test");

    static Model turtle(String ttl) {
        return RecordReader.read(
                ("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                                + "@prefix skosxl: <http://www.w3.org/2008/05/skos-xl#> .\n"
                                + "@prefix g: <https://glossary.example.org/> .\n" + ttl)
                        .getBytes(StandardCharsets.UTF_8),
                RecordFormat.TURTLE,
                "https://glossary.example.org/");
    }

    @Test
    void skosXlLabelsTheirSchemeAndTheLinks() {
        SkosImport.Result r = new SkosImport(SHARED)
                .read(
                        turtle("g:a a skos:Concept ; skos:notation \"FR\" ;"
                                + " skosxl:prefLabel [ skosxl:literalForm \"France\"@en ] .\n"
                                + "g:b a skos:Concept ; skosxl:altLabel [ skosxl:literalForm \"france\"@en ] .\n"
                                + "g:c a skos:Concept ; skos:prefLabel \"Nothing like it\"@en .\n"),
                        FALLBACK,
                        "test");
        IRI a = Values.iri("https://glossary.example.org/a");
        assertEquals(3, r.concepts());
        assertTrue(r.skos().contains(a, SKOS.PREF_LABEL, Values.literal("France", "en")), "SKOS-XL read as SKOS");
        assertTrue(r.skos().contains(a, SKOS.IN_SCHEME, FALLBACK), "no declared scheme: the fallback");
        assertTrue(r.skos().contains(FALLBACK, RDF.TYPE, CHM.ImportedConceptScheme));
        IRI france = ChmThesaurus.country("fr");
        assertTrue(r.skos().contains(a, SKOS.EXACT_MATCH, france), "notation and label");
        assertTrue(
                r.skos().contains(Values.iri("https://glossary.example.org/b"), SKOS.CLOSE_MATCH, france),
                "an alternative label only");
        assertEquals(2, r.matches().size(), r.matches()::toString);
        assertFalse(r.skos().contains(Values.iri("https://glossary.example.org/c"), null, france));
    }

    @Test
    void theSharedConceptsAndSchemesAreNeverChanged() {
        IRI countries = ChmThesaurus.scheme(ChmThesaurus.COUNTRIES);
        IRI france = ChmThesaurus.country("fr");
        SkosImport.Result r = new SkosImport(SHARED)
                .read(
                        turtle("<" + countries + "> a skos:ConceptScheme .\n"
                                + "g:x a skos:Concept ; skos:inScheme <" + countries + "> ; skos:broader <" + france
                                + "> ; skos:prefLabel \"Paris region\"@en .\n"
                                + "<" + france + "> a skos:Concept ; skos:prefLabel \"Not France\"@en .\n"),
                        FALLBACK,
                        "test");
        IRI x = Values.iri("https://glossary.example.org/x");
        assertEquals(1, r.concepts());
        assertFalse(r.skos().contains(france, null, null), "nothing about a shared concept");
        assertFalse(r.skos().contains(x, SKOS.IN_SCHEME, countries));
        assertFalse(r.skos().contains(x, SKOS.BROADER, france));
        assertFalse(r.skos().contains(countries, null, null), "the shared scheme is not typed imported");
        assertTrue(r.skos().contains(x, SKOS.IN_SCHEME, FALLBACK));
        assertTrue(r.notices().size() >= 3, r.notices()::toString);
        assertThrows(IllegalArgumentException.class, () -> new SkosImport(SHARED)
                .read(turtle("g:s a skos:ConceptScheme .\n"), FALLBACK, "test"));
    }
}
