package org.chmexchange.testkit.store;

import static org.chmexchange.testkit.store.RecordStoreContract.BASE;
import static org.chmexchange.testkit.store.RecordStoreContract.GRAPH;
import static org.chmexchange.testkit.store.RecordStoreContract.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.ChangePage;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.InvalidRecordException;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.chmexchange.store.StoreException;
import org.chmexchange.store.WriteRequest;
import org.chmexchange.store.WriteResult;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change-log contract every {@link RecordStore} keeps (docs/EXCHANGE.md): one entry per
 * change, in order, none for an unchanged record; tombstones; atomic writes with settings and
 * provenance; confined writes. A subclass says how to open its store.
 */
public abstract class ChangeLogContract {

    @TempDir
    protected Path dir;

    /**
     * Opens (creating if needed) the store under test in {@code dir}; opening the same folder again
     * after a close must find what was written.
     */
    protected abstract RecordStore open(Path dir);

    static final IRI D1 = RecordType.DECISION.mint(BASE, "d1");
    static final IRI D2 = RecordType.DECISION.mint(BASE, "d2");

    static List<ChangeEntry> all(RecordStore store, ChangeQuery q, int pageSize) {
        List<ChangeEntry> out = new ArrayList<>();
        long after = 0;
        ChangePage page;
        do {
            page = store.changes(q, after, pageSize);
            out.addAll(page.items());
            after = page.position();
        } while (page.more());
        return out;
    }

    @Test
    public void everyChangeIsLoggedOnceInOrderAndNothingForAnUnchangedRecord() {
        try (RecordStore store = open(dir)) {
            store.put(decision("d1", "cbd", "One", "en"), GRAPH);
            store.put(decision("d1", "cbd", "One", "en"), GRAPH); // unchanged: no entry
            store.put(decision("d1", "cbd", "One, revised", "en"), GRAPH);
            store.put(decision("d2", "cms", "Two", "en"), GRAPH);
            assertTrue(store.delete(D1));
            assertFalse(store.delete(D1), "deleting twice logs once");

            List<ChangeEntry> log = all(store, ChangeQuery.ALL, 2);
            assertEquals(
                    List.of(1L, 2L, 3L, 4L),
                    log.stream().map(ChangeEntry::sequence).toList());
            assertEquals(
                    List.of(ChangeKind.CREATE, ChangeKind.UPDATE, ChangeKind.CREATE, ChangeKind.DELETE),
                    log.stream().map(ChangeEntry::kind).toList());
            assertEquals(
                    List.of(D1, D1, D2, D1),
                    log.stream().map(ChangeEntry::record).toList());
            assertEquals(
                    Set.of(ChmThesaurus.treaty("cbd")), log.get(3).treaties(), "a tombstone keeps the filter keys");
            assertEquals(4, store.lastSequence());
            assertEquals(ChangeKind.DELETE, store.lastChange(D1).orElseThrow().kind());
            assertEquals(ChangeKind.CREATE, store.lastChange(D2).orElseThrow().kind());

            ChangeQuery cms = new ChangeQuery(Set.of(), Set.of(ChmThesaurus.treaty("cms")), Set.of());
            assertEquals(
                    List.of(D2),
                    all(store, cms, 10).stream().map(ChangeEntry::record).toList());
            assertEquals(1, store.countChanges(cms));
            ChangePage empty = store.changes(ChangeQuery.ALL, 4, 10);
            assertTrue(empty.items().isEmpty());
            assertEquals(4, empty.position(), "an empty page keeps the position");
        }
    }

    static List<ChangeEntry> latest(RecordStore store, ChangeQuery q, int pageSize) {
        List<ChangeEntry> out = new ArrayList<>();
        long after = 0;
        ChangePage page;
        do {
            page = store.latestChanges(q, after, pageSize);
            out.addAll(page.items());
            after = page.position();
        } while (page.more());
        return out;
    }

