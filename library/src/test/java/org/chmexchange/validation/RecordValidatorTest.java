package org.chmexchange.validation;

import static org.chmexchange.validation.TestRecords.CBD;
import static org.chmexchange.validation.TestRecords.DECISION_15_4;
import static org.chmexchange.validation.TestRecords.DOCUMENT;
import static org.chmexchange.validation.TestRecords.DOCUMENT_FILE;
import static org.chmexchange.validation.TestRecords.FOCAL_POINT;
import static org.chmexchange.validation.TestRecords.FRANCE;
import static org.chmexchange.validation.TestRecords.MEETING;
import static org.chmexchange.validation.TestRecords.ORGANIZATION;
import static org.chmexchange.validation.TestRecords.REPORT;
import static org.chmexchange.validation.TestRecords.TREATY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SHACL;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordValidatorTest {

    private static RecordValidator validator;

    @BeforeAll
    static void createValidator() {
        QuietLogs.rdf4jAtInfo();
        validator = new RecordValidator(org.chmexchange.vocab.Vocabularies.shapes(), TestRecords.thesaurus());
    }

    @AfterAll
    static void closeValidator() {
        validator.close();
    }

    static Stream<Arguments> validRecords() {
        return Stream.of(
                Arguments.of("treaty", (Supplier<Model>) TestRecords::treaty),
                Arguments.of("meeting", (Supplier<Model>) TestRecords::meeting),
                Arguments.of("decision", (Supplier<Model>) TestRecords::decision),
                Arguments.of("document", (Supplier<Model>) TestRecords::document),
                Arguments.of("national report", (Supplier<Model>) TestRecords::nationalReport),
                Arguments.of("focal point", (Supplier<Model>) TestRecords::focalPoint),
                Arguments.of("organization", (Supplier<Model>) TestRecords::organization));
    }

    @ParameterizedTest(name = "accepts a valid {0}")
    @MethodSource("validRecords")
    void acceptsAValidRecordOfEachType(String type, Supplier<Model> record) {
        ValidationReport report = validator.validate(record.get());

        assertTrue(report.conforms(), () -> type + ":\n" + report);
        assertEquals(List.of(), report.violations());
        assertEquals("conforms", report.toString());
    }

    @Test
    void acceptsAllRecordsTogetherAndAnEmptyModel() {
        assertTrue(validator.validate(TestRecords.allRecords()).conforms());
        assertTrue(validator.validate(new LinkedHashModel()).conforms());
    }

    @Test
    void reportsAMissingRequiredField() {
        Model report = without(TestRecords.nationalReport(), CHM.country);

        Violation violation = single(validator.validate(report));

        assertEquals(REPORT, violation.focusNode());
        assertEquals("country", violation.field());
        assertEquals(CHM.country, violation.path());
        assertNull(violation.value());
        assertEquals(
                "country: a national report needs exactly one country, a concept of the countries scheme",
                violation.message());
        assertEquals(SHACL.MIN_COUNT_CONSTRAINT_COMPONENT, violation.constraint());
        assertEquals(Severity.VIOLATION, violation.severity());
        assertEquals(Values.iri(CHM.NAMESPACE, "NationalReportShape-country"), violation.sourceShape());
    }

    @Test
    void aSubjectMustBeASubjectConceptOrAConceptOfAnImportedScheme() {
        org.eclipse.rdf4j.model.IRI term = Values.iri("https://glossary.example.org/terms/trade");
        org.eclipse.rdf4j.model.IRI glossary = Values.iri("https://glossary.example.org/terms/");
        Model decision = TestRecords.decision();
        org.eclipse.rdf4j.model.IRI iri = (org.eclipse.rdf4j.model.IRI)
                decision.filter(null, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, CHM.Decision)
                        .subjects()
                        .iterator()
                        .next();
        decision.add(iri, DCTERMS.SUBJECT, term);
        Violation violation = single(validator.validate(decision));
        assertEquals("concepts", violation.field(), violation.toString());
        assertEquals(term, violation.value());
        Model three = new LinkedHashModel();
        for (int i = 0; i < 3; i++) {
            org.eclipse.rdf4j.model.IRI other = Values.iri(iri + "-" + i);
            for (org.eclipse.rdf4j.model.Statement st : decision) {
                org.eclipse.rdf4j.model.Resource subject =
                        st.getSubject().stringValue().startsWith(iri.stringValue())
                                ? Values.iri(
                                        st.getSubject().stringValue().replace(iri.stringValue(), other.stringValue()))
                                : st.getSubject();
                three.add(subject, st.getPredicate(), st.getObject());
            }
        }
        assertEquals(
                3,
                validator.validate(three).violations().stream()
                        .filter(v -> v.field().equals("concepts"))
                        .count(),
                () -> validator.validate(three).toString());

        Model reference = new LinkedHashModel(TestRecords.thesaurus());
        reference.add(
                term, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, org.eclipse.rdf4j.model.vocabulary.SKOS.CONCEPT);
        reference.add(term, org.eclipse.rdf4j.model.vocabulary.SKOS.IN_SCHEME, glossary);
        reference.add(glossary, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, CHM.ImportedConceptScheme);
        try (RecordValidator withImport = new RecordValidator(org.chmexchange.vocab.Vocabularies.shapes(), reference)) {
            assertTrue(
                    withImport.validate(decision).conforms(),
                    () -> withImport.validate(decision).toString());
        }
    }

    @Test
    void reportsAMissingIdentifierOnAnyRecord() {
        Violation violation = single(validator.validate(without(TestRecords.organization(), DCTERMS.IDENTIFIER)));

        assertEquals(ORGANIZATION, violation.focusNode());
        assertEquals("identifier", violation.field());
        assertTrue(violation.message().startsWith("identifier: a record needs exactly one identifier"));
    }

    @Test
    void reportsAWrongDatatype() {
        Model meeting = without(TestRecords.meeting(), CHM.session);
        meeting.add(MEETING, CHM.session, Values.literal("fifteen"));

        Violation violation = single(validator.validate(meeting));

        assertEquals("session", violation.field());
        assertEquals(Values.literal("fifteen"), violation.value());
        assertEquals("session: a meeting has at most one session number, an xsd:integer", violation.message());
        assertEquals(SHACL.DATATYPE_CONSTRAINT_COMPONENT, violation.constraint());
    }

    @Test
    void reportsAnIllFormedDate() {
        Model meeting = without(TestRecords.meeting(), Std.SCHEMA_START_DATE);
        meeting.add(
                MEETING, Std.SCHEMA_START_DATE, SimpleValueFactory.getInstance().createLiteral("2022-13-45", XSD.DATE));

        Violation violation = single(validator.validate(meeting));

        assertEquals("startDate", violation.field());
        assertEquals(SHACL.DATATYPE_CONSTRAINT_COMPONENT, violation.constraint());
    }

    @Test
    void reportsTwoTitlesInTheSameLanguage() {
        Model treaty = TestRecords.treaty();
        treaty.add(TREATY, DCTERMS.TITLE, Values.literal("Biodiversity Convention", "en"));

        Violation violation = single(validator.validate(treaty));

        assertEquals(TREATY, violation.focusNode());
        assertEquals("title", violation.field());
        assertEquals(DCTERMS.TITLE, violation.path());
        assertEquals("title: titles are language-tagged text, at most one per language", violation.message());
        assertEquals(SHACL.UNIQUE_LANG_CONSTRAINT_COMPONENT, violation.constraint());
    }

    @Test
    void reportsATitleWithoutLanguage() {
        Model organization = without(TestRecords.organization(), DCTERMS.TITLE);
        organization.add(ORGANIZATION, DCTERMS.TITLE, Values.literal("Example Institute"));

        Violation violation = single(validator.validate(organization));

        assertEquals("title", violation.field());
        assertEquals(SHACL.DATATYPE_CONSTRAINT_COMPONENT, violation.constraint());
    }

    @Test
    void reportsACountryThatIsNotAConceptOfTheCountriesScheme() {
        IRI unknown = ChmThesaurus.country("zz");
        Model report = without(TestRecords.nationalReport(), CHM.country);
        report.add(REPORT, CHM.country, unknown);

        Violation violation = single(validator.validate(report));

        assertEquals(REPORT, violation.focusNode());
        assertEquals("country", violation.field());
        assertEquals(unknown, violation.value());
        assertEquals(
                "country: a national report needs exactly one country, a concept of the countries scheme",
                violation.message());
        assertEquals(SHACL.NODE_CONSTRAINT_COMPONENT, violation.constraint());
    }

    @Test
    void aRecordCannotMakeItsOwnConceptAMemberOfAScheme() {
        IRI forged = org.eclipse.rdf4j.model.util.Values.iri(REPORT + "#country");
        Model report = without(TestRecords.nationalReport(), CHM.country);
        report.add(REPORT, CHM.country, forged);
        report.add(
                forged, org.eclipse.rdf4j.model.vocabulary.SKOS.IN_SCHEME, ChmThesaurus.scheme(ChmThesaurus.COUNTRIES));

        Violation violation = single(validator.validate(report));

        assertEquals("country", violation.field());
        assertEquals(forged, violation.value());
    }

    @Test
    void reportsAConceptOfAnotherScheme() {
        Model focalPoint = without(TestRecords.focalPoint(), CHM.country);
        focalPoint.add(FOCAL_POINT, CHM.country, CBD);

        Violation violation = single(validator.validate(focalPoint));

        assertEquals("country", violation.field());
        assertEquals(CBD, violation.value());
    }

    @Test
    void reportsASubjectOutsideTheGoalAndTargetSchemes() {
        Model decision = TestRecords.decision();
        decision.add(DECISION_15_4, DCTERMS.SUBJECT, FRANCE);

        Violation violation = single(validator.validate(decision));

        assertEquals("concepts", violation.field());
        assertEquals(FRANCE, violation.value());
    }

    @Test
    void reportsAContactKindNotInTheList() {
        Model focalPoint = without(TestRecords.focalPoint(), CHM.contactKind);
        focalPoint.add(FOCAL_POINT, CHM.contactKind, Values.literal("robot"));

        Violation violation = single(validator.validate(focalPoint));

        assertEquals(FOCAL_POINT, violation.focusNode());
        assertEquals("contactKind", violation.field());
        assertEquals(Values.literal("robot"), violation.value());
        assertEquals(
                "contactKind: a focal point needs exactly one contact kind, \"person\" or \"organization\"",
                violation.message());
        assertEquals(SHACL.IN_CONSTRAINT_COMPONENT, violation.constraint());
    }

    @Test
    void reportsAnEmailThatIsNotAMailtoIri() {
        Model focalPoint = without(TestRecords.focalPoint(), VCARD4.HAS_EMAIL);
        focalPoint.add(FOCAL_POINT, VCARD4.HAS_EMAIL, Values.iri("http://example.org/contact"));

        Violation violation = single(validator.validate(focalPoint));

        assertEquals("emails", violation.field());
        assertEquals(SHACL.PATTERN_CONSTRAINT_COMPONENT, violation.constraint());
    }

    @Test
    void reportsADecisionWithNeitherTitleNorSummary() {
        Model decision = without(without(TestRecords.decision(), DCTERMS.TITLE), DCTERMS.DESCRIPTION);

        Violation violation = single(validator.validate(decision));

        assertEquals(DECISION_15_4, violation.focusNode());
        assertEquals("title", violation.field());
        assertNull(violation.path());
        assertEquals("title: a decision needs at least a title or a summary", violation.message());
        assertEquals(SHACL.OR_CONSTRAINT_COMPONENT, violation.constraint());
    }

    @Test
    void acceptsADecisionWithOnlyATitleOrOnlyASummary() {
        assertTrue(validator
                .validate(without(TestRecords.decision(), DCTERMS.TITLE))
                .conforms());
        assertTrue(validator
                .validate(without(TestRecords.decision(), DCTERMS.DESCRIPTION))
                .conforms());
    }

    @Test
    void reportsADocumentWithNeitherTitleNorSummary() {
        Violation violation = single(validator.validate(without(TestRecords.document(), DCTERMS.DESCRIPTION)));

        assertEquals(DOCUMENT, violation.focusNode());
        assertEquals("title", violation.field());
        assertEquals("title: a document needs at least a title or a summary", violation.message());
    }

    @Test
    void reportsAFileWithoutDownloadUrl() {
        Violation violation = single(validator.validate(without(TestRecords.document(), DCAT.DOWNLOAD_URL)));

        assertEquals(DOCUMENT_FILE, violation.focusNode());
        assertEquals("url", violation.field());
    }

    @Test
    void reportsEachFocusNodeOfABatch() {
        Model batch = TestRecords.allRecords();
        batch.remove(REPORT, CHM.country, null);
        batch.remove(FOCAL_POINT, CHM.contactKind, null);
        batch.add(FOCAL_POINT, CHM.contactKind, Values.literal("robot"));
        batch.remove(DECISION_15_4, DCTERMS.TITLE, null);
        batch.remove(DECISION_15_4, DCTERMS.DESCRIPTION, null);
        batch.add(TREATY, DCTERMS.TITLE, Values.literal("Biodiversity Convention", "en"));

        ValidationReport report = validator.validate(batch);

        assertFalse(report.conforms());
        assertEquals(Set.of(REPORT, FOCAL_POINT, DECISION_15_4, TREATY), report.focusNodes());
        assertEquals(List.of("country"), fields(report, REPORT));
        assertEquals(List.of("contactKind"), fields(report, FOCAL_POINT));
        assertEquals(List.of("title"), fields(report, DECISION_15_4));
        assertEquals(List.of("title"), fields(report, TREATY));
        assertEquals(4, report.toString().lines().count());
        assertTrue(report.toString().lines().allMatch(line -> line.startsWith("<" + TestRecords.BASE)));
    }

    @Test
    void leavesNoDataBehindBetweenCalls() {
        // A record typed in one call is not a target in the next: its type did not stay in the store.
        assertTrue(validator.validate(TestRecords.focalPoint()).conforms());
        Model untypedRobot = new LinkedHashModel();
        untypedRobot.add(FOCAL_POINT, CHM.contactKind, Values.literal("robot"));
        assertTrue(validator.validate(untypedRobot).conforms());

        // A concept that the data declares is never a member of a scheme: membership comes from the
        // reference data only.
        IRI atlantis = ChmThesaurus.country("xa");
        Model report = without(TestRecords.nationalReport(), CHM.country);
        report.add(REPORT, CHM.country, atlantis);
        Model withConcept = new LinkedHashModel(report);
        withConcept.add(atlantis, SKOS.IN_SCHEME, ChmThesaurus.scheme(ChmThesaurus.COUNTRIES));
        assertEquals(atlantis, single(validator.validate(withConcept)).value());
        assertEquals(atlantis, single(validator.validate(report)).value());

        // An invalid call does not affect the next one, and the same data gives the same report.
        Model broken = without(TestRecords.meeting(), Std.SCHEMA_START_DATE);
        ValidationReport first = validator.validate(broken);
        assertTrue(validator.validate(TestRecords.meeting()).conforms());
        assertEquals(first, validator.validate(broken));

        // The reference data is still there, unchanged, and never reported itself.
        assertTrue(validator.validate(TestRecords.nationalReport()).conforms());
        assertTrue(validator.validate(TestRecords.thesaurus()).conforms());
    }

    @Test
    void ignoresTheGraphsOfTheData() {
        Model inGraph = new LinkedHashModel();
        IRI graph = Values.iri("http://example.org/graphs/peer");
        TestRecords.focalPoint().forEach(st -> inGraph.add(st.getSubject(), st.getPredicate(), st.getObject(), graph));
        inGraph.remove(FOCAL_POINT, VCARD4.FN, null);

        assertEquals("name", single(validator.validate(inGraph)).field());
    }

    @Test
    void theDataCannotDeactivateOrChangeShapes() {
        Model data = without(TestRecords.focalPoint(), CHM.contactKind);
        data.add(FOCAL_POINT, CHM.contactKind, Values.literal("robot"));
        IRI contactKindShape = Values.iri(CHM.NAMESPACE, "FocalPointShape-contactKind");
        data.add(contactKindShape, SHACL.DEACTIVATED, Values.literal(true));
        data.add(
                contactKindShape,
                SHACL.DEACTIVATED,
                Values.literal(true),
                org.eclipse.rdf4j.model.vocabulary.RDF4J.SHACL_SHAPE_GRAPH);

        assertEquals("contactKind", single(validator.validate(data)).field());
    }

    @Test
    void doesNotChangeTheValidatedModel() {
        Model data = without(TestRecords.nationalReport(), CHM.country);
        Model copy = new LinkedHashModel(data);

        validator.validate(data);

        assertEquals(copy, data);
    }

    static Model without(Model model, IRI predicate) {
        Model copy = new LinkedHashModel(model);
        copy.remove(null, predicate, null);
        return copy;
    }

    static Violation single(ValidationReport report) {
        assertFalse(report.conforms(), "expected a violation");
        assertEquals(1, report.violations().size(), report::toString);
        return report.violations().get(0);
    }

    private static List<String> fields(ValidationReport report, Resource focusNode) {
        return report.violationsOf(focusNode).stream().map(Violation::field).toList();
    }

    static Value typeOf(Model model, Resource subject) {
        return model.filter(subject, RDF.TYPE, null).objects().iterator().next();
    }
}
