package org.chmexchange.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;

class RecordSplitterTest {

    private static final String PREFIXES =
            """
            @prefix chm: <https://w3id.org/chm-exchange/ns#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            """;

    private static Batch parse(String turtle) throws Exception {
        RecordSplitter splitter = new RecordSplitter();
        RDFParser parser = Rio.createParser(RDFFormat.TURTLE);
        parser.setRDFHandler(splitter);
        parser.parse(new StringReader(PREFIXES + turtle), "https://node.example.org/");
        return splitter.batch();
    }

    @Test
    void groupsStreamedStatementsByRecordWhateverTheOrder() throws Exception {
        // The nested file and the title come before the record class: the splitter does not need it first.
        Batch batch = parse(
                """
                <records/decision/a#file-1> dcat:downloadURL <https://files.example.org/a.pdf> .
                <records/decision/a> dcterms:title "A"@en ; chm:file <records/decision/a#file-1> .
                <records/decision/b> a chm:Decision ; dcterms:title "B"@en .
                <records/decision/a> a chm:Decision .
                """);
        IRI a = Values.iri("https://node.example.org/records/decision/a");
        IRI b = Values.iri("https://node.example.org/records/decision/b");
        assertEquals(List.of(a, b), List.copyOf(batch.records().keySet()));
        assertEquals(4, batch.records().get(a).size(), "type, title, file link and the nested file");
        assertEquals(2, batch.records().get(b).size());
        assertEquals(0, batch.dropped());
        assertTrue(batch.clean());
    }

    @Test
    void statementsOfNoRecordAreCountedAndBadRecordsRejected() throws Exception {
        Batch batch = parse(
                """
                <records/decision/a> a chm:Decision .
                <https://elsewhere.example.org/x> dcterms:title "not a record" .
                _:n dcterms:title "a blank node" .
                [] a chm:Meeting .
                <records/decision/two> a chm:Decision, chm:Meeting .
                """);
        assertEquals(1, batch.records().size());
        assertEquals(2, batch.rejections().size());
        assertTrue(
                batch.rejections().get(0).reason().contains("not a blank node"),
                batch.rejections().toString());
        assertTrue(
                batch.rejections().get(1).reason().contains("2 record classes"),
                batch.rejections().toString());
        // the outside IRI, the blank-node title, the blank meeting, and the two classes of the double record
        assertEquals(5, batch.dropped());
        assertEquals(Values.iri("https://elsewhere.example.org/x"), batch.firstDropped());
    }
}
