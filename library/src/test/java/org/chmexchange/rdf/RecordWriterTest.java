package org.chmexchange.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chmexchange.model.Record;
import org.chmexchange.model.Samples;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordWriterTest {

    @ParameterizedTest
    @EnumSource(RecordFormat.class)
    void everyFormatWritesAndReadsBackAllRecords(RecordFormat format) {
        Model model = RecordMapper.toRdf(Samples.all());
        String text = Fixtures.write(model, format);
        Model back = Fixtures.read(text, format);
        assertTrue(Models.isomorphic(model, back), format + "\n" + text);
    }

    @ParameterizedTest
    @EnumSource(RecordFormat.class)
    void everyFormatWritesAndReadsBackOneRecord(RecordFormat format) {
        Model model = RecordMapper.toRdf(Samples.focalPoint());
        assertTrue(Models.isomorphic(model, Fixtures.read(Fixtures.write(model, format), format)), format.name());
    }

    @ParameterizedTest
    @EnumSource(RecordFormat.class)
    void outputIsDeterministic(RecordFormat format) {
        List<Record> reversed = new ArrayList<>(Samples.all());
        Collections.reverse(reversed);
        assertEquals(
                Fixtures.write(RecordMapper.toRdf(Samples.all()), format),
                Fixtures.write(RecordMapper.toRdf(reversed), format));
    }

    @Test
    void turtleDeclaresOurPrefixes() {
        String turtle = Fixtures.write(RecordMapper.toRdf(Samples.decision()), RecordFormat.TURTLE);
        for (String prefix : new String[] {"chm", "chmt", "dcterms", "skos", "vcard", "dcat", "schema", "xsd"}) {
            assertTrue(turtle.contains("@prefix " + prefix + ": <"), prefix + " in\n" + turtle);
        }
        assertTrue(turtle.contains(" a chm:Decision;"), turtle);
    }

    @Test
    void rdfXmlDeclaresOurPrefixes() {
        String xml = Fixtures.write(RecordMapper.toRdf(Samples.meeting()), RecordFormat.RDFXML);
        assertTrue(xml.contains("xmlns:chm=\"https://w3id.org/chm-exchange/ns#\""), xml);
        assertTrue(xml.contains("xmlns:schema=\"https://schema.org/\""), xml);
    }

    @ParameterizedTest
    @EnumSource(
            value = RecordFormat.class,
            names = {"NQUADS", "TRIG"})
    void quadFormatsKeepNamedGraphs(RecordFormat format) {
        Model model = new LinkedHashModel();
        RecordMapper.toRdf(Samples.decision())
                .forEach(
                        st -> model.add(st.getSubject(), st.getPredicate(), st.getObject(), Values.iri("urn:graph:a")));
        Model back = Fixtures.read(Fixtures.write(model, format), format);
        assertTrue(Models.isomorphic(model, back));
        assertEquals(1, back.contexts().size());
    }

    @Test
    void ioFailureIsUnchecked() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        Model model = RecordMapper.toRdf(Samples.decision());
        assertThrows(UncheckedIOException.class, () -> RecordWriter.write(model, RecordFormat.TURTLE, broken));
        assertThrows(UncheckedIOException.class, () -> RecordWriter.write(model, RecordFormat.JSONLD, broken));
    }

    @Test
    void modelsOfOtherThingsRoundTripThroughEveryFormat() {
        Model model = RecordMapper.toRdf(Samples.decision());
        model.add(
                Values.iri("https://w3id.org/chm-exchange/thesaurus/treaties/cbd"),
                RDFS.LABEL,
                Values.literal("CBD", "en"));
        model.add(Values.bnode(), RDFS.LABEL, Values.literal("anonymous"));
        for (RecordFormat format : RecordFormat.values()) {
            assertTrue(Models.isomorphic(model, Fixtures.read(Fixtures.write(model, format), format)), format.name());
        }
    }
}
