package org.chmexchange.harvest.dump;

import java.util.Map;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.testkit.harvest.HarvesterContractTest;
import org.eclipse.rdf4j.model.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The harvester contract for protocol {@code rdf-dump}, against a WireMock dump server. */
class DumpHarvesterContractTest extends HarvesterContractTest {

    private static DumpServer server;

    @BeforeAll
    static void startServer() {
        server = new DumpServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.wiremock.resetAll();
    }

    @Override
    protected HarvestSource source() {
        return server.source(DumpServer.PATH, Map.of());
    }

    @Override
    protected void serve(Model records) {
        server.serve(records);
    }

    @Override
    protected void failWithServerError() {
        server.failWithServerError();
    }
}
