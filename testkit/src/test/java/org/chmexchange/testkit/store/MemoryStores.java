package org.chmexchange.testkit.store;

import java.nio.file.Path;
import org.chmexchange.store.RecordStore;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.memory.MemoryStore;

/** A record store over an RDF4J repository: the persistent memory store in {@code dir/memory}. */
final class MemoryStores {

    private MemoryStores() {}

    static RecordStore open(Path dir) {
        MemoryStore memory = new MemoryStore(dir.resolve("memory").toFile());
        memory.setSyncDelay(0);
        return RecordStore.open(new SailRepository(memory), dir.resolve("index"));
    }
}
