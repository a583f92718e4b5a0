package org.chmexchange.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chmexchange.model.Record;
import org.chmexchange.model.RecordType;
import org.chmexchange.model.Samples;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample data of the vocabularies module maps to records and back without loss (skipped until it exists). */
class SampleDataTest {

    private static final String SAMPLE = Vocabularies.ROOT + "sample/mea-facts.ttl";

    private Model sample;

    @BeforeEach
    void load() {
        org.junit.jupiter.api.Assertions.assertNotNull(
                Vocabularies.class.getResource(SAMPLE), SAMPLE + " must be on the classpath");
        sample = Vocabularies.sampleData(Samples.BASE);
    }

    @Test
    void everySampleRecordMapsAndRoundTrips() {
        List<IRI> subjects = RecordMapper.recordSubjects(sample);
        assertFalse(subjects.isEmpty(), "the sample data has records");
        Set<IRI> modelProperties = modelProperties();
        for (IRI iri : subjects) {
            Record record = RecordMapper.fromRdf(sample, iri);
            Model mapped = RecordMapper.toRdf(record);
            assertEquals(record, RecordMapper.fromRdf(mapped, iri), iri.stringValue());
            Model expected = new LinkedHashModel();
            for (Statement st : Fixtures.recordTriples(sample, iri)) {
                boolean typeOfOurs = !st.getPredicate().equals(RDF.TYPE) || isOurClass(st.getObject());
                if (modelProperties.contains(st.getPredicate()) && typeOfOurs) {
                    expected.add(st.getSubject(), st.getPredicate(), lowerCaseTag(st.getObject()));
                }
            }
            assertTrue(Models.isomorphic(expected, mapped), "lossless mapping of " + iri);
        }
    }

    @Test
    void sampleRoundTripsThroughJsonLd() {
        Model back = Fixtures.read(Fixtures.write(sample, RecordFormat.JSONLD), RecordFormat.JSONLD);
        assertTrue(Models.isomorphic(sample, back));
    }

    /** Every predicate the mapper writes for fully populated records: the properties of MODEL.md. */
    private static Set<IRI> modelProperties() {
        Set<IRI> properties = new HashSet<>();
        RecordMapper.toRdf(Samples.all()).forEach(st -> properties.add(st.getPredicate()));
        return properties;
    }

    private static boolean isOurClass(Value type) {
        return type.equals(CHM.File)
                || (type.isIRI() && RecordType.fromClass((IRI) type).isPresent());
    }

    private static Value lowerCaseTag(Value value) {
        if (value.isLiteral() && ((Literal) value).getLanguage().isPresent()) {
            Literal literal = (Literal) value;
            return Values.literal(
                    literal.getLabel(), literal.getLanguage().get().toLowerCase(Locale.ROOT));
        }
        return value;
    }
}
