package org.chmexchange.testkit.store;

import java.nio.file.Path;
import org.chmexchange.store.RecordStore;

/** The RecordStore contract for a store over an RDF4J repository, as a remote SPARQL store will be. */
class MemoryRecordStoreContractTest extends RecordStoreContract {

    @Override
    protected RecordStore open(Path dir) {
        return MemoryStores.open(dir);
    }
}
