package org.chmexchange.store.internal;

import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A transactional quad store: the engine under the record store (docs/STORE.md). A write is atomic
 * and durable when {@link #write} returns: after a crash at any moment the store holds every
 * returned write and nothing of an unfinished one.
 *
 * <p>Thread-safety: reads run concurrently with each other and with one write; writes are
 * serialised by the caller. Lifecycle: the opener closes it once, after the last call.
 */
public interface QuadStore extends AutoCloseable {

    /** Runs {@code work} in a read transaction (a consistent snapshot). */
    <T> T read(Function<Quads, T> work);

    /**
     * Runs {@code work} in a write transaction and commits it; if {@code work} throws, nothing is
     * written and the exception propagates.
     */
    <T> T write(Function<Quads, T> work);

    /**
     * Rewrites the store into a new generation that holds only its current content, and deletes the
     * old one, if the engine keeps superseded data on disk (a copy-on-write engine does). Readers go
     * on meanwhile; writers wait until it ends. A crash at any moment leaves the old generation or
     * the new one, whole.
     *
     * @return true if it compacted; false (the default) if this engine reclaims space by itself
     * @throws org.chmexchange.store.StoreException if compaction fails; the store is then as before
     */
    default boolean compact() {
        return false;
    }

    /**
     * The bytes the store's files take (their length, which for preallocated files exceeds the blocks
     * in use), or empty when the engine's files are not this store's to measure (a repository).
     */
    default OptionalLong diskBytes() {
        return OptionalLong.empty();
    }

    /** What this store is, for messages: engine and location. */
    String describe();

    @Override
    void close();
}
