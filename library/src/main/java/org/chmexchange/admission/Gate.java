package org.chmexchange.admission;

import java.util.Objects;
import java.util.function.Consumer;

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

    /** A gate of this name that checks with {@code check}. */
    static Gate of(String name, Consumer<Batch> check) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        return new Gate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void check(Batch batch) {
                check.accept(batch);
            }
        };
    }
}
