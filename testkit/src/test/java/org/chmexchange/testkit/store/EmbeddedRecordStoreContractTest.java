package org.chmexchange.testkit.store;

import java.nio.file.Path;
import org.chmexchange.store.RecordStore;

/** The RecordStore contract for the embedded store (Jena TDB2 and the Lucene index). */
class EmbeddedRecordStoreContractTest extends RecordStoreContract {

    @Override
    protected RecordStore open(Path dir) {
        return RecordStore.openEmbedded(dir);
    }
}
