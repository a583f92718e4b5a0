package org.chmexchange.testkit.store;

import java.nio.file.Path;
import org.chmexchange.store.RecordStore;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.memory.MemoryStore;

/** The ChangeLog contract for a store over an RDF4J repository (the persistent memory store), as a remote SPARQL store will be. */
class MemoryChangeLogContractTest extends ChangeLogContract {

    @Override
    protected RecordStore open(Path dir) {
        MemoryStore memory = new MemoryStore(dir.resolve("memory").toFile());
        memory.setSyncDelay(0);
        return RecordStore.open(new SailRepository(memory), dir.resolve("index"));
    }
}
