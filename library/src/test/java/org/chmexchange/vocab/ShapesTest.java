package org.chmexchange.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SHACL;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.eclipse.rdf4j.sail.shacl.ShaclSail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shapes use only declared or standard terms, follow the naming conventions and cover docs/MODEL.md. */
class ShapesTest {

    /** The standard vocabularies docs/MODEL.md reuses, whose terms need no declaration of ours. */
    private static final Set<String> STANDARD_NAMESPACES = Set.of(
            DCTERMS.NAMESPACE,
            SKOS.NAMESPACE,
            VCARD4.NAMESPACE,
            DCAT.NAMESPACE,
            Std.SCHEMA,
            FOAF.NAMESPACE,
            OWL.NAMESPACE);

    private static Model shapes;
    private static Model ontology;

    @BeforeAll
    static void load() {
        shapes = Vocabularies.shapes();
        ontology = Vocabularies.ontology();
    }

    @Test
    void everyPathIsDeclaredInTheOntologyOrAStandardTerm() {
        Set<String> unknown = new TreeSet<>();
        for (Value path : shapes.filter(null, SHACL.PATH, null).objects()) {
            assertTrue(path.isIRI(), "only simple paths: " + path);
            IRI iri = (IRI) path;
            boolean declared = ontology.contains(iri, RDF.TYPE, OWL.OBJECTPROPERTY)
                    || ontology.contains(iri, RDF.TYPE, OWL.DATATYPEPROPERTY);
            if (!declared && !STANDARD_NAMESPACES.contains(iri.getNamespace())) {
                unknown.add(iri.stringValue());
            }
        }
        assertEquals(Set.of(), unknown);
    }

    @Test
    void everyClassAShapeNamesIsDeclaredInTheOntology() {
        for (Value type : shapes.filter(null, SHACL.TARGET_CLASS, null).objects()) {
            assertTrue(ontology.contains((IRI) type, RDF.TYPE, OWL.CLASS), type.stringValue());
        }
        for (Value type : shapes.filter(null, SHACL.CLASS, null).objects()) {
            assertTrue(ontology.contains((IRI) type, RDF.TYPE, OWL.CLASS), type.stringValue());
        }
    }

