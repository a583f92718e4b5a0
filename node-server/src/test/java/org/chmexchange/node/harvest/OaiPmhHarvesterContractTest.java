package org.chmexchange.node.harvest;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.config.OaiConfig;

/**
 * The harvester contract for protocol {@code oai-pmh} in the {@code rdf} format, against a node's
 * OAI-PMH provider, 20 records a page.
 */
class OaiPmhHarvesterContractTest extends NodeHarvesterContractTest {

    @Override
    protected NodeConfig config(Path data) {
        return super.config(data).withOai(new OaiConfig(null, "chm@example.org", 20));
    }

    @Override
    protected HarvestSource source(URI base) {
        return new HarvestSource("oai-under-test", "oai-pmh", base.resolve("oai"), Map.of("metadataPrefix", "rdf"));
    }
}
