package org.chmexchange.testkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.Compaction;
import org.chmexchange.store.ModifiedKey;
import org.chmexchange.store.RecordFacets;
import org.chmexchange.store.RecordPage;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.store.SettingKey;
import org.chmexchange.store.StoreException;
import org.chmexchange.store.WriteResult;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record-store contract every {@link RecordStore} keeps: put, get, replace, delete; refusal of
 * statements outside any record with nothing written; keyset paging with filters; full text;
 * {@code dcterms:modified} set by the store; reopening; an index that is lost or behind the store
 * is rebuilt or catches up (the index lives in {@code dir/index}); reference graphs. A subclass
 * says how to open its store. The crash part of the contract is {@code StoreKillTest}.
 */
public abstract class RecordStoreContract {

    public static final String BASE = "http://node.example.org/";
    public static final IRI GRAPH = RecordStore.localGraph(BASE);

    @TempDir
    protected Path dir;

    /**
     * Opens (creating if needed) the store under test in {@code dir}; opening the same folder again
     * after a close must find what was written.
     */
    protected abstract RecordStore open(Path dir);

    public static Model decision(String id, String treaty, String title, String lang, String... concepts) {
        IRI iri = RecordType.DECISION.mint(BASE, id);
        Model m = new LinkedHashModel();
        m.add(iri, RDF.TYPE, CHM.Decision);
        m.add(iri, DCTERMS.IDENTIFIER, Values.literal(id));
        m.add(iri, DCTERMS.TITLE, Values.literal(title, lang));
        m.add(iri, CHM.treaty, ChmThesaurus.treaty(treaty));
        for (String c : concepts) {
            m.add(iri, DCTERMS.SUBJECT, ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, c));
        }
        IRI file = Values.iri(iri + "#file-1");
        m.add(iri, CHM.file, file);
        m.add(file, DCAT.DOWNLOAD_URL, Values.iri("https://files.example.org/" + id + ".pdf"));
        return m;
    }

    @Test
    public void putGetReplaceDelete() {
        try (RecordStore store = open(dir)) {
            WriteResult first = store.put(decision("d1", "cbd", "Biodiversity and health", "en"), GRAPH);
            assertEquals(1, first.created().size());
            IRI d1 = RecordType.DECISION.mint(BASE, "d1");
            Model stored = store.get(d1).orElseThrow();
            assertTrue(stored.contains(Values.iri(d1 + "#file-1"), DCAT.DOWNLOAD_URL, null), "nested file kept");
            assertTrue(stored.contains(d1, DCTERMS.MODIFIED, null), "store stamps modified");

            WriteResult second = store.put(decision("d1", "cbd", "Santé et biodiversité", "fr"), GRAPH);
            assertEquals(List.of(d1), second.updated());
            Model replaced = store.get(d1).orElseThrow();
            assertEquals(1, replaced.filter(d1, DCTERMS.TITLE, null).size(), "old title replaced, not added");
            assertEquals(1, store.count(RecordQuery.ALL));

            assertTrue(store.delete(d1));
            assertTrue(store.get(d1).isEmpty());
            assertFalse(store.delete(d1));
            assertEquals(0, store.count(RecordQuery.ALL));
        }
    }

    @Test
    public void numbersAndTimesInAnyLexicalFormAreUnchangedWhenWrittenAgain() {
        // A store may keep them by value (TDB2 behind a Fuseki gives "1.50" back as "1.5"): a record
        // written again as it was is no change, whatever the store kept.
        Model record = decision("forms", "cbd", "Lexical forms", "en");
        IRI iri = RecordType.DECISION.mint(BASE, "forms");
        record.add(iri, Values.iri(CHM.NAMESPACE + "testAmount"), Values.literal("1.50", XSD.DECIMAL));
        record.add(iri, DCTERMS.DATE, Values.literal("2024-06-01T12:00:06.120Z", XSD.DATETIME));
        try (RecordStore store = open(dir)) {
            assertEquals(1, store.put(record, GRAPH).created().size());
            WriteResult again = store.put(record, GRAPH);
            assertEquals(List.of(iri), again.unchanged(), "no change logged for the same values");
            assertEquals(1, store.countChanges(ChangeQuery.ALL));
        }
    }

    @Test
    public void severalRecordsAreReadAtOnceAsOneByOne() {
        try (RecordStore store = open(dir)) {
            List<IRI> iris = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                store.put(decision("many-" + i, "cbd", "Many " + i, "en", "GBF-TARGET-" + (i + 1)), GRAPH);
                iris.add(RecordType.DECISION.mint(BASE, "many-" + i));
            }
            IRI missing = RecordType.DECISION.mint(BASE, "never-written");
            List<IRI> asked = new ArrayList<>(iris);
            asked.add(missing);
            java.util.Map<IRI, Model> all = store.getAll(asked);
            assertEquals(new HashSet<>(iris), all.keySet(), "the records held, none for an IRI never written");
            for (IRI iri : iris) {
                assertEquals(store.get(iri).orElseThrow(), all.get(iri), "with its nested file, as get reads it");
            }
            assertEquals(java.util.Map.of(), store.getAll(List.of()));
        }
    }

    @Test
    public void statementsOutsideAnyRecordAreRejectedAndNothingIsWritten() {
        try (RecordStore store = open(dir)) {
            Model bad = decision("d2", "cbd", "Fine", "en");
            bad.add(Values.iri("http://elsewhere.example.org/x"), DCTERMS.TITLE, Values.literal("stray"));
            StoreException e = assertThrows(StoreException.class, () -> store.put(bad, GRAPH));
            assertTrue(e.getMessage().contains("belongs to no record"), e.getMessage());
            assertEquals(0, store.count(RecordQuery.ALL));
        }
    }

    @Test
    public void keysetPagingVisitsEveryMatchOnceWithFilters() {
        try (RecordStore store = open(dir)) {
            Model all = new LinkedHashModel();
            for (int i = 0; i < 57; i++) {
                all.addAll(decision(
                        "d" + i,
                        i % 3 == 0 ? "cms" : "cbd",
                        "Decision number " + i,
                        "en",
                        i % 2 == 0 ? "GBF-TARGET-03" : "GBF-TARGET-01"));
            }
            store.put(all, GRAPH);
            RecordQuery cbd = new RecordQuery(
                    Set.of(RecordType.DECISION),
                    Set.of(ChmThesaurus.treaty("cbd")),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    null,
                    null);
            List<IRI> seen = new ArrayList<>();
            IRI after = null;
            RecordPage page;
            do {
                page = store.list(cbd, after, 5);
                page.items().forEach(s -> seen.add(s.iri()));
                after = page.lastKey().orElse(null);
                assertEquals(38, page.totalItems());
            } while (after != null);
            assertEquals(38, seen.size());
            assertEquals(38, new HashSet<>(seen).size(), "no duplicates");
            List<IRI> sorted = new ArrayList<>(seen);
            sorted.sort((a, b) -> a.stringValue().compareTo(b.stringValue()));
            assertEquals(sorted, seen, "ascending IRI order");

            RecordQuery concept = new RecordQuery(
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    Set.of(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03")),
                    null,
                    null);
            assertEquals(29, store.count(concept));
        }
    }

    @Test
    public void facetsCountTheMatchingRecordsAndYearsFilter() {
        try (RecordStore store = open(dir)) {
            Model all = new LinkedHashModel();
            for (int i = 0; i < 12; i++) {
                Model d = decision(
                        "f" + i,
                        i % 3 == 0 ? "cms" : "cbd",
                        "Decision " + i,
                        "en",
                        i % 2 == 0 ? "GBF-TARGET-03" : "GBF-TARGET-01");
                IRI iri = RecordType.DECISION.mint(BASE, "f" + i);
                if (i < 10) { // adopted in 2020 + i % 2; two without a date have no year
                    d.add(iri, CHM.adoptionDate, Values.literal(java.time.LocalDate.of(2020 + i % 2, 5, 1)));
                }
                if (i == 0) { // an issued date ranks after the adoption date
                    d.add(iri, DCTERMS.ISSUED, Values.literal(java.time.LocalDate.of(1999, 1, 1)));
                }
                all.addAll(d);
            }
            store.put(all, GRAPH);
            RecordFacets facets = store.facets(RecordQuery.ALL, 10);
            assertEquals(12, facets.total());
            assertEquals(
                    List.of(new RecordFacets.Count(RecordType.DECISION.slug(), 12)),
                    facets.of(RecordFacets.Facet.TYPE));
            assertEquals(
                    List.of(
                            new RecordFacets.Count(ChmThesaurus.treaty("cbd").stringValue(), 8),
                            new RecordFacets.Count(ChmThesaurus.treaty("cms").stringValue(), 4)),
                    facets.of(RecordFacets.Facet.TREATY));
            assertEquals(
                    List.of(new RecordFacets.Count("2020", 5), new RecordFacets.Count("2021", 5)),
                    facets.of(RecordFacets.Facet.YEAR),
                    "ties by value; the issued date of f0 loses to its adoption date");
            assertEquals(List.of(), facets.of(RecordFacets.Facet.COUNTRY));
            assertEquals(
                    1,
                    store.facets(RecordQuery.ALL, 1)
                            .of(RecordFacets.Facet.TREATY)
                            .size(),
                    "top");

            RecordQuery cms = new RecordQuery(
                    Set.of(), Set.of(ChmThesaurus.treaty("cms")), Set.of(), Set.of(), Set.of(), null, null);
            RecordFacets cmsFacets = store.facets(cms, 10);
            assertEquals(4, cmsFacets.total());
            assertEquals(
                    List.of(
                            new RecordFacets.Count(
                                    ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03")
                                            .stringValue(),
                                    2),
                            new RecordFacets.Count(
                                    ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-01")
                                            .stringValue(),
                                    2)),
                    cmsFacets.of(RecordFacets.Facet.CONCEPT).stream()
                            .sorted(java.util.Comparator.comparing(RecordFacets.Count::value)
                                    .reversed())
                            .toList());

            RecordQuery y2021 = RecordQuery.ALL.withYears(Set.of(2021));
            assertEquals(5, store.count(y2021));
            assertEquals(
                    List.of(new RecordFacets.Count("2021", 5)),
                    store.facets(y2021, 10).of(RecordFacets.Facet.YEAR));
            assertEquals(
                    0, store.facets(RecordQuery.ALL.withYears(Set.of(1999)), 10).total());
            assertThrows(IllegalArgumentException.class, () -> store.facets(RecordQuery.ALL, 0));
        }
    }

    @Test
    public void listingByModificationTimeIsStableBothWaysBySkipAndByKeyset() throws InterruptedException {
        try (RecordStore store = open(dir)) {
            for (int batch = 0; batch < 4; batch++) { // records of one batch share their time
                Model m = new LinkedHashModel();
                for (int i = 0; i < 5; i++) {
                    m.addAll(decision("m" + batch + "-" + i, batch % 2 == 0 ? "cbd" : "cms", "T " + i, "en"));
                }
                store.put(m, GRAPH);
                Thread.sleep(3);
            }
            List<RecordSummary> ascending = new ArrayList<>();
            ModifiedKey after = null;
            RecordPage page;
            do {
                page = store.listByModified(RecordQuery.ALL, false, after, 0, 3);
                ascending.addAll(page.items());
                after = page.items().isEmpty()
                        ? null
                        : ModifiedKey.of(page.items().get(page.items().size() - 1));
                assertEquals(20, page.totalItems());
            } while (page.lastKey().isPresent());
            assertEquals(20, ascending.size());
            java.util.Comparator<RecordSummary> order = java.util.Comparator.comparing(RecordSummary::modified)
                    .thenComparing(r -> r.iri().stringValue());
            List<RecordSummary> sorted = new ArrayList<>(ascending);
            sorted.sort(order);
            assertEquals(sorted, ascending, "oldest first, ties in IRI order");
            assertEquals(20, new HashSet<>(ascending).size(), "no duplicates");

            List<RecordSummary> descending = new ArrayList<>();
            for (int skip = 0; ; skip += 6) {
                page = store.listByModified(RecordQuery.ALL, true, null, skip, 6);
                descending.addAll(page.items());
                if (page.lastKey().isEmpty()) {
                    break;
                }
            }
            List<RecordSummary> newestFirst = new ArrayList<>(ascending);
            newestFirst.sort(java.util.Comparator.comparing(RecordSummary::modified)
                    .reversed()
                    .thenComparing(r -> r.iri().stringValue()));
            assertEquals(newestFirst, descending, "newest first by skip, ties in IRI order");
            RecordSummary seventh = descending.get(6);
            assertEquals(
                    descending.subList(7, 10),
                    store.listByModified(RecordQuery.ALL, true, ModifiedKey.of(seventh), 0, 3)
                            .items(),
                    "a keyset position descending");

            RecordQuery cms = new RecordQuery(
                    Set.of(), Set.of(ChmThesaurus.treaty("cms")), Set.of(), Set.of(), Set.of(), null, null);
            RecordPage cmsPage = store.listByModified(cms, false, null, 2, 100);
            assertEquals(10, cmsPage.totalItems());
            assertEquals(8, cmsPage.items().size());
            assertTrue(cmsPage.lastKey().isEmpty());
            assertThrows(
                    IllegalArgumentException.class, () -> store.listByModified(RecordQuery.ALL, false, null, -1, 3));
        }
    }

    @Test
    public void fullTextAcrossLanguagesIsCaseAndAccentInsensitive() {
        try (RecordStore store = open(dir)) {
            Model all = new LinkedHashModel();
            all.addAll(decision("fr1", "cbd", "Santé et Biodiversité", "fr"));
            all.addAll(decision("ru1", "cbd", "Биоразнообразие и здоровье", "ru"));
            all.addAll(decision("zh1", "cbd", "生物多样性与健康", "zh"));
            all.addAll(decision("ar1", "cbd", "التنوع البيولوجي والصحة", "ar"));
            store.put(all, GRAPH);
            assertEquals(Set.of("fr1"), identifiers(store, "sante BIODIVERSITE"));
            assertEquals(Set.of("ru1"), identifiers(store, "здоровье"));
            assertEquals(Set.of("zh1"), identifiers(store, "健康"));
            assertEquals(Set.of("ar1"), identifiers(store, "والصحة"));
            assertEquals(Set.of("ar1"), identifiers(store, "وَالصِّحَّة"), "Arabic diacritics are ignored");
            assertEquals(Set.of(), identifiers(store, "nothing-like-this"));
        }
    }

    @Test
    public void theNodeSetsModifiedAndAnUnchangedRecordKeepsIt() throws InterruptedException {
        try (RecordStore store = open(dir)) {
            Model old = decision("old", "cbd", "Old", "en");
            IRI oldIri = RecordType.DECISION.mint(BASE, "old");
            old.add(oldIri, DCTERMS.MODIFIED, Values.literal("2020-01-01T00:00:00Z", XSD.DATETIME));
            store.put(old, GRAPH);
            Instant first = store.list(RecordQuery.ALL, null, 1).items().get(0).modified();
            assertTrue(first != null);
            assertTrue(
                    first.isAfter(Instant.parse("2025-01-01T00:00:00Z")),
                    "a caller's modified is replaced by the node's");
            Thread.sleep(5);
            Instant between = Instant.now();
            Thread.sleep(5);
            WriteResult again = store.put(decision("old", "cbd", "Old", "en"), GRAPH);
            assertEquals(List.of(oldIri), again.unchanged(), "same content: nothing written");
            store.put(decision("new", "cbd", "New", "en"), GRAPH);
            RecordQuery since = new RecordQuery(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), between, null);
            assertEquals(1, store.count(since));
            assertEquals("new", store.list(since, null, 10).items().get(0).identifier());
            RecordSummary oldNow = store.list(RecordQuery.ALL, null, 10).items().stream()
                    .filter(r -> r.iri().equals(oldIri))
                    .findFirst()
                    .orElseThrow();
            assertEquals(first, oldNow.modified(), "unchanged record kept its time");
        }
    }

    @Test
    public void reopeningKeepsRecordsAndAStaleIndexIsRebuilt() throws Exception {
        try (RecordStore store = open(dir)) {
            store.put(decision("keep", "cbd", "Kept", "en"), GRAPH);
        }
        try (RecordStore store = open(dir)) {
            assertEquals(1, store.count(RecordQuery.ALL));
        }
        // Simulate losing the index: it is rebuilt from the store.
        try (var files = java.nio.file.Files.walk(dir.resolve("index"))) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        try (RecordStore store = open(dir)) {
            assertEquals(1, store.count(RecordQuery.ALL), "index rebuilt from the store");
            assertEquals(
                    "Kept",
                    store.list(RecordQuery.ALL, null, 1).items().get(0).title().get("en"));
        }
    }

    @Test
    public void anIndexBehindTheStoreCatchesUpFromTheChangeLog() throws Exception {
        IRI d1 = RecordType.DECISION.mint(BASE, "first");
        try (RecordStore store = open(dir)) {
            store.put(decision("first", "cbd", "First", "en"), GRAPH);
        }
        Path saved = dir.resolveSibling(dir.getFileName() + "-index-at-1");
        copyTree(dir.resolve("index"), saved);
        try (RecordStore store = open(dir)) {
            store.put(decision("second", "cms", "Second", "en"), GRAPH);
            assertTrue(store.delete(d1));
        }
        // As if the process died after the store committed changes 2 and 3 but before the index did.
        deleteTree(dir.resolve("index"));
        copyTree(saved, dir.resolve("index"));
        deleteTree(saved);
        try (RecordStore store = open(dir)) {
            assertEquals(Set.of("second"), identifiers(store, null));
            assertEquals(3, store.countChanges(ChangeQuery.ALL));
            assertEquals(ChangeKind.DELETE, store.lastChange(d1).orElseThrow().kind());
            assertEquals(List.of(), store.check().problems());
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path p : files.toList()) {
                java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    @Test
    public void compactionKeepsRecordsChangesAndSettingsAndTheStoreWritesOn() {
        try (RecordStore store = open(dir)) {
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 20; i++) {
                    store.put(decision("c" + i, "cbd", "Compaction " + i + " round " + round, "en"), GRAPH);
                }
            }
            store.delete(RecordType.DECISION.mint(BASE, "c0"));
            store.setSetting(SettingKey.of("test:compaction"), "kept");
            long changes = store.countChanges(ChangeQuery.ALL);
            long sequence = store.lastSequence();
            Model c1 = store.get(RecordType.DECISION.mint(BASE, "c1")).orElseThrow();
            java.util.Optional<Compaction> done = store.compact();
            assertEquals(done.isPresent(), store.diskBytes().isPresent(), "a store that measures its files compacts");
            assertEquals(19, store.count(RecordQuery.ALL));
            assertEquals(changes, store.countChanges(ChangeQuery.ALL));
            assertEquals(sequence, store.lastSequence());
            assertEquals("kept", store.setting(SettingKey.of("test:compaction")).orElseThrow());
            assertEquals(c1, store.get(RecordType.DECISION.mint(BASE, "c1")).orElseThrow());
            assertEquals(
                    ChangeKind.DELETE,
                    store.lastChange(RecordType.DECISION.mint(BASE, "c0"))
                            .orElseThrow()
                            .kind());
            store.put(decision("c20", "cms", "After compaction", "en"), GRAPH);
            assertEquals(20, store.count(RecordQuery.ALL));
            assertTrue(store.check().sound(), store.check().describe());
        }
        try (RecordStore store = open(dir)) {
            assertEquals(20, store.count(RecordQuery.ALL));
            assertTrue(store.check().sound(), store.check().describe());
        }
    }

    @Test
    public void referenceGraphsAreReplacedOnlyWhenChanged() {
        try (RecordStore store = open(dir)) {
            IRI g = Values.iri("https://w3id.org/chm-exchange/graph/test");
            Model v1 = new LinkedHashModel();
            v1.add(Values.iri("urn:x"), RDF.TYPE, CHM.Country);
            assertTrue(store.replaceGraphIfChanged(g, v1));
            assertFalse(store.replaceGraphIfChanged(g, v1));
            Model v2 = new LinkedHashModel(v1);
            v2.add(Values.iri("urn:y"), RDF.TYPE, CHM.Country);
            assertTrue(store.replaceGraphIfChanged(g, v2));
        }
    }

    private static Set<String> identifiers(RecordStore store, String text) {
        RecordQuery q = new RecordQuery(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, text);
        Set<String> ids = new HashSet<>();
        store.list(q, null, 100).items().forEach(s -> ids.add(s.identifier()));
        return ids;
    }
}
