package org.chmexchange.node.harvest;

import java.net.URI;
import java.util.Map;
import org.chmexchange.harvest.HarvestSource;

/** The harvester contract for protocol {@code peer}: a node's change feed, 20 changes a page. */
class PeerHarvesterContractTest extends NodeHarvesterContractTest {

    @Override
    protected HarvestSource source(URI base) {
        return new HarvestSource("peer-under-test", "peer", base, Map.of("limit", "20"));
    }
}
