package org.chmexchange.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.chmexchange.model.Decision;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.Meeting;
import org.chmexchange.model.Record;
import org.chmexchange.model.RecordType;
import org.chmexchange.model.Samples;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordMapperTest {

    static Stream<Record> samples() {
        return Samples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void recordToRdfToRecordIsEqual(Record record) {
        Model model = RecordMapper.toRdf(record);
        assertEquals(record, RecordMapper.fromRdf(model, record.iri()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void rdfToRecordToRdfIsIsomorphic(Record record) {
        Model model = RecordMapper.toRdf(record);
        Model again = RecordMapper.toRdf(RecordMapper.fromRdf(model, record.iri()));
        assertTrue(Models.isomorphic(model, again));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyTypeKeepsAllSixLanguagesAndItsFiles(Record record) {
        Model model = RecordMapper.toRdf(record);
        long titles = model.filter(record.iri(), DCTERMS.TITLE, null).objects().stream()
                .map(v -> ((Literal) v).getLanguage().orElseThrow())
                .distinct()
                .count();
        assertEquals(6, titles);
        assertEquals(2, model.filter(record.iri(), CHM.file, null).size());
        assertTrue(model.subjects().stream().allMatch(s -> s.isIRI()), "no blank nodes");
        assertEquals(
                record.type(),
                RecordType.fromClass(Models.objectIRI(
                                        model.filter(record.iri(), org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, null))
                                .orElseThrow())
                        .orElseThrow());
    }

    @Test
    void handWrittenRdfRoundTripsThroughRecords() {
        Model source = Fixtures.resource("decision-and-meeting.ttl");
        List<Record> records = RecordMapper.allFromRdf(source);
        assertEquals(2, records.size());
        Decision decision = assertInstanceOf(Decision.class, records.get(0));
        Meeting meeting = assertInstanceOf(Meeting.class, records.get(1));
        assertEquals("15/4", decision.identifier());
        assertEquals("昆明-蒙特利尔全球生物多样性框架", decision.title().get("zh").orElseThrow());
        assertEquals(Instant.parse("2025-06-01T12:00:00Z"), decision.modified());
        assertEquals(
                List.of(
                        new FileRef(
                                FileRef.iriFor(Fixtures.DECISION, 1),
                                Values.iri("https://files.example.org/cop-15-dec-04-en.pdf"),
                                "application/pdf",
                                "en",
                                "cop-15-dec-04-en.pdf"),
                        FileRef.of(Fixtures.DECISION, 2, Values.iri("https://files.example.org/cop-15-dec-04-zh.pdf"))),
                decision.files());
        assertEquals(15, meeting.session());
        assertEquals(2, meeting.part());
        assertTrue(Models.isomorphic(source, RecordMapper.toRdf(records)));
    }

    @Test
    void ignoresTriplesOutsideTheModel() {
        Model source = Fixtures.resource("decision-and-meeting.ttl");
        Model extended = Fixtures.turtle(
                """
                <decision/cbd-decision-15-4> rdfs:label "ignored" ; <http://www.w3.org/ns/prov#wasDerivedFrom> <https://x.example.org/> .
                """);
        extended.addAll(source);
        Record record = RecordMapper.fromRdf(extended, Fixtures.DECISION);
        assertTrue(Models.isomorphic(Fixtures.recordTriples(source, Fixtures.DECISION), RecordMapper.toRdf(record)));
    }

    @Test
    void typedValuesKeepTheirDatatypes() {
        Model model = RecordMapper.toRdf(Samples.meeting());
        Literal session = Models.objectLiteral(model.filter(Samples.meeting().iri(), CHM.session, null))
                .orElseThrow();
        assertEquals(XSD.INTEGER, session.getDatatype());
        Literal modified = Models.objectLiteral(model.filter(Samples.meeting().iri(), DCTERMS.MODIFIED, null))
                .orElseThrow();
        assertEquals(XSD.DATETIME, modified.getDatatype());
        assertEquals("2025-11-30T08:15:30.123Z", modified.getLabel());
    }

    @Test
    void missingIdentifierIsAClearError() {
        Model model = Fixtures.turtle(
                """
                <decision/x> a chm:Decision ; dcterms:title "T"@en ; chm:treaty chmt:treaties\\/cbd ;
                    chm:decisionType chmt:decision-types\\/decision .
                """);
        RecordMappingException e = assertThrows(
                RecordMappingException.class,
                () -> RecordMapper.fromRdf(model, Values.iri("http://localhost:8080/records/decision/x")));
        assertEquals(
                "Cannot map <http://localhost:8080/records/decision/x>: dcterms:identifier missing", e.getMessage());
        assertEquals(Values.iri("http://localhost:8080/records/decision/x"), e.subject());
    }

    static Stream<String[]> unmappable() {
        String ok = "dcterms:identifier \"x\" ; dcterms:title \"T\"@en ; chm:treaty chmt:treaties\\/cbd ; "
                + "chm:decisionType chmt:decision-types\\/decision";
        return Stream.of(
                new String[] {"<decision/x> dcterms:identifier \"x\" .", "no record class"},
                new String[] {"<decision/x> a chm:Decision, chm:Document ; " + ok + " .", "several record classes"},
                new String[] {
                    "<decision/x> a chm:Decision ; " + ok + " ; dcterms:identifier \"y\" .",
                    "dcterms:identifier has 2 values, at most 1 allowed"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; dcterms:identifier \"x\"@en ; dcterms:title \"T\"@en ; "
                            + "chm:treaty chmt:treaties\\/cbd ; chm:decisionType chmt:decision-types\\/decision .",
                    "dcterms:identifier must be a plain xsd:string"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; " + ok + " ; dcterms:title \"Other\"@EN .",
                    "dcterms:title has several values in language en"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; " + ok + " ; dcterms:description \"untagged\" .",
                    "dcterms:description must have a language tag"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; " + ok + " ; chm:status \"final\" .",
                    "chm:status must be an IRI, not a literal"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; " + ok
                            + " ; chm:file [ dcat:downloadURL <https://f.example.org/> ] .",
                    "chm:file must be an IRI {record}#file-N"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; " + ok + " ; chm:file <decision/y#file-1> .",
                    "is not nested in the record"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; " + ok + " ; chm:file <decision/x#file-1> .",
                    "<http://localhost:8080/records/decision/x#file-1> dcat:downloadURL missing"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; " + ok + " ; chm:adoptionDate \"2022-12-19Z\"^^xsd:date .",
                    "chm:adoptionDate is not an xsd:date without time zone"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; " + ok + " ; chm:adoptionDate \"2022-12-19\" .",
                    "chm:adoptionDate must be typed xsd:date"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; " + ok
                            + " ; dcterms:modified \"2022-12-19T10:00:00\"^^xsd:dateTime .",
                    "dcterms:modified is not an xsd:dateTime with time zone"
                },
                new String[] {
                    "<decision/x> a chm:Decision ; dcterms:identifier \"x\" ; chm:treaty chmt:treaties\\/cbd ; "
                            + "chm:decisionType chmt:decision-types\\/decision .",
                    "needs a title or a summary"
                });
    }

    @ParameterizedTest
    @MethodSource("unmappable")
    void unmappableRdfNamesRecordAndProperty(String turtle, String expected) {
        Model model = Fixtures.turtle(turtle);
        RecordMappingException e = assertThrows(
                RecordMappingException.class,
                () -> RecordMapper.fromRdf(model, Values.iri("http://localhost:8080/records/decision/x")));
        assertTrue(
                e.getMessage().startsWith("Cannot map <http://localhost:8080/records/decision/x>: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void unknownSubjectAndBlankRecordsAreErrors() {
        Model model = Fixtures.resource("decision-and-meeting.ttl");
        assertThrows(
                RecordMappingException.class,
                () -> RecordMapper.fromRdf(model, Values.iri("http://localhost:8080/records/decision/none")));
        Model blank = Fixtures.turtle("[] a chm:Decision ; dcterms:identifier \"x\" .");
        RecordMappingException e = assertThrows(RecordMappingException.class, () -> RecordMapper.allFromRdf(blank));
        assertTrue(e.getMessage().contains("not a blank node"), e.getMessage());
    }

    @Test
    void focalPointContactKindMustBeKnown() {
        Model model = RecordMapper.toRdf(Samples.focalPoint());
        model.remove(Samples.focalPoint().iri(), CHM.contactKind, null);
        model.add(Samples.focalPoint().iri(), CHM.contactKind, Values.literal("robot"));
        RecordMappingException e = assertThrows(
                RecordMappingException.class,
                () -> RecordMapper.fromRdf(model, Samples.focalPoint().iri()));
        assertTrue(e.getMessage().contains("chm:contactKind must be \"person\" or \"organization\""), e.getMessage());
    }

    @Test
    void allFromRdfReadsEveryTypeInIriOrder() {
        Model model = RecordMapper.toRdf(Samples.all());
        List<Record> records = RecordMapper.allFromRdf(model);
        assertEquals(Samples.all().size(), records.size());
        assertTrue(records.containsAll(Samples.all()));
        assertEquals(
                records.stream().map(r -> r.iri().stringValue()).sorted().toList(),
                records.stream().map(r -> r.iri().stringValue()).toList());
    }
}
