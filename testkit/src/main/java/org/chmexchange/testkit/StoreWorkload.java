package org.chmexchange.testkit;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.chmexchange.store.WriteRequest;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * The deterministic writes of the store kill test ({@code StoreKillTest}): write {@code i} depends only on {@code i}, so the
 * content expected after any write is replayed. Each write creates, updates and deletes decisions
 * (each with a nested file resource), and sets the marker setting to {@code i} in the same
 * transaction.
 */
public final class StoreWorkload {

    public static final String BASE = "http://node.example.org/";
    public static final IRI GRAPH = Values.iri(BASE + "graphs/local");
    public static final SettingKey MARKER = SettingKey.of("test:kill:last-write");
    public static final int RECORDS = 300;

    private StoreWorkload() {}

    public static IRI iri(int r) {
        return RecordType.DECISION.mint(BASE, "kill-" + r);
    }

    /** Write {@code i}: a map of record number to its new title, or null for a deletion. */
    public static Map<Integer, String> ops(long i) {
        Random rnd = new Random(1_000_003L * i + 17);
        Map<Integer, String> ops = new LinkedHashMap<>();
        int n = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 200 : 8);
        for (int k = 0; k < n; k++) {
            int r = rnd.nextInt(RECORDS);
            ops.put(r, rnd.nextInt(10) < 7 ? "Decision " + r + " as of write " + i + "." + k : null);
        }
        return ops;
    }

    public static WriteRequest request(long i) {
        Model upserts = new LinkedHashModel();
        Set<IRI> deletes = new LinkedHashSet<>();
        ops(i).forEach((r, title) -> {
            if (title == null) {
                deletes.add(iri(r));
            } else {
                upserts.addAll(decision(r, title));
            }
        });
        return new WriteRequest(
                GRAPH, upserts, deletes, false, Map.of(MARKER, Long.toString(i)), new LinkedHashModel());
    }

    /** The title of each record after writes 1 to {@code last}; absent records are deleted or never written. */
    public static Map<Integer, String> expectedAfter(long last) {
        Map<Integer, String> titles = new LinkedHashMap<>();
        for (long i = 1; i <= last; i++) {
            ops(i).forEach((r, title) -> {
                if (title == null) {
                    titles.remove(r);
                } else {
                    titles.put(r, title);
                }
            });
        }
        return titles;
    }

    public static Model decision(int r, String title) {
        IRI iri = iri(r);
        Model m = new LinkedHashModel();
        m.add(iri, RDF.TYPE, CHM.Decision);
        m.add(iri, DCTERMS.IDENTIFIER, Values.literal("kill-" + r));
        m.add(iri, DCTERMS.TITLE, Values.literal(title, "en"));
        m.add(iri, CHM.treaty, ChmThesaurus.treaty(r % 2 == 0 ? "cbd" : "cms"));
        IRI file = Values.iri(iri + "#file-1");
        m.add(iri, CHM.file, file);
        m.add(file, DCAT.DOWNLOAD_URL, Values.iri("https://files.example.org/" + r + "/" + title.hashCode() + ".pdf"));
        return m;
    }

    /**
     * Null if the store holds exactly the expected records ({@link #expectedAfter}), each exactly as
     * written (its {@code dcterms:modified} aside), and the index lists as many; else what differs.
     */
    public static String differences(RecordStore store, Map<Integer, String> expected) {
        for (int r = 0; r < RECORDS; r++) {
            IRI iri = iri(r);
            String want = expected.get(r);
            Model got = store.get(iri).orElse(null);
            if (want == null && got != null) {
                return "<" + iri + "> was deleted or never written, but the store has it";
            }
            if (want != null) {
                if (got == null) {
                    return "<" + iri + "> is missing";
                }
                Value title = got.filter(iri, DCTERMS.TITLE, null).objects().stream()
                        .findFirst()
                        .orElse(null);
                if (!(title instanceof Literal l) || !l.getLabel().equals(want)) {
                    return "<" + iri + "> has title " + title + ", expected " + want;
                }
                Model written = decision(r, want);
                got.remove(iri, DCTERMS.MODIFIED, null);
                if (!got.equals(written)) {
                    return "<" + iri + "> is not exactly as written: " + got;
                }
            }
        }
        long count = store.count(RecordQuery.ALL);
        if (count != expected.size()) {
            return "the index lists " + count + " records, expected " + expected.size();
        }
        return null;
    }

    /**
     * What a store reopened after a kill must hold, the rule of both kill tests: its newest write
     * is the last acknowledged one or the one after it (in flight when killed), its records are
     * exactly those after that write, and {@link RecordStore#check()} finds it sound.
     *
     * @param found the newest write the store holds (its {@link #MARKER}, 0 if none)
     * @param problems what is wrong, each prefixed with {@code label}; empty if nothing is
     */
    public record AfterKill(long found, java.util.List<String> problems) {}

    /** Checks {@code store}, reopened after a child that acknowledged {@code acknowledged} writes was killed. */
    public static AfterKill afterKill(RecordStore store, long acknowledged, String label) {
        long found = store.setting(MARKER).map(Long::parseLong).orElse(0L);
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (found != acknowledged && found != acknowledged + 1) {
            problems.add(label + ": the store is at write " + found + ", acknowledged " + acknowledged);
            return new AfterKill(found, problems);
        }
        String content = differences(store, expectedAfter(found));
        if (content != null) {
            problems.add(label + " (after write " + found + "): " + content);
        }
        org.chmexchange.store.StoreCheck check = store.check();
        if (!check.sound()) {
            problems.add(label + ": " + check.problems());
        }
        return new AfterKill(found, problems);
    }
}
