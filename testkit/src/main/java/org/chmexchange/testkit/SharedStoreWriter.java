package org.chmexchange.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SparqlStoreSettings;
import org.chmexchange.store.WriteRequest;
import org.chmexchange.store.WriteResult;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * One of several node processes writing to one remote SPARQL store at once ({@code
 * SharedSparqlStoreTest}). Arguments: query URL, update URL, index folder, writer name, number of
 * writes, and a file whose appearance starts the writes (so that every writer starts at once). Write {@code i} creates {@code {name}-{i}}, gives each of the {@value #SHARED} records all
 * writers update ({@code shared-{k}}) a title naming this write, and, every fourth write, deletes
 * {@code {name}-{i-3}}. Prints {@code READY}, then {@code ACK i} and the write's changes ({@code
 * CHANGES i n}), then {@code DONE} and exits 0.
 */
public final class SharedStoreWriter {

    /** How many records every writer updates in every write. */
    public static final int SHARED = 3;

    private SharedStoreWriter() {}

    public static void main(String[] args) {
        String name = args[3];
        int writes = Integer.parseInt(args[4]);
        try (RecordStore store = RecordStore.openSparql(
                new SparqlStoreSettings(URI.create(args[0]), URI.create(args[1])).withFollow(Duration.ZERO),
                Path.of(args[2]))) {
            System.out.println("READY");
            System.out.flush();
            // All writers start together, once the test has seen every one READY (the file appears).
            Path go = Path.of(args[5]);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!java.nio.file.Files.exists(go)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No go file " + go);
                }
                sleep(5);
            }
            for (int i = 1; i <= writes; i++) {
                WriteResult result = store.write(request(name, i));
                long changes = result.created().size()
                        + result.updated().size()
                        + result.deleted().size();
                System.out.println("ACK " + i);
                System.out.println("CHANGES " + i + " " + changes);
                System.out.flush();
            }
        }
        System.out.println("DONE");
        System.out.flush();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The IRI of record {@code id}. */
    public static IRI iri(String id) {
        return RecordType.DECISION.mint(StoreWorkload.BASE, id);
    }

    /** Write {@code i} of writer {@code name}. */
    public static WriteRequest request(String name, int i) {
        Model upserts = new LinkedHashModel();
        upserts.addAll(decision(name + "-" + i, "Decision " + i + " of " + name));
        for (int k = 0; k < SHARED; k++) {
            upserts.addAll(decision("shared-" + k, "Shared " + k + " as of " + name + " write " + i));
        }
        Set<IRI> deletes = new LinkedHashSet<>();
        if (i % 4 == 0) {
            deletes.add(iri(name + "-" + (i - 3)));
        }
        return new WriteRequest(StoreWorkload.GRAPH, upserts, deletes, false, Map.of(), new LinkedHashModel());
    }

    /** The records writer {@code name} leaves of its own after {@code writes} writes. */
    public static Set<String> ownAfter(String name, int writes) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 1; i <= writes; i++) {
            ids.add(name + "-" + i);
            if (i % 4 == 0) {
                ids.remove(name + "-" + (i - 3));
            }
        }
        return ids;
    }

    private static Model decision(String id, String title) {
        Model m = new LinkedHashModel();
        IRI iri = iri(id);
        m.add(iri, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE, org.chmexchange.vocab.CHM.Decision);
        m.add(
                iri,
                org.eclipse.rdf4j.model.vocabulary.DCTERMS.IDENTIFIER,
                org.eclipse.rdf4j.model.util.Values.literal(id));
        m.add(
                iri,
                org.eclipse.rdf4j.model.vocabulary.DCTERMS.TITLE,
                org.eclipse.rdf4j.model.util.Values.literal(title, "en"));
        m.add(iri, org.chmexchange.vocab.CHM.treaty, org.chmexchange.vocab.ChmThesaurus.treaty("cbd"));
        return m;
    }
}
