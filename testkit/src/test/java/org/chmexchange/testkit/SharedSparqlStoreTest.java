package org.chmexchange.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangePage;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.RecordPage;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.testkit.store.FusekiStore;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several node processes on one remote SPARQL store (issue "Past one machine", part 1): two child
 * JVMs write at once, each to its own index, while updating the same records; the store ends with
 * every write of both, one change sequence without a gap or a duplicate, and as many entries as the
 * writers were told they made; a third process's index, and each other's by following, agree.
 */
@Tag("slow")
class SharedSparqlStoreTest {

    private static final int WRITES = 40;

    @TempDir
    Path dir;

    @Test
    void twoProcessesWritingAtOnceKeepOneGapFreeChangeSequence() throws Exception {
        try (FusekiStore fuseki = FusekiStore.start(dir.resolve("fuseki"))) {
            List<Process> writers = new ArrayList<>();
            List<List<String>> outputs = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                List<String> command = List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SharedStoreWriter.class.getName(),
                        fuseki.query().toString(),
                        fuseki.update().toString(),
                        dir.resolve("index-" + name).toString(),
                        name,
                        Integer.toString(WRITES),
                        dir.resolve("go").toString());
                writers.add(new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.appendTo(
                                dir.resolve("writer-" + name + ".log").toFile()))
                        .start());
            }
            List<Thread> readers = new ArrayList<>();
            for (Process p : writers) {
                List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
                outputs.add(lines);
                readers.add(read(p, lines));
            }
            long ready = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!outputs.stream().allMatch(o -> o.contains("READY")) && System.nanoTime() < ready) {
                Thread.sleep(20);
            }
            assertTrue(
                    outputs.stream().allMatch(o -> o.contains("READY")), "both writers opened the store: " + outputs);
            java.nio.file.Files.createFile(dir.resolve("go")); // both start writing now
            long told = 0;
            for (int w = 0; w < writers.size(); w++) {
                Process p = writers.get(w);
                assertTrue(p.waitFor(5, TimeUnit.MINUTES), "writer " + w + " ends");
                readers.get(w).join(10_000);
                assertEquals(0, p.exitValue(), "writer " + w + " succeeds; see writer logs in " + dir);
                assertTrue(outputs.get(w).contains("DONE"), outputs.get(w).toString());
                for (String line : outputs.get(w)) {
                    if (line.startsWith("CHANGES ")) {
                        told += Long.parseLong(line.split(" ")[2]);
                    }
                }
            }
            try (RecordStore store = RecordStore.openSparql(fuseki.settings(Duration.ZERO), dir.resolve("index-c"))) {
                assertEquals(
                        List.of(), store.check().problems(), "one sound store, change log without gap or duplicate");
                assertEquals(told, store.lastSequence(), "one change entry per change the writers were told of");
                List<Long> sequences = new ArrayList<>();
                long after = 0;
                for (ChangePage page = store.changes(ChangeQuery.ALL, 0, 500);
                        !page.items().isEmpty();
                        page = store.changes(ChangeQuery.ALL, after, 500)) {
                    page.items().stream().map(ChangeEntry::sequence).forEach(sequences::add);
                    after = page.position();
                }
                List<Long> expected = new ArrayList<>();
                for (long s = 1; s <= told; s++) {
                    expected.add(s);
                }
                assertEquals(expected, sequences, "the change feed is 1..N in order");
                Set<String> want = new LinkedHashSet<>(SharedStoreWriter.ownAfter("a", WRITES));
                want.addAll(SharedStoreWriter.ownAfter("b", WRITES));
                for (int k = 0; k < SharedStoreWriter.SHARED; k++) {
                    want.add("shared-" + k);
                }
                assertEquals(want, identifiers(store), "every write of both processes");
                for (int k = 0; k < SharedStoreWriter.SHARED; k++) {
                    String title = store.get(SharedStoreWriter.iri("shared-" + k))
                            .orElseThrow()
                            .filter(
                                    SharedStoreWriter.iri("shared-" + k),
                                    org.eclipse.rdf4j.model.vocabulary.DCTERMS.TITLE,
                                    null)
                            .objects()
                            .iterator()
                            .next()
                            .stringValue();
                    assertTrue(title.endsWith("write " + WRITES), "the last write of one of them wins: " + title);
                }
                // The writers' own indexes, reopened, catch up with the other's writes.
                for (String name : List.of("a", "b")) {
                    try (RecordStore writer =
                            RecordStore.openSparql(fuseki.settings(Duration.ZERO), dir.resolve("index-" + name))) {
                        assertEquals(told, writer.lastSequence());
                        assertEquals(want, identifiers(writer), "index of " + name);
                        assertEquals(told, writer.countChanges(ChangeQuery.ALL));
                    }
                }
            }
        }
    }

    @Test
    void aProcessFollowsWhatAnotherWrote() throws Exception {
        try (FusekiStore fuseki = FusekiStore.start(dir.resolve("fuseki"));
                RecordStore a = RecordStore.openSparql(fuseki.settings(Duration.ZERO), dir.resolve("index-a"));
                RecordStore b =
                        RecordStore.openSparql(fuseki.settings(Duration.ofMillis(100)), dir.resolve("index-b"))) {
            a.write(SharedStoreWriter.request("a", 1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (b.lastSequence() < a.lastSequence() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(a.lastSequence(), b.lastSequence(), "b followed a's change log on its own");
            assertEquals(identifiers(a), identifiers(b));
            // b's write comes after a's in the one sequence, and a sees it at its next refresh.
            b.write(SharedStoreWriter.request("b", 1));
            assertEquals(b.lastSequence(), a.refresh());
            assertEquals(identifiers(b), identifiers(a));
            IRI bRecord = SharedStoreWriter.iri("b-1");
            assertEquals(b.lastChange(bRecord), a.lastChange(bRecord));
        }
    }

    private static Set<String> identifiers(RecordStore store) {
        Set<String> ids = new HashSet<>();
        IRI after = null;
        for (RecordPage page = store.list(RecordQuery.ALL, null, 200);
                ;
                page = store.list(RecordQuery.ALL, after, 200)) {
            page.items().stream().map(RecordSummary::identifier).forEach(ids::add);
            after = page.lastKey().orElse(null);
            if (after == null || page.items().isEmpty()) {
                return ids;
            }
        }
    }

    /** Reads the child's standard output into {@code lines} on a thread, until it ends. */
    private static Thread read(Process p, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("READ FAILED " + e);
            }
        });
        t.start();
        return t;
    }
}
