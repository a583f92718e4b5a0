package org.chmexchange.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chmexchange.vocab.Vocabularies;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void slugLowerCasesAndCollapsesEveryOtherCharacterRun() {
        assertEquals("unep-cbd-cop-13-inf-22", RecordIds.slug("UNEP/CBD/COP/13/INF/22"));
        assertEquals("11-10-rev-cop13", RecordIds.slug("11.10 (Rev.COP13)"));
        assertEquals("xii-2-b", RecordIds.slug("  XII/2 B  "));
        assertEquals("plant-treaty", RecordIds.slug("plant_treaty"));
        assertEquals("c-te-d-ivoire", RecordIds.slug("Côte d’Ivoire"));
        assertThrows(IllegalArgumentException.class, () -> RecordIds.slug("//"));
    }

    @Test
    void idsFollowTheModelExamples() {
        assertEquals("cbd", RecordIds.treatyId("cbd"));
        assertEquals("cbd-cop-15-2", RecordIds.meetingId("cbd", "COP-15-2"));
        assertEquals("cms-cop12", RecordIds.meetingId("cms", "CMS-COP12"));
        assertEquals("cbd-decision-15-4", RecordIds.decisionId("cbd", "decision", "15/4"));
        assertEquals("cbd-recommendation-xxi-1", RecordIds.decisionId("cbd", "recommendation", "XXI/1"));
        assertEquals("unep-cbd-cop-13-inf-22", RecordIds.documentId("UNEP/CBD/COP/13/INF/22"));
    }

    @Test
    void aCodeThatStartsWithItsTreatyDoesNotRepeatIt() {
        assertEquals("ipbes-decision-2-8", RecordIds.decisionId("ipbes", "decision", "IPBES-2/8"));
        assertEquals("ipbes-5", RecordIds.meetingId("ipbes", "IPBES-5"));
        assertEquals("cbd-cbdx-1", RecordIds.meetingId("cbd", "CBDX-1"));
    }

    @Test
    void recordIrisAreUnderTheSampleBase() {
        assertEquals(
                Vocabularies.SAMPLE_BASE + "records/decision/cbd-decision-15-4",
                RecordIds.recordIri("decision", "cbd-decision-15-4").stringValue());
    }

    @Test
    void mintingTheSameIriTwiceFails() {
        RecordIds ids = new RecordIds();
        ids.mint("document", RecordIds.documentId("A/B"), "document A/B");
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> ids.mint("document", RecordIds.documentId("a-b"), "document a-b"));
        assertTrue(e.getMessage().contains("collision"), e.getMessage());
        assertTrue(e.getMessage().contains("document A/B"), e.getMessage());
    }
}