    @Test
    public void theLatestChangesListEachRecordOnceAtItsNewestEntryTombstonesIncluded() {
        IRI d3 = RecordType.DECISION.mint(BASE, "d3");
        try (RecordStore store = open(dir)) {
            store.put(decision("d1", "cbd", "One", "en"), GRAPH); // 1
            store.put(decision("d2", "cms", "Two", "en"), GRAPH); // 2
            store.put(decision("d1", "cbd", "One, revised", "en"), GRAPH); // 3
            assertTrue(store.delete(D2)); // 4
            store.put(decision("d3", "cbd", "Three", "en"), GRAPH); // 5

            List<ChangeEntry> states = latest(store, ChangeQuery.ALL, 2);
            assertEquals(
                    List.of(3L, 4L, 5L),
                    states.stream().map(ChangeEntry::sequence).toList());
            assertEquals(
                    List.of(D1, D2, d3),
                    states.stream().map(ChangeEntry::record).toList());
            assertEquals(ChangeKind.DELETE, states.get(1).kind(), "a deleted record is listed by its tombstone");
            assertEquals(3, store.countLatestChanges(ChangeQuery.ALL));
            ChangePage first = store.latestChanges(ChangeQuery.ALL, 0, 2);
            assertTrue(first.more());
            assertEquals(4, first.position());

            ChangeQuery cbd = new ChangeQuery(Set.of(), Set.of(ChmThesaurus.treaty("cbd")), Set.of());
            assertEquals(
                    List.of(D1, d3),
                    latest(store, cbd, 10).stream().map(ChangeEntry::record).toList());
            assertEquals(2, store.countLatestChanges(cbd));
            ChangeQuery tombstones = ChangeQuery.ALL.ofKinds(Set.of(ChangeKind.DELETE));
            assertEquals(
                    List.of(D2),
                    latest(store, tombstones, 10).stream()
                            .map(ChangeEntry::record)
                            .toList());
            assertEquals(1, store.countLatestChanges(tombstones));
            assertEquals(
                    List.of(D1, d3),
                    latest(store, ChangeQuery.ALL.ofKinds(Set.of(ChangeKind.CREATE, ChangeKind.UPDATE)), 10).stream()
                            .map(ChangeEntry::record)
                            .toList());

            // a record changed while a client pages moves behind every position handed out
            store.put(decision("d1", "cbd", "One, revised twice", "en"), GRAPH); // 6

            // one record's history: every change of it, oldest first
            ChangePage history = store.changes(ChangeQuery.ALL.ofRecords(Set.of(D1)), 0, 10);
            assertTrue(history.items().size() >= 2, "d1 was created and revised");
            assertTrue(history.items().stream().allMatch(e -> e.record().equals(D1)), "only d1's changes");
            assertEquals(ChangeKind.CREATE, history.items().get(0).kind());
            assertEquals(history.items().size(), store.countChanges(ChangeQuery.ALL.ofRecords(Set.of(D1))));
            ChangePage rest = store.latestChanges(ChangeQuery.ALL, first.position(), 10);
            assertEquals(
                    List.of(d3, D1),
                    rest.items().stream().map(ChangeEntry::record).toList());

            ChangeEntry newest = store.lastChange(D1).orElseThrow();
            List<ChangeEntry> since = latest(store, ChangeQuery.ALL.during(newest.time(), null), 10);
            assertTrue(since.stream().allMatch(e -> !e.time().isBefore(newest.time())), "from is inclusive");
            assertEquals(D1, since.get(since.size() - 1).record());
            List<ChangeEntry> before = latest(store, ChangeQuery.ALL.during(null, newest.time()), 10);
            assertTrue(before.stream().allMatch(e -> e.time().isBefore(newest.time())), "until is exclusive");
            assertFalse(before.stream().anyMatch(e -> e.record().equals(D1)), "D1's newest entry is not before it");
            assertThrows(IllegalArgumentException.class, () -> ChangeQuery.ALL.during(newest.time(), newest.time()));
        }
        try (var files = Files.walk(dir.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (RecordStore store = open(dir)) {
            assertEquals(
                    List.of(4L, 5L, 6L),
                    latest(store, ChangeQuery.ALL, 10).stream()
                            .map(ChangeEntry::sequence)
                            .toList(),
                    "a rebuilt index finds the same newest entries");
            assertTrue(
                    store.check().problems().isEmpty(), store.check().problems().toString());
        }
    }

    @Test
    public void theLogSurvivesARestartAndAnIndexRebuild() throws Exception {
        try (RecordStore store = open(dir)) {
            store.put(decision("d1", "cbd", "One", "en"), GRAPH);
            store.delete(D1);
        }
        try (var files = Files.walk(dir.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (RecordStore store = open(dir)) {
            assertEquals(2, store.lastSequence());
            assertEquals(2, all(store, ChangeQuery.ALL, 10).size());
            store.put(decision("d2", "cbd", "Two", "en"), GRAPH);
            assertEquals(3, store.lastSequence(), "sequence numbers are never reused");
        }
    }

    @Test
    public void aWriteRequestIsAtomicWithItsSettingsAndProvenance() {
        IRI source = Values.iri(BASE + "graphs/sources/peer");
        try (RecordStore store = open(dir)) {
            store.put(decision("d1", "cbd", "Local", "en"), GRAPH);
            Model provenance = new LinkedHashModel();
            provenance.add(source, PROV.WAS_DERIVED_FROM, Values.iri("http://peer.example.org/"));
            WriteResult r = store.write(new WriteRequest(
                    source,
                    decision("d2", "cbd", "Harvested", "en"),
                    Set.of(D1),
                    true,
                    Map.of(SettingKey.of("harvest:peer:cursor"), "abc"),
                    provenance));
            assertEquals(List.of(D2), r.created());
            assertEquals(List.of(), r.deleted(), "a source's tombstones only delete what the source gave");
            assertTrue(store.get(D1).isPresent());
            assertEquals(
                    "abc", store.setting(SettingKey.of("harvest:peer:cursor")).orElseThrow());

            Model bad = decision("d3", "cbd", "Bad", "en");
            bad.add(Values.iri("http://elsewhere.example.org/x"), DCTERMS.TITLE, Values.literal("stray"));
            assertThrows(
                    StoreException.class,
                    () -> store.write(new WriteRequest(
                            source,
                            bad,
                            Set.of(D2),
                            true,
                            Map.of(SettingKey.of("harvest:peer:cursor"), "def"),
                            new LinkedHashModel())));
            assertEquals(
                    "abc",
                    store.setting(SettingKey.of("harvest:peer:cursor")).orElseThrow(),
                    "the cursor did not move");
            assertTrue(store.get(D2).isPresent(), "the deletion was not applied");
            assertEquals(2, store.lastSequence());

            WriteResult tomb = store.write(
                    new WriteRequest(source, new LinkedHashModel(), Set.of(D2), true, Map.of(), new LinkedHashModel()));
            assertEquals(List.of(D2), tomb.deleted());
        }
    }

    @Test
    public void aWriteThatIsNotConfinedMovesARecordToItsGraphEvenUnchanged() {
        IRI sample = Values.iri(BASE + "graphs/sample");
        try (RecordStore store = open(dir)) {
            store.put(decision("d1", "cbd", "Local", "en"), GRAPH);
            long sequence = store.lastSequence();
            String modified = store.get(D1)
                    .orElseThrow()
                    .filter(D1, DCTERMS.MODIFIED, null)
                    .objects()
                    .iterator()
                    .next()
                    .stringValue();

            WriteResult moved = store.write(WriteRequest.upsert(sample, decision("d1", "cbd", "Local", "en")));

            assertEquals(List.of(D1), moved.unchanged());
            assertEquals(sample, store.graphOf(D1).orElseThrow(), "the record lives in the request's graph");
            assertEquals(Set.of(D1), store.recordsIn(sample));
            assertEquals(Set.of(), store.recordsIn(GRAPH));
            assertEquals(sequence, store.lastSequence(), "no change entry: nothing a reader sees changed");
            assertEquals(
                    modified,
                    store.get(D1)
                            .orElseThrow()
                            .filter(D1, DCTERMS.MODIFIED, null)
                            .objects()
                            .iterator()
                            .next()
                            .stringValue(),
                    "its time stays");
        }
        try (RecordStore store = open(dir)) {
            assertEquals(sample, store.graphOf(D1).orElseThrow(), "after reopening too");
        }
    }

    @Test
    public void aConfinedWriteLeavesRecordsOfOtherGraphsAloneAndStoreGraphsAreNeverRecords() {
        IRI source = Values.iri(BASE + "graphs/sources/peer");
        try (RecordStore store = open(dir)) {
            store.put(decision("d1", "cbd", "Local", "en"), GRAPH);
            store.setSetting(SettingKey.BASE_IRI, BASE);
            WriteResult r = store.write(new WriteRequest(
                    source,
                    decision("d1", "cbd", "From a peer", "en"),
                    Set.of(),
                    true,
                    Map.of(),
                    new LinkedHashModel()));
            assertEquals(List.of(D1), r.conflicts());
            assertEquals(GRAPH, store.graphOf(D1).orElseThrow(), "the local record stays local");

            // REFUSE: one conflicting record and nothing of the request is written (publishing's batch).
            Model both = decision("d1", "cbd", "From a peer", "en");
            both.addAll(decision("d2", "cbd", "Also from the peer", "en"));
            long before = store.lastSequence();
            org.chmexchange.store.RecordConflictException refused = assertThrows(
                    org.chmexchange.store.RecordConflictException.class,
                    () -> store.write(new WriteRequest(
                            source,
                            both,
                            Set.of(),
                            true,
                            Map.of(SettingKey.of("refused-write"), "x"),
                            new LinkedHashModel(),
                            WriteRequest.OnConflict.REFUSE)));
            assertEquals(D1, refused.record());
            assertEquals(GRAPH, refused.holder());
            assertFalse(store.get(RecordType.DECISION.mint(BASE, "d2")).isPresent(), "nothing of the request");
            assertFalse(store.setting(SettingKey.of("refused-write")).isPresent(), "not even its settings");
            assertEquals(before, store.lastSequence());
            assertTrue(store.get(D1).orElseThrow().contains(D1, DCTERMS.TITLE, Values.literal("Local", "en")));

            assertFalse(store.delete(Values.iri("urn:chm-exchange:system")));
            assertEquals(BASE, store.setting(SettingKey.BASE_IRI).orElseThrow(), "settings are not a record");
            assertThrows(
                    InvalidRecordException.class,
                    () -> store.put(
                            withIri(decision("y", "cbd", "Y", "en"), "https://w3id.org/chm-exchange/y"), GRAPH));
            Model nested = new LinkedHashModel();
            IRI part = Values.iri(D1 + "#part");
            nested.add(part, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, org.chmexchange.vocab.CHM.Decision);
            nested.add(part, DCTERMS.IDENTIFIER, Values.literal("part"));
            assertThrows(InvalidRecordException.class, () -> store.put(nested, GRAPH));
        }
    }

    static Model withIri(Model m, String iri) {
        Model out = new LinkedHashModel();
        IRI old = (IRI) m.filter(null, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, null)
                .subjects()
                .iterator()
                .next();
        for (var st : m) {
            IRI s = st.getSubject().equals(old) ? Values.iri(iri) : (IRI) st.getSubject();
            if (st.getSubject().stringValue().startsWith(old.stringValue() + "#")) {
                s = Values.iri(iri
                        + st.getSubject()
                                .stringValue()
                                .substring(old.stringValue().length()));
            }
            var o = st.getObject().equals(old) ? Values.iri(iri) : st.getObject();
            if (o.isIRI() && o.stringValue().startsWith(old.stringValue() + "#")) {
                o = Values.iri(iri + o.stringValue().substring(old.stringValue().length()));
            }
            out.add(s, st.getPredicate(), o);
        }
        return out;
    }
}
