package org.chmexchange.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.junit.jupiter.api.Test;

class ModifiedAtSourceTest {

    private static final IRI R = Values.iri("http://peer.example.org/records/decision/x");
    private static final Value T1 = Values.literal("2026-11-30T10:00:00Z", XSD.DATETIME);
    private static final Value T2 = Values.literal("2026-12-01T09:30:00.5Z", XSD.DATETIME);

    @Test
    void aRecordWithoutOneGetsItsModifiedTimeAsWritten() {
        Model m = record(T1);
        ModifiedAtSource.carry(m, R);
        assertEquals(Set.of(T1), m.filter(R, CHM.modifiedAtSource, null).objects());
        assertEquals(Set.of(T1), m.filter(R, DCTERMS.MODIFIED, null).objects(), "left for the store to replace");
    }

    @Test
    void aRecordThatStatesOneKeepsItsOrigin() {
        Model m = record(T2);
        m.add(R, CHM.modifiedAtSource, T1);
        ModifiedAtSource.carry(m, R);
        assertEquals(Set.of(T1), m.filter(R, CHM.modifiedAtSource, null).objects());
    }

    @Test
    void noneSeveralOrAnotherDatatypeAddNothing() {
        Model none = record();
        Model several = record(T1, T2);
        Model date = record(Values.literal("2026-11-30", XSD.DATE));
        Model plain = record(Values.literal("yesterday"));
        for (Model m : new Model[] {none, several, date, plain}) {
            int before = m.size();
            ModifiedAtSource.carry(m, R);
            assertEquals(before, m.size(), m.toString());
        }
    }

    @Test
    void onlyTheRecordsOwnTimeCounts() {
        Model m = record();
        IRI file = Values.iri(R.stringValue() + "#file-1");
        m.add(file, DCTERMS.MODIFIED, T1);
        ModifiedAtSource.carry(m, R);
        assertEquals(Set.of(), m.filter(R, CHM.modifiedAtSource, null).objects());
    }

    private static Model record(Value... modified) {
        Model m = new LinkedHashModel();
        m.add(R, DCTERMS.IDENTIFIER, Values.literal("x"));
        for (Value v : modified) {
            m.add(R, DCTERMS.MODIFIED, v);
        }
        return m;
    }
}
