package org.chmexchange.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

    private static final IRI DECISION = RecordType.DECISION.mint(Samples.BASE, "d1");
    private static final IRI DECISION_TYPE = ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, "decision");

    @Test
    void commonRequiresIriAndIdentifier() {
        assertThrows(NullPointerException.class, () -> Common.of(null, "x"));
        assertThrows(NullPointerException.class, () -> Common.of(DECISION, null));
        assertThrows(IllegalArgumentException.class, () -> Common.of(DECISION, " "));
        assertThrows(IllegalArgumentException.class, () -> Common.of(Values.iri(DECISION + "#x"), "x"));
    }

    @Test
    void filesMustBeNestedAndUnique() {
        FileRef foreign =
                FileRef.of(RecordType.DECISION.mint(Samples.BASE, "other"), 1, Values.iri("https://f.example.org/a"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Common.builder(DECISION, "x").files(List.of(foreign)).build());
        FileRef one = FileRef.of(DECISION, 1, Values.iri("https://f.example.org/a"));
        FileRef again = FileRef.of(DECISION, 1, Values.iri("https://f.example.org/b"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Common.builder(DECISION, "x").files(List.of(one, again)).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> new FileRef(DECISION, Values.iri("https://f.example.org/a"), null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FileRef(
                        FileRef.iriFor(DECISION, 1), Values.iri("https://f.example.org/a"), "pdf", null, null));
        assertThrows(IllegalArgumentException.class, () -> FileRef.iriFor(DECISION, 0));
    }

    @Test
    void filesAreOrderedNumerically() {
        List<FileRef> files = new ArrayList<>();
        for (int n : new int[] {10, 2, 1}) {
            files.add(FileRef.of(DECISION, n, Values.iri("https://f.example.org/" + n)));
        }
        Common common = Common.builder(DECISION, "x").files(files).build();
        assertEquals(
                List.of("#file-1", "#file-2", "#file-10"),
                common.files().stream()
                        .map(f -> f.iri()
                                .stringValue()
                                .substring(DECISION.stringValue().length()))
                        .toList());
    }

    @Test
    void collectionsAreDefensiveUnmodifiableAndOrdered() {
        List<IRI> concepts =
                new ArrayList<>(List.of(Values.iri("https://c.example.org/b"), Values.iri("https://c.example.org/a")));
        Common common = Common.builder(DECISION, "x").concepts(concepts).build();
        concepts.add(Values.iri("https://c.example.org/c"));
        assertEquals(
                List.of(Values.iri("https://c.example.org/a"), Values.iri("https://c.example.org/b")),
                List.copyOf(common.concepts()));
        assertThrows(
                UnsupportedOperationException.class, () -> common.concepts().clear());
        assertThrows(UnsupportedOperationException.class, () -> common.files().clear());
        List<IRI> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(
                NullPointerException.class,
                () -> Common.builder(DECISION, "x").cites(withNull).build());
        assertTrue(Common.of(DECISION, "x").title().isEmpty());
    }

    @Test
    void decisionNeedsTreatyTypeAndTitleOrSummary() {
        Common titled =
                Common.builder(DECISION, "x").title(LangText.of("en", "T")).build();
        assertThrows(NullPointerException.class, () -> new Decision(titled, null, DECISION_TYPE, null, null));
        assertThrows(NullPointerException.class, () -> new Decision(titled, Samples.CBD, null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Decision(Common.of(DECISION, "x"), Samples.CBD, DECISION_TYPE, null, null));
        Common summarised =
                Common.builder(DECISION, "x").summary(LangText.of("fr", "S")).build();
        Decision decision = new Decision(summarised, Samples.CBD, DECISION_TYPE, null, null);
        assertEquals(Set.of(Samples.CBD), decision.treaties());
        assertEquals(RecordType.DECISION, decision.type());
    }

    @Test
    void siteNeedsATitleACountryAndCoordinatesInRange() {
        IRI iri = RecordType.SITE.mint(Samples.BASE, "s");
        Common titled =
                Common.builder(iri, "s").title(LangText.of("en", "Wetland")).build();
        IRI ramsar = org.chmexchange.vocab.ChmThesaurus.treaty("ramsar");
        IRI country = org.chmexchange.vocab.ChmThesaurus.country("fr");
        assertThrows(
                IllegalArgumentException.class,
                () -> Site.of(Common.of(iri, "s"), ramsar, List.of(country), null, null));
        assertThrows(IllegalArgumentException.class, () -> Site.of(titled, ramsar, List.of(), null, null));
        assertThrows(NullPointerException.class, () -> Site.of(titled, null, List.of(country), null, null));
        assertThrows(IllegalArgumentException.class, () -> Site.of(titled, ramsar, List.of(country), 90.5, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Site.of(titled, ramsar, List.of(country), 0.0, -180.5));
        assertThrows(IllegalArgumentException.class, () -> Site.of(titled, ramsar, List.of(country), Double.NaN, 0.0));
        Site site = Site.of(titled, ramsar, List.of(country), -90.0, 180.0);
        assertEquals(Set.of(ramsar), site.treaties());
        assertEquals(RecordType.SITE, site.type());
    }

    @Test
    void titledTypesNeedATitle() {
        Common untitled = Common.of(RecordType.TREATY.mint(Samples.BASE, "cbd"), "cbd");
        assertThrows(IllegalArgumentException.class, () -> Treaty.builder(untitled, Samples.CBD)
                .build());
        assertThrows(
                IllegalArgumentException.class, () -> Meeting.builder(untitled, Samples.CBD, LocalDate.of(2020, 1, 1))
                        .build());
        assertThrows(IllegalArgumentException.class, () -> Organization.of(untitled, null, null, null, null, null));
    }

    @Test
    void multiTreatyTypesNeedAtLeastOne() {
        Common common = Samples.nationalReport().common();
        IRI fr = ChmThesaurus.country("fr");
        IRI nr = ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "nbsap");
        assertThrows(IllegalArgumentException.class, () -> NationalReport.builder(common, List.of(), fr, nr)
                .build());
        assertThrows(NullPointerException.class, () -> NationalReport.builder(common, List.of(Samples.CBD), null, nr)
                .build());
        assertDoesNotThrow(() ->
                NationalReport.builder(common, List.of(Samples.CBD), fr, nr).build());
    }

    @Test
    void focalPointChecksItsContacts() {
        FocalPoint fp = Samples.focalPoint();
        FocalPoint.Builder noCategories = FocalPoint.builder(
                fp.common(), fp.treaties(), fp.country(), List.of(), FocalPoint.ContactKind.PERSON, "A");
        assertThrows(IllegalArgumentException.class, noCategories::build);
        FocalPoint.Builder badEmail = FocalPoint.builder(
                        fp.common(),
                        fp.treaties(),
                        fp.country(),
                        fp.categories(),
                        FocalPoint.ContactKind.ORGANIZATION,
                        "A")
                .emails(List.of(Values.iri("https://example.org/ada")));
        assertThrows(IllegalArgumentException.class, badEmail::build);
        FocalPoint.Builder badPhone = FocalPoint.builder(
                        fp.common(),
                        fp.treaties(),
                        fp.country(),
                        fp.categories(),
                        FocalPoint.ContactKind.ORGANIZATION,
                        "A")
                .phones(List.of(Values.iri("mailto:a@example.org")));
        assertThrows(IllegalArgumentException.class, badPhone::build);
        assertThrows(IllegalArgumentException.class, () -> FocalPoint.builder(
                        fp.common(), fp.treaties(), fp.country(), fp.categories(), FocalPoint.ContactKind.PERSON, "")
                .build());
        assertEquals("organization", FocalPoint.ContactKind.ORGANIZATION.value());
        assertEquals(
                FocalPoint.ContactKind.PERSON,
                FocalPoint.ContactKind.fromValue("person").orElseThrow());
    }

    @Test
    void withCommonKeepsTheRestAndRecordsAreValues() {
        for (Record record : Samples.all()) {
            Common changed =
                    record.common().toBuilder().cbdIdentifier("changed").build();
            Record copy = record.withCommon(changed);
            assertEquals("changed", copy.cbdIdentifier());
            assertEquals(record.type(), copy.type());
            assertEquals(record, copy.withCommon(record.common()));
            assertEquals(record.hashCode(), copy.withCommon(record.common()).hashCode());
        }
    }
}
