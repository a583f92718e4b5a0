package org.chmexchange.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Record IRIs in normal form, with a host, and a node's minted paths naming the right type (issue 7). */
class RecordIriRulesTest {

    static final String BASE = "http://node.example.org/";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://",
                "http:///records/decision/x",
                "http://node.example.org/records/decision/../decision/x",
                "http://node.example.org/records/decision/%2e%2e/decision/x",
                "http://node.example.org/records/decision/%2E/x",
                "http://node.example.org/records/./decision/x"
            })
    void iriThatIsNotInNormalFormOrHasNoHostIsRefused(String iri) {
        assertTrue(RecordIris.refusal(Values.iri(iri)).isPresent(), iri);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://node.example.org/records/decision/cop-15-dec-04",
                "https://www.cbd.int/doc/decisions/cop-15/cop-15-dec-04-en.pdf",
                "http://node.example.org/records/decision/..x"
            })
    void normalIrisPass(String iri) {
        assertEquals(Optional.empty(), RecordIris.refusal(Values.iri(iri)));
    }

    @Test
    void theTypeOfAMintedIriIsReadFromItsPath() {
        assertEquals(
                Optional.of(RecordType.FOCAL_POINT),
                RecordIris.mintedType(BASE, Values.iri(BASE + "records/focal-point/a-1")));
        assertEquals(Optional.empty(), RecordIris.mintedType(BASE, Values.iri(BASE + "records/focal-point")));
        assertEquals(Optional.empty(), RecordIris.mintedType(BASE, Values.iri(BASE + "records/unknown/a")));
        assertEquals(Optional.empty(), RecordIris.mintedType(BASE, Values.iri(BASE + "records/decision/a%20b")));
        assertEquals(
                Optional.empty(),
                RecordIris.mintedType(BASE, Values.iri("https://elsewhere.example.org/records/decision/a")));
    }

    @Test
    void aMintedPathNamesTheRecordsType() {
        var decisionPath = Values.iri(BASE + "records/decision/x");
        assertTrue(RecordIris.mintedTypeRefusal(BASE, decisionPath, RecordType.FOCAL_POINT)
                .orElseThrow()
                .contains("the record is a focal-point"));
        assertEquals(Optional.empty(), RecordIris.mintedTypeRefusal(BASE, decisionPath, RecordType.DECISION));
        assertTrue(RecordIris.mintedTypeRefusal(BASE, Values.iri(BASE + "records/decision/a/b"), RecordType.DECISION)
                .isPresent());
        assertEquals(
                Optional.empty(),
                RecordIris.mintedTypeRefusal(
                        BASE, Values.iri("http://other.example.org/records/decision/x"), RecordType.FOCAL_POINT),
                "another node's IRI is that node's business");
    }
}
