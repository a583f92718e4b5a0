package org.chmexchange.jena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.Test;

/**
 * RDF4J to Jena and back, and Jena to RDF4J and back, statement for statement (blank-node labels,
 * lexical forms, datatypes and language tags as they were) on every vocabulary file and the sample
 * data, and on generated statements with the terms that other conversions lose.
 */
class JenaModelsTest {

    static List<org.eclipse.rdf4j.model.Model> sampleAndVocabularies() {
        return List.of(
                Vocabularies.sampleData("https://chm.example.org/"),
                Vocabularies.thesaurus(),
                Vocabularies.shapes(),
                Vocabularies.ontology(),
                generated(2000));
    }

    /** Statements with every kind of term: blank nodes, numbers in non-canonical forms, dates, tags. */
    static org.eclipse.rdf4j.model.Model generated(int n) {
        SplittableRandom r = new SplittableRandom(20261203L);
        org.eclipse.rdf4j.model.Model m = new LinkedHashModel();
        IRI[] types = {XSD.DECIMAL, XSD.INTEGER, XSD.DATETIME, XSD.DATE, XSD.BOOLEAN, XSD.DOUBLE, XSD.ANYURI};
        String[][] lexical = {
            {"1.50", "0.0", "-00012.3400", "+.5"},
            {"007", "-0", "+42", "123456789012345678901234567890"},
            {"2024-01-01T00:00:00.120Z", "2024-06-01T12:00:00+02:00", "1999-12-31T23:59:59"},
            {"2024-02-29", "2024-01-01Z"},
            {"true", "1", "0", "false"},
            {"1.0E0", "NaN", "-INF", "1.50e-3"},
            {"https://example.org/a%20b", "urn:x"}
        };
        String[] langs = {"en", "fr", "zh-Hans", "ar", "es-419", "EN-gb"};
        String[] texts = {"Diversité biologique", "生物多样性", "التنوع البيولوجي", "line\nbreak \"quoted\" \\ tab\t", ""};
        for (int i = 0; i < n; i++) {
            Resource s = r.nextInt(5) == 0
                    ? Values.bnode("b" + r.nextInt(50))
                    : Values.iri("https://chm.example.org/records/decision/g-" + r.nextInt(200)
                            + (r.nextBoolean() ? "" : "#file-" + r.nextInt(3)));
            IRI p = Values.iri("https://w3id.org/chm-exchange/ns#p" + r.nextInt(10));
            Value o;
            switch (r.nextInt(5)) {
                case 0 -> o = Values.bnode("b" + r.nextInt(50));
                case 1 -> o = Values.literal(texts[r.nextInt(texts.length)], langs[r.nextInt(langs.length)]);
                case 2 -> o = Values.literal(texts[r.nextInt(texts.length)]);
                case 3 -> {
                    int t = r.nextInt(types.length);
                    o = Values.literal(lexical[t][r.nextInt(lexical[t].length)], types[t]);
                }
                default -> o =
                        Values.iri("https://w3id.org/chm-exchange/thesaurus/gbf-targets/GBF-TARGET-" + r.nextInt(23));
            }
            m.add(s, p, o);
        }
        return m;
    }

    @Test
    void rdf4jToJenaAndBackKeepsEveryStatement() {
        for (org.eclipse.rdf4j.model.Model original : sampleAndVocabularies()) {
            Model jena = JenaModels.toJena(original);
            assertEquals(original.size(), jena.size());
            org.eclipse.rdf4j.model.Model back = JenaModels.toRdf4j(jena);
            assertSame(statements(original), statements(back));
        }
    }

    @Test
    void jenaToRdf4jAndBackKeepsEveryTriple() {
        for (org.eclipse.rdf4j.model.Model source : sampleAndVocabularies()) {
            Model jena = JenaModels.toJena(source);
            Model back = JenaModels.toJena(JenaModels.toRdf4j(jena));
            Set<Triple> before = new HashSet<>(jena.getGraph().find().toList());
            Set<Triple> after = new HashSet<>(back.getGraph().find().toList());
            assertEquals(before, after, "same triples, same nodes");
            assertTrue(jena.isIsomorphicWith(back));
        }
    }

    @Test
    void aDatasetKeepsTheGraphsBothWays() {
        org.eclipse.rdf4j.model.Model quads = new LinkedHashModel();
        int g = 0;
        for (Statement st : generated(500)) {
            IRI graph = Values.iri("https://chm.example.org/graphs/g" + (g++ % 3));
            quads.add(st.getSubject(), st.getPredicate(), st.getObject(), g % 4 == 0 ? null : graph);
        }
        quads.setNamespace("chm", "https://w3id.org/chm-exchange/ns#");
        DatasetGraph dataset = JenaModels.toDataset(quads);
        org.eclipse.rdf4j.model.Model back = JenaModels.fromDataset(dataset);
        assertSame(statements(quads), statements(back));
        assertEquals(
                "https://w3id.org/chm-exchange/ns#",
                back.getNamespace("chm").orElseThrow().getName());
        DatasetGraph again = JenaModels.toDataset(back);
        assertSame(statements(back), statements(JenaModels.fromDataset(again)));
    }

    /** Fails with the statements that differ, if any. */
    static void assertSame(Set<String> expected, Set<String> actual) {
        Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new java.util.TreeSet<>(actual);
        extra.removeAll(expected);
        assertEquals(
                Set.of(), missing, "lost (extra: " + extra.stream().limit(5).toList() + ")");
        assertEquals(Set.of(), extra, "added");
    }

    /**
     * The statements with their contexts, term by term (blank nodes by label, literals by lexical form,
     * datatype and tag). Language tags compare without case, as RDF 1.1 Concepts §3.3 says they do:
     * Jena 5 writes them in BCP 47's canonical case ({@code EN-gb} becomes {@code en-GB}).
     */
    static Set<String> statements(org.eclipse.rdf4j.model.Model m) {
        Set<String> all = new HashSet<>();
        for (Statement st : m) {
            Value o = st.getObject();
            String object = o instanceof org.eclipse.rdf4j.model.Literal l
                            && l.getLanguage().isPresent()
                    ? "\"" + l.getLabel() + "\"@" + l.getLanguage().get().toLowerCase(java.util.Locale.ROOT)
                    : o.toString();
            all.add(st.getSubject() + " " + st.getPredicate() + " " + object + " " + st.getContext());
        }
        return all;
    }
}
