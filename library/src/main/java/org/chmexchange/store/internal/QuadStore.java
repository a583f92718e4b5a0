package org.chmexchange.store.internal;

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

    /** What this store is, for messages: engine and location. */
    String describe();

    @Override
    void close();
}
