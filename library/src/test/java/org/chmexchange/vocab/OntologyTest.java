package org.chmexchange.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.ORG;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.PROV;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ontology and the constants of {@link CHM} agree, and the ontology says what docs/MODEL.md says. */
class OntologyTest {

    private static final IRI VANN_PREFIX = Values.iri("http://purl.org/vocab/vann/preferredNamespacePrefix");
    private static final IRI VANN_URI = Values.iri("http://purl.org/vocab/vann/preferredNamespaceUri");
    private static final Set<IRI> TERM_TYPES =
            Set.of(OWL.CLASS, OWL.OBJECTPROPERTY, OWL.DATATYPEPROPERTY, RDFS.DATATYPE);

    private static Model ontology;

    @BeforeAll
    static void load() {
        ontology = Vocabularies.ontology();
    }

    /** Every public IRI constant of CHM, by field name. */
    static Map<String, IRI> constants() throws IllegalAccessException {
        Map<String, IRI> constants = new java.util.TreeMap<>();
        for (Field field : CHM.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers())
                    && Modifier.isStatic(field.getModifiers())
                    && field.getType() == IRI.class) {
                constants.put(field.getName(), (IRI) field.get(null));
            }
        }
        return constants;
    }

    @Test
    void everyConstantIsDeclaredWithAnEnglishLabelAndComment() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, IRI> constant : constants().entrySet()) {
            IRI iri = constant.getValue();
            if (iri.equals(CHM.ONTOLOGY)) {
                continue;
            }
            assertEquals(CHM.NAMESPACE, iri.getNamespace(), constant.getKey());
            assertEquals(constant.getKey(), iri.getLocalName(), "constant name = local name");
            boolean declared =
                    ontology.filter(iri, RDF.TYPE, null).objects().stream().anyMatch(TERM_TYPES::contains);
            if (!declared || !hasEnglish(iri, RDFS.LABEL) || !hasEnglish(iri, RDFS.COMMENT)) {
                missing.add(constant.getKey());
            }
        }
        assertEquals(List.of(), missing, "constants not declared (with label@en and comment@en) in ontology.ttl");
    }

    @Test
    void everyDeclaredTermOfTheNamespaceHasAConstant() throws IllegalAccessException {
        Set<IRI> constants = Set.copyOf(constants().values());
        Set<String> withoutConstant = new TreeSet<>();
        for (IRI type : TERM_TYPES) {
            for (Resource term : ontology.filter(null, RDF.TYPE, type).subjects()) {
                if (term.isIRI() && ((IRI) term).getNamespace().equals(CHM.NAMESPACE) && !constants.contains(term)) {
                    withoutConstant.add(term.stringValue());
                }
            }
        }
        Set<String> anyChmSubject = ontology.subjects().stream()
                .filter(Value::isIRI)
                .map(IRI.class::cast)
                .filter(iri -> iri.getNamespace().equals(CHM.NAMESPACE) && !constants.contains(iri))
                .map(IRI::stringValue)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), withoutConstant);
        assertEquals(Set.of(), anyChmSubject);
    }

    @Test
    void hasTheOntologyHeader() {
        assertTrue(ontology.contains(CHM.ONTOLOGY, RDF.TYPE, OWL.ONTOLOGY));
        assertTrue(hasEnglish(CHM.ONTOLOGY, DCTERMS.TITLE));
        assertTrue(hasEnglish(CHM.ONTOLOGY, DCTERMS.DESCRIPTION));
        assertTrue(ontology.contains(
                CHM.ONTOLOGY, DCTERMS.LICENSE, Values.iri("https://www.apache.org/licenses/LICENSE-2.0")));
        assertTrue(Models.objectLiteral(ontology.filter(CHM.ONTOLOGY, OWL.VERSIONINFO, null))
                .isPresent());
        assertEquals(
                CHM.PREFIX,
                Models.objectString(ontology.filter(CHM.ONTOLOGY, VANN_PREFIX, null))
                        .orElseThrow());
        assertEquals(
                CHM.NAMESPACE,
                Models.objectString(ontology.filter(CHM.ONTOLOGY, VANN_URI, null))
                        .orElseThrow());
    }

    @Test
    void classesAreAlignedAsTheModelSays() {
        Map<IRI, Set<IRI>> expected = Map.ofEntries(
                Map.entry(CHM.Record, Set.of(PROV.ENTITY, DCAT.RESOURCE)),
                Map.entry(CHM.Treaty, Set.of(CHM.Record, Std.SCHEMA_LEGISLATION)),
                Map.entry(CHM.Meeting, Set.of(CHM.Record, Std.SCHEMA_EVENT)),
                Map.entry(CHM.Decision, Set.of(CHM.Record, FOAF.DOCUMENT)),
                Map.entry(CHM.NationalReport, Set.of(CHM.Record, FOAF.DOCUMENT, Std.SCHEMA_REPORT)),
                Map.entry(CHM.NationalTarget, Set.of(CHM.Record)),
                Map.entry(CHM.Site, Set.of(CHM.Record, Std.SCHEMA_PLACE)),
                Map.entry(CHM.FocalPoint, Set.of(CHM.Record, VCARD4.KIND)),
                Map.entry(CHM.Document, Set.of(CHM.Record, FOAF.DOCUMENT)),
                Map.entry(CHM.Organization, Set.of(CHM.Record, ORG.ORGANIZATION)),
                Map.entry(CHM.File, Set.of(DCAT.DISTRIBUTION)),
                Map.entry(CHM.Country, Set.of(SKOS.CONCEPT)),
                Map.entry(CHM.Party, Set.of(ORG.FORMAL_ORGANIZATION)));
        expected.forEach((type, supers) -> {
            assertTrue(ontology.contains(type, RDF.TYPE, OWL.CLASS), type.getLocalName());
            assertEquals(
                    supers, iris(ontology.filter(type, RDFS.SUBCLASSOF, null).objects()), type.getLocalName());
        });
        assertEquals(
                Set.of(CHM.iso3166Alpha2, CHM.iso3166Alpha3, CHM.cbdTermIdentifier),
                ontology.filter(null, RDF.TYPE, RDFS.DATATYPE).subjects());
    }

    @Test
    void propertiesAreAlignedAndTypedAsTheModelSays() {
        assertTrue(ontology.contains(CHM.file, RDFS.SUBPROPERTYOF, DCAT.HAS_DISTRIBUTION));
        assertTrue(ontology.contains(CHM.cites, RDFS.SUBPROPERTYOF, DCTERMS.REFERENCES));
        assertTrue(ontology.contains(CHM.file, RDFS.RANGE, CHM.File));
        assertTrue(ontology.contains(CHM.meeting, RDFS.RANGE, CHM.Meeting));
        for (IRI objectProperty : List.of(
                CHM.treaty,
                CHM.parentTreaty,
                CHM.meeting,
                CHM.country,
                CHM.status,
                CHM.file,
                CHM.cites,
                CHM.decisionType,
                CHM.documentType,
                CHM.reportType,
                CHM.focalPointCategory,
                CHM.partyTo)) {
            assertTrue(ontology.contains(objectProperty, RDF.TYPE, OWL.OBJECTPROPERTY), objectProperty.getLocalName());
        }
        for (IRI datatypeProperty : List.of(
                CHM.acronym,
                CHM.adoptionDate,
                CHM.session,
                CHM.contactKind,
                CHM.fileName,
                CHM.cbdIdentifier,
                CHM.cbdDocumentId,
                CHM.cbdRevision,
                CHM.cbdUniqueIdentifier,
                CHM.cbdSchema,
                CHM.cbdTerm,
                CHM.sourceDocument,
                CHM.informeaId,
                CHM.modifiedAtSource)) {
            assertTrue(
                    ontology.contains(datatypeProperty, RDF.TYPE, OWL.DATATYPEPROPERTY),
                    datatypeProperty.getLocalName());
            assertFalse(ontology.filter(datatypeProperty, RDFS.RANGE, null).isEmpty(), datatypeProperty.getLocalName());
        }
    }

    private static boolean hasEnglish(Resource subject, IRI predicate) {
        return ontology.filter(subject, predicate, null).objects().stream()
                .anyMatch(v -> v instanceof Literal l
                        && l.getLanguage().map("en"::equals).orElse(false));
    }

    private static Set<IRI> iris(Set<Value> values) {
        return values.stream().filter(Value::isIRI).map(IRI.class::cast).collect(Collectors.toSet());
    }
}
