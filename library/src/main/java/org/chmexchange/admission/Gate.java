package org.chmexchange.admission;

/**
 * One check of the admission pipeline: looks at the records of a batch and rejects those that may
 * not be stored, each with a reason ({@link Batch#reject}). A gate never throws for bad data; it
 * throws only when it cannot check at all (the store fails), and then nothing is written.
 *
 * <p>Implementations are stateless or thread-safe: one gate serves every request.
 */
public interface Gate {

    /** The gate's name in rejections ("iri", "scope", "ownership", "validation"). */
    String name();

    /** Rejects the records of {@code batch} that do not pass. */
    void check(Batch batch);
}
