package org.chmexchange.testkit.store;

import java.nio.file.Path;
import org.chmexchange.store.RecordStore;
import org.junit.jupiter.api.AfterEach;

/** The RecordStore contract for the remote SPARQL store, on Fuseki with TDB2 (RecordStore.openSparql). */
class FusekiRecordStoreContractTest extends RecordStoreContract {

    @Override
    protected RecordStore open(Path dir) {
        return FusekiStores.open(dir);
    }

    @AfterEach
    void stopFuseki() {
        FusekiStores.stopAll();
    }
}
