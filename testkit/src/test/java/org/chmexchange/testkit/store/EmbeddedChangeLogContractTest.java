package org.chmexchange.testkit.store;

import java.nio.file.Path;
import org.chmexchange.store.RecordStore;

/** The ChangeLog contract for the embedded store (Jena TDB2 and the Lucene index). */
class EmbeddedChangeLogContractTest extends ChangeLogContract {

    @Override
    protected RecordStore open(Path dir) {
        return RecordStore.openEmbedded(dir);
    }
}
