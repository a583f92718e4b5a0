package org.chmexchange.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates the vocabularies into a temporary folder and checks that the committed files in
 * {@code vocabularies/src/main/resources/org/chmexchange/vocabularies} did not drift from their
 * sources. If this fails after a deliberate change, regenerate (tools/README.md) and commit.
 */
class VocabularyDriftTest {

    private static final String COUNTRIES = "thesaurus/countries.ttl";

    @Test
    void committedFilesAreWhatTheGeneratorWrites(@TempDir Path tmp) throws IOException {
        List<String> written = GenerateVocabularies.generate(ToolPaths.sources(), tmp);
        List<String> expected = new ArrayList<>(Vocabularies.THESAURUS_FILES);
        expected.add(GenerateVocabularies.SAMPLE_FILE);
        expected.add(GenerateVocabularies.CBD_LICENSE_FILE);
        assertEquals(expected, written);
        for (String file : written) {
            Path committed = ToolPaths.committed().resolve(file);
            assertTrue(Files.isRegularFile(committed), "Missing committed file " + committed);
            if (!file.endsWith(".ttl")) {
                assertArrayEquals(
                        Files.readAllBytes(tmp.resolve(file)),
                        Files.readAllBytes(committed),
                        file + " drifted from its source");
            } else if (file.equals(COUNTRIES)) {
                assertCountriesMatch(parse(tmp.resolve(file)), parse(committed));
            } else {
                assertTrue(
                        Models.isomorphic(parse(tmp.resolve(file)), parse(committed)),
                        file + " drifted from its sources: regenerate and commit it");
            }
        }
    }

    @Test
    void committedFolderHoldsNoStaleGeneratedFiles() throws IOException {
        Set<String> expected = new TreeSet<>(Vocabularies.THESAURUS_FILES);
        expected.add(GenerateVocabularies.SAMPLE_FILE);
        Set<String> present = new TreeSet<>();
        for (String folder : List.of("thesaurus", "sample")) {
            try (Stream<Path> files = Files.list(ToolPaths.committed().resolve(folder))) {
                present.addAll(files.map(f -> folder + "/" + f.getFileName()).collect(Collectors.toSet()));
            }
        }
        assertEquals(expected, present);
        assertTrue(Files.isRegularFile(ToolPaths.committed().resolve("NOTICE.md")), "NOTICE.md is missing");
    }

    @Test
    void outputIsByteIdenticalOnEveryRun(@TempDir Path tmp) throws IOException {
        List<String> first = GenerateVocabularies.generate(ToolPaths.sources(), tmp.resolve("a"));
        GenerateVocabularies.generate(ToolPaths.sources(), tmp.resolve("b"));
        for (String file : first) {
            assertArrayEquals(
                    Files.readAllBytes(tmp.resolve("a").resolve(file)),
                    Files.readAllBytes(tmp.resolve("b").resolve(file)),
                    file + " is not deterministic");
        }
    }

    /**
     * Country names come from the CLDR data of the running JDK and can differ between JDK releases:
     * the file is compared exactly only when the running JDK is the one recorded in it; otherwise only
     * the set of concepts and their notations (ISO codes) are compared.
     */
    private static void assertCountriesMatch(Model generated, Model committed) {
        Optional<String> recorded = CountryScheme.jdkVersionOf(committed);
        assertTrue(recorded.isPresent(), COUNTRIES + " does not record the JDK it was generated with");
        if (recorded.get().equals(CountryScheme.runningJdkVersion())) {
            assertTrue(
                    Models.isomorphic(generated, committed),
                    COUNTRIES + " drifted from the JDK data: regenerate and commit it");
        } else {
            assertEquals(
                    conceptsAndNotations(committed),
                    conceptsAndNotations(generated),
                    COUNTRIES + " (generated with JDK " + recorded.get() + ") has other codes than JDK "
                            + CountryScheme.runningJdkVersion());
        }
    }

    private static Set<String> conceptsAndNotations(Model countries) {
        Set<String> keys = new TreeSet<>();
        for (Statement st : countries.filter(null, SKOS.IN_SCHEME, ChmThesaurus.scheme(ChmThesaurus.COUNTRIES))) {
            keys.add(st.getSubject().stringValue());
        }
        for (Statement st : countries.filter(null, SKOS.NOTATION, null)) {
            keys.add(st.getSubject().stringValue() + " " + st.getObject());
        }
        return keys;
    }

    private static Model parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Rio.parse(in, "", RDFFormat.TURTLE);
        }
    }
}
