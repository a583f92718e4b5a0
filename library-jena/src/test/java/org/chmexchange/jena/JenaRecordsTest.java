package org.chmexchange.jena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.chmexchange.model.Record;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Vocabularies;
import org.junit.jupiter.api.Test;

/** Records, validation and the thesaurus in Jena's terms give what the RDF4J library gives. */
class JenaRecordsTest {

    static final String BASE = "https://chm.example.org/";

    @Test
    void everySampleRecordGoesToJenaAndComesBackTheSame() {
        List<Record> records = RecordMapper.allFromRdf(Vocabularies.sampleData(BASE));
        assertTrue(records.size() > 10, "the sample data has records: " + records.size());
        for (Record r : records) {
            Model jena = JenaRecords.toJena(r);
            assertEquals(r, JenaRecords.fromJena(jena, r.iri().stringValue()));
        }
        assertEquals(records, JenaRecords.allFromJena(JenaRecords.toJena(records)));
    }

    @Test
    void aJenaModelIsValidatedWithTheSameShapesAndTheSameReport() {
        Model jena = JenaModels.toJena(Vocabularies.sampleData(BASE));
        Resource decision = jena.listSubjectsWithProperty(
                        org.apache.jena.vocabulary.RDF.type,
                        jena.createResource("https://w3id.org/chm-exchange/ns#Decision"))
                .next();
        try (JenaValidator jenaValidator = new JenaValidator();
                RecordValidator validator = new RecordValidator()) {
            assertTrue(jenaValidator.validate(jena).conforms(), "the sample data conforms");
            // Break a record: a decision without its treaty, and a title in a made-up datatype.
            decision.removeAll(jena.createProperty("https://w3id.org/chm-exchange/ns#treaty"));
            ValidationReport fromJena = jenaValidator.validate(jena);
            ValidationReport fromRdf4j = validator.validate(JenaModels.toRdf4j(jena));
            assertFalse(fromJena.conforms());
            assertEquals(fromRdf4j, fromJena, "the same report");
            assertTrue(
                    fromJena.focusNodes().stream().anyMatch(f -> f.stringValue().equals(decision.getURI())));
        }
    }

    @Test
    void theThesaurusLoadsFromAJenaModel() {
        Thesaurus fromJena = JenaThesaurus.load(JenaThesaurus.chmThesaurus());
        Thesaurus fromRdf4j = Thesaurus.load(Vocabularies.thesaurus());
        Concept target = fromJena.concept(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03"))
                .orElseThrow();
        assertEquals(fromRdf4j.concept(target.iri()).orElseThrow(), target, "the same concept, labels and relations");
        assertEquals(fromRdf4j.schemes().size(), fromJena.schemes().size());
    }
}
