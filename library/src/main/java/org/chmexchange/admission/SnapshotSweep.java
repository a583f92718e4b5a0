package org.chmexchange.admission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.chmexchange.store.RecordStore;
import org.eclipse.rdf4j.model.IRI;

/**
 * The snapshot sweep of the admission pipeline: when a source says that what it sent in a run is
 * its complete content (a full dump, the last page of a full paged run), the records it holds in
 * its graph that the run did not carry are gone and must be deleted. The sweep remembers every
 * record a run's pages carried, admitted or rejected (a rejected record keeps its last valid
 * version, it is not deleted), and at the snapshot names the records of the graph it never saw.
 *
 * <p>Memory: 8 bytes per record seen (the first 64 bits of the SHA-256 of its IRI), so a run of
 * 1,000,000 records costs about 8 MB, whatever the IRIs' length. Two IRIs sharing those 64 bits
 * (odds about 3 in 10^8 for 1,000,000 records) would keep a record that should go, never delete
 * one that should stay.
 *
 * <p>Not thread-safe: one run, one thread.
 */
public final class SnapshotSweep {

    private long[] seen = new long[1024];
    private int size;
    private boolean sorted = true;

    /** Remembers the records of a page: those the gates admitted and those they rejected. */
    public void saw(Batch batch) {
        batch.records().keySet().forEach(this::saw);
        for (Rejection r : batch.rejections()) {
            if (r.subject().isIRI()) {
                saw((IRI) r.subject());
            }
        }
    }

    /** Remembers one record. */
    public void saw(IRI record) {
        if (size == seen.length) {
            seen = Arrays.copyOf(seen, size * 2);
        }
        long key = key(record);
        if (size > 0 && seen[size - 1] > key) {
            sorted = false;
        }
        seen[size++] = key;
    }

    /** How many records were remembered (with repeats). */
    public int count() {
        return size;
    }

    /**
     * The records of {@code graph} this sweep never saw and {@code alsoPresent} does not keep: the
     * ones a snapshot deletes. The store's records are streamed, not loaded at once.
     *
     * @param store the store; read in one read transaction
     * @param graph the source's graph
     * @param alsoPresent records the source says it still has though the run did not carry them
     *     (a resumed run's earlier pages); not null
     * @return the IRIs to delete, in the store's order
     */
    public Set<IRI> gone(RecordStore store, IRI graph, Predicate<IRI> alsoPresent) {
        Objects.requireNonNull(alsoPresent, "alsoPresent");
        if (!sorted) {
            Arrays.sort(seen, 0, size);
            sorted = true;
        }
        Set<IRI> gone = new LinkedHashSet<>();
        store.forEachRecordIn(graph, record -> {
            if (Arrays.binarySearch(seen, 0, size, key(record)) < 0 && !alsoPresent.test(record)) {
                gone.add(record);
            }
        });
        return gone;
    }

    private static long key(IRI record) {
        byte[] digest = sha256().digest(record.stringValue().getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            key = (key << 8) | (digest[i] & 0xff);
        }
        return key;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256, which every Java platform must have", e);
        }
    }
}
