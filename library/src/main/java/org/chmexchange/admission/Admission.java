package org.chmexchange.admission;

import java.util.List;
import java.util.Objects;

/**
 * The gates of one inbound path, in order. Each gate sees only the records the gates before it
 * admitted, so a record is refused once, by the first gate it fails. What a path does with the
 * rejections is its own policy: the publishing API refuses the whole request when any record is
 * rejected (nothing is stored), a harvester stores the admitted records and reports the others.
 *
 * <p>Thread-safety: immutable; safe to share when the gates are.
 */
public final class Admission {

    private final List<Gate> gates;

    private Admission(List<Gate> gates) {
        this.gates = List.copyOf(gates);
    }

    /** The pipeline of these gates, in this order. */
    public static Admission of(Gate... gates) {
        return new Admission(List.of(gates));
    }

    /** The pipeline of these gates, in this order. */
    public static Admission of(List<Gate> gates) {
        return new Admission(Objects.requireNonNull(gates, "gates"));
    }

    /**
     * Runs every gate over {@code batch}, in order; stops early when no record is left.
     *
     * @return the same batch, with the rejected records removed and their rejections added
     */
    public Batch admit(Batch batch) {
        for (Gate gate : gates) {
            if (batch.records().isEmpty()) {
                break;
            }
            gate.check(batch);
        }
        return batch;
    }

    /**
     * Runs the gates in order and stops after the first one that rejects anything: for a path that
     * refuses the whole unit when one record fails (the publishing API), so the refusal names the
     * first rule broken, in the order of the gates.
     *
     * @return the same batch; {@link Batch#clean()} tells whether every record passed every gate
     */
    public Batch admitOrStop(Batch batch) {
        for (Gate gate : gates) {
            if (batch.records().isEmpty() || !batch.clean()) {
                break;
            }
            gate.check(batch);
        }
        return batch;
    }

    /** The gates, in order. */
    public List<Gate> gates() {
        return gates;
    }
}
