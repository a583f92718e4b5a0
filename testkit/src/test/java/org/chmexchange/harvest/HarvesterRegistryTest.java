package org.chmexchange.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.chmexchange.harvest.dump.DumpHarvesterFactory;
import org.chmexchange.harvest.sparql.SparqlHarvesterFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.junit.jupiter.api.Test;

class HarvesterRegistryTest {

    @Test
    void everyProtocolIsRegisteredOnTheClassPath() {
        HarvesterRegistry registry = HarvesterRegistry.load();
        assertEquals(
                List.of("cbd", "oai-pmh", "odata", "peer", "rdf-dump", "sparql"),
                registry.protocols().stream().map(HarvestProtocol::name).toList());
        assertTrue(registry.factory("rdf-dump").orElseThrow() instanceof DumpHarvesterFactory);
        assertTrue(registry.factory("sparql").orElseThrow() instanceof SparqlHarvesterFactory);
        assertTrue(
                registry.factory("oai-pmh").orElseThrow()
                        instanceof org.chmexchange.harvest.oai.OaiPmhHarvesterFactory);
        assertTrue(registry.factory("cbd").orElseThrow() instanceof org.chmexchange.harvest.cbd.CbdHarvesterFactory);
    }

    @Test
    void onlyASnapshotPageNamesRecordsPresentAtTheSource() {
        Set<org.eclipse.rdf4j.model.IRI> present = Set.of(Values.iri("http://national.example.org/records/treaty/cbd"));
        HarvestPage sweep = new HarvestPage(new LinkedHashModel(), Set.of(), true, HarvestState.EMPTY, present);
        assertEquals(present, sweep.present());
        assertEquals(Set.of(), new HarvestPage(new LinkedHashModel(), Set.of(), true, HarvestState.EMPTY).present());
        assertThrows(
                IllegalArgumentException.class,
                () -> new HarvestPage(new LinkedHashModel(), Set.of(), false, HarvestState.EMPTY, present));
    }
}