    @Test
    void everyPropertyShapeHasANameAndAMessageThatStartsWithIt() {
        List<String> problems = new ArrayList<>();
        for (Resource shape : shapes.filter(null, SHACL.PATH, null).subjects()) {
            Optional<String> name = Models.objectString(shapes.filter(shape, SHACL.NAME, null));
            Optional<Literal> message = Models.objectLiteral(shapes.filter(shape, SHACL.MESSAGE, null));
            if (name.isEmpty() || message.isEmpty()) {
                problems.add(shape + ": no sh:name or sh:message");
            } else if (!message.get().getLanguage().equals(Optional.of("en"))
                    || !message.get().getLabel().startsWith(name.get() + ": ")) {
                problems.add(shape + ": sh:message must be English and start with '" + name.get() + ": '");
            }
        }
        for (Resource shape : shapes.filter(null, SHACL.OR, null).subjects()) {
            if (!shapes.contains(shape, SHACL.TARGET_CLASS, null)) {
                continue;
            }
            Optional<String> message = Models.objectString(shapes.filter(shape, SHACL.MESSAGE, null));
            if (message.isEmpty() || !message.get().matches("^[a-z][A-Za-z]*: .*")) {
                problems.add(shape + ": a targeted node shape with sh:or needs an sh:message 'field: ...'");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void propertyShapesOfTheRecordTypesAreNamedAfterTheirNodeShapeAndField() {
        for (Statement st : shapes.filter(null, SHACL.PROPERTY, null)) {
            if (st.getSubject().isIRI() && st.getObject().isIRI()) {
                String name = Models.objectString(shapes.filter((Resource) st.getObject(), SHACL.NAME, null))
                        .orElseThrow();
                assertEquals(
                        ((IRI) st.getSubject()).getLocalName() + "-" + name, ((IRI) st.getObject()).getLocalName());
            }
        }
    }

    @Test
    void usesOnlyWhatTheRdf4jShaclSailSupports() {
        Set<IRI> supported = new HashSet<>(ShaclSail.getSupportedShaclPredicates());
        supported.removeAll(Set.of(SHACL.SPARQL, SHACL.SELECT, SHACL.DECLARE, SHACL.PREFIXES));
        Set<String> unsupported = shapes.predicates().stream()
                .filter(p -> p.getNamespace().equals(SHACL.NAMESPACE) && !supported.contains(p))
                .map(IRI::getLocalName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unsupported, "SHACL predicates RDF4J's ShaclSail does not support (or SPARQL)");
    }

    @Test
    void everyRecordTypeAndFileIsTargeted() {
        Set<Value> targeted = shapes.filter(null, SHACL.TARGET_CLASS, null).objects();
        for (IRI type : List.of(
                CHM.Treaty,
                CHM.Meeting,
                CHM.Decision,
                CHM.NationalReport,
                CHM.FocalPoint,
                CHM.Document,
                CHM.Organization,
                CHM.File)) {
            assertTrue(targeted.contains(type), type.getLocalName());
        }
    }

    @Test
    void everySchemeTheShapesCheckIsAThesaurusScheme() {
        Set<String> schemes = Set.of(
                ChmThesaurus.GBF_GOALS,
                ChmThesaurus.GBF_TARGETS,
                ChmThesaurus.AICHI_GOALS,
                ChmThesaurus.AICHI_TARGETS,
                ChmThesaurus.COUNTRIES,
                ChmThesaurus.TREATIES,
                ChmThesaurus.FOCAL_POINT_CATEGORIES,
                ChmThesaurus.REPORT_TYPES,
                ChmThesaurus.DECISION_TYPES,
                ChmThesaurus.DOCUMENT_TYPES,
                ChmThesaurus.STATUSES);
        Set<Value> checked = shapes.filter(null, SHACL.HAS_VALUE, null).objects();
        assertEquals(schemes.stream().map(ChmThesaurus::scheme).collect(Collectors.toSet()), checked);
    }

    /** The JSON-LD terms of docs/MODEL.md, per record type, that the shapes must name. */
    @Test
    void everyFieldOfTheModelHasAShape() {
        Set<String> record = Set.of(
                "identifier",
                "title",
                "summary",
                "modified",
                "modifiedAtSource",
                "concepts",
                "status",
                "files",
                "cites",
                "cbdIdentifier",
                "cbdDocumentId",
                "cbdRevision",
                "cbdUniqueIdentifier",
                "cbdSchema",
                "cbdTerms",
                "sameAs",
                "sourceDocument",
                "informeaId");
        Map<String, Set<String>> fields = new java.util.HashMap<>(Map.of(
                "RecordShape", record,
                "TreatyShape",
                        Set.of(
                                "treaty",
                                "title",
                                "acronym",
                                "parentTreaty",
                                "adopted",
                                "openedForSignature",
                                "entryIntoForce",
                                "placeOfAdoption",
                                "secretariatSeat",
                                "untcReference"),
                "MeetingShape",
                        Set.of("treaty", "title", "body", "session", "part", "startDate", "endDate", "city", "country"),
                "DecisionShape", Set.of("treaty", "decisionType", "meeting", "adopted"),
                "DocumentShape", Set.of("treaty", "documentType", "meeting", "published"),
                "NationalReportShape",
                        Set.of(
                                "treaty",
                                "country",
                                "reportType",
                                "title",
                                "submitted",
                                "published",
                                "startDate",
                                "endDate"),
                "FocalPointShape",
                        Set.of(
                                "treaty",
                                "country",
                                "categories",
                                "contactKind",
                                "name",
                                "prefix",
                                "firstName",
                                "lastName",
                                "designation",
                                "organization",
                                "emails",
                                "phones"),
                "NationalTargetShape",
                        Set.of("treaty", "country", "title", "globalGoalAlignment", "globalTargetAlignment"),
                "OrganizationShape", Set.of("title", "acronym", "country", "homepage", "emails", "treaty"),
                "FileShape", Set.of("url", "mediaType", "language", "fileName")));
        fields.put("SiteShape", Set.of("treaty", "country", "title", "latitude", "longitude"));
        fields.forEach((shapeName, expected) -> {
            IRI shape = org.eclipse.rdf4j.model.util.Values.iri(CHM.NAMESPACE, shapeName);
            Set<String> names = shapes.filter(shape, SHACL.PROPERTY, null).objects().stream()
                    .map(p -> Models.objectString(shapes.filter((Resource) p, SHACL.NAME, null))
                            .orElseThrow())
                    .collect(Collectors.toSet());
            assertEquals(expected, names, shapeName);
        });
    }
}
