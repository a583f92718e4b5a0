package org.chmexchange.testkit.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.chmexchange.store.SparqlStoreSettings;

/**
 * A real SPARQL 1.1 store for tests and benchmarks: Apache Jena Fuseki (jena-fuseki-main), embedded
 * on a free port over a TDB2 database in a folder, with the SPARQL 1.1 query and update endpoints at
 * {@code /ds/query} and {@code /ds/update}: what a portal operator runs with {@code fuseki-server
 * --loc=DB --update /ds}.
 *
 * <p>Lifecycle: started by {@link #start}, stopped by {@link #close} (the database stays in its
 * folder, so a new server on the same folder finds it). Thread-safety: safe.
 */
public final class FusekiStore implements AutoCloseable {

    private final DatasetGraph dataset;
    private final FusekiServer server;

    private FusekiStore(DatasetGraph dataset, FusekiServer server) {
        this.dataset = dataset;
        this.server = server;
    }

    /** Starts Fuseki on a free port over the TDB2 database in {@code folder} (created if missing). */
    public static FusekiStore start(Path folder) {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(folder.toString());
        FusekiServer server = FusekiServer.create()
                .port(0)
                .loopback(true)
                .add("/ds", dataset, true)
                .build()
                .start();
        return new FusekiStore(dataset, server);
    }

    /**
     * Runs Fuseki over the TDB2 database in folder {@code args[0]} until the process is stopped,
     * printing its query and update endpoints: a remote store for trying the node by hand.
     */
    public static void main(String[] args) throws InterruptedException {
        FusekiStore store = start(java.nio.file.Path.of(args[0]));
        System.out.println("READY query " + store.query() + " update " + store.update());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** The SPARQL 1.1 query endpoint. */
    public URI query() {
        return URI.create("http://localhost:" + server.getPort() + "/ds/query");
    }

    /** The SPARQL 1.1 update endpoint. */
    public URI update() {
        return URI.create("http://localhost:" + server.getPort() + "/ds/update");
    }

    /** The store's settings with the default follow interval. */
    public SparqlStoreSettings settings() {
        return new SparqlStoreSettings(query(), update());
    }

    /** The store's settings, catching up with other processes every {@code follow}. */
    public SparqlStoreSettings settings(Duration follow) {
        return settings().withFollow(follow);
    }

    /** Stops the server and releases the database. */
    @Override
    public void close() {
        server.stop();
        org.apache.jena.tdb2.sys.TDBInternal.expel(dataset);
    }
}
