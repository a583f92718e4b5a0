package org.chmexchange.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordSpoolTest {

    private static final String BASE = "https://node.example.org/records/decision/";

    @TempDir
    Path dir;

    /** 200 decisions of 5 statements each, one with a nested #file, in a shuffled order. */
    private static List<Statement> scatteredRecords() {
        Model m = new LinkedHashModel();
        for (int i = 0; i < 200; i++) {
            IRI r = Values.iri(BASE + "d-" + i);
            IRI file = Values.iri(BASE + "d-" + i + "#file-1");
            m.add(r, RDF.TYPE, CHM.Decision);
            m.add(r, DCTERMS.TITLE, Values.literal("Décision " + i, "fr"));
            m.add(r, DCTERMS.MODIFIED, Values.literal("2026-11-0" + (i % 9 + 1) + "T10:00:00.120Z", XSD.DATETIME));
            m.add(r, CHM.file, file);
            m.add(file, DCTERMS.TITLE, Values.literal("1.50", XSD.DECIMAL));
        }
        m.add(Values.bnode("n1"), DCTERMS.TITLE, Values.literal("of no record"));
        List<Statement> statements = new ArrayList<>(m);
        Collections.shuffle(statements, new Random(7));
        return statements;
    }

    private static List<Model> parts(RecordSpool spool, int max) {
        List<Model> parts = new ArrayList<>();
        List<Boolean> last = new ArrayList<>();
        spool.parts(max, (part, isLast) -> {
            parts.add(part);
            last.add(isLast);
        });
        for (int i = 0; i < last.size(); i++) {
            assertEquals(i == last.size() - 1, last.get(i), "only the last part says it is last");
        }
        return parts;
    }

    @Test
    void partsHoldWholeRecordsWhereverTheirStatementsStoodAndLoseNothing() {
        List<Statement> input = scatteredRecords();
        try (RecordSpool spool = RecordSpool.in(dir)) {
            input.forEach(spool::handleStatement);
            assertEquals(input.size(), spool.statements());

            List<Model> parts = parts(spool, 100);

            assertTrue(
                    parts.size() >= 6 && parts.size() <= 11, "1,001 statements in parts of about 100: " + parts.size());
            Model all = new LinkedHashModel();
            Map<IRI, Integer> partOf = new HashMap<>();
            for (int p = 0; p < parts.size(); p++) {
                all.addAll(parts.get(p));
                assertTrue(
                        parts.get(p).size() < 250,
                        "a part stays near its size: " + parts.get(p).size());
                for (Statement st : parts.get(p)) {
                    IRI owner = org.chmexchange.model.RecordIris.ownerOf(st.getSubject());
                    if (owner != null) {
                        Integer before = partOf.putIfAbsent(owner, p);
                        assertEquals(before == null ? p : before, p, "every statement of <" + owner + "> in one part");
                    }
                }
            }
            assertTrue(Models.isomorphic(new LinkedHashModel(input), all), "literals, languages, datatypes kept");
            assertEquals(200, partOf.size());
        }
    }

    @Test
    void moreBucketsThanOpenFilesArePartitionedAgainAndStillHoldWholeRecords() throws IOException {
        List<Statement> input = scatteredRecords();
        try (RecordSpool spool = new RecordSpool(dir, 3)) {
            input.forEach(spool::handleStatement);

            List<Model> parts = parts(spool, 50);

            assertTrue(parts.size() > 3, "more parts than files open at once: " + parts.size());
            Model all = new LinkedHashModel();
            Map<IRI, Integer> partOf = new HashMap<>();
            for (int p = 0; p < parts.size(); p++) {
                all.addAll(parts.get(p));
                assertTrue(
                        parts.get(p).size() <= 100,
                        "at most twice the aim: " + parts.get(p).size());
                for (Statement st : parts.get(p)) {
                    IRI owner = org.chmexchange.model.RecordIris.ownerOf(st.getSubject());
                    if (owner != null) {
                        Integer before = partOf.putIfAbsent(owner, p);
                        assertEquals(before == null ? p : before, p, "every statement of <" + owner + "> in one part");
                    }
                }
            }
            assertTrue(Models.isomorphic(new LinkedHashModel(input), all));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(0, files.count(), "each part's file is deleted once read");
            }
        }
    }

    @Test
    void aSmallUnitIsOnePartAndAnEmptyOneAnEmptyLastPart() {
        List<Statement> input = scatteredRecords();
        try (RecordSpool spool = RecordSpool.in(dir)) {
            input.forEach(spool::handleStatement);
            List<Model> parts = parts(spool, 5_000);
            assertEquals(1, parts.size());
            assertEquals(input.size(), parts.get(0).size());
            assertThrows(IllegalStateException.class, () -> spool.handleStatement(input.get(0)));
        }
        try (RecordSpool empty = RecordSpool.in(dir)) {
            List<Model> parts = parts(empty, 10);
            assertEquals(1, parts.size());
            assertTrue(parts.get(0).isEmpty());
        }
    }

    @Test
    void closeDeletesTheFilesEvenWhenTheConsumerFails() throws IOException {
        try (RecordSpool spool = RecordSpool.in(dir)) {
            scatteredRecords().forEach(spool::handleStatement);
            assertThrows(
                    IllegalStateException.class,
                    () -> spool.parts(100, (part, last) -> {
                        throw new IllegalStateException("the store is down");
                    }));
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.count() > 1, "the parts not read yet are on disk");
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void deleteLeftoversDeletesTheSpoolFilesOfAKilledRunAndNothingElse() throws IOException {
        Path spoolDir = dir.resolve("spool");
        RecordSpool killed = RecordSpool.in(spoolDir); // the folder created; never closed, as after a SIGKILL
        try {
            scatteredRecords().forEach(killed::handleStatement);
            Files.write(spoolDir.resolve("chm-spool-1234.brf"), new byte[1000]); // an older one
            Path other = Files.writeString(spoolDir.resolve("notes.txt"), "kept");
            try (Stream<Path> files = Files.list(spoolDir)) {
                assertEquals(3, files.count());
            }

            assertTrue(RecordSpool.deleteLeftovers(spoolDir) >= 1000);
            try (Stream<Path> files = Files.list(spoolDir)) {
                assertEquals(List.of(other), files.toList());
            }
            assertEquals(0, RecordSpool.deleteLeftovers(dir.resolve("absent")));
        } finally {
            killed.close();
        }
    }
}
