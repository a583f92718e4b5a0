package org.chmexchange.benchmarks.crash;

import java.nio.file.Path;

/**
 * The child process of the crash trials: opens an engine, then writes the workload's transactions
 * one after another for ever, printing {@code ACK i} after transaction {@code i} committed, until it
 * is killed. Arguments: engine, folder, seed, records, most records per
 * transaction.
 */
public final class CrashWriter {

    private CrashWriter() {}

    public static void main(String[] args) {
        Workload workload = new Workload(Long.parseLong(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        QuadEngine engine = QuadEngine.open(args[0], Path.of(args[1]));
        long next = Workload.lastIn(engine.readAll()) + 1;
        System.out.println("READY " + (next - 1));
        System.out.flush();
        for (long i = next; ; i++) {
            Workload.Txn t = workload.txn(i);
            engine.write(t.removeSubjects(), t.adds());
            System.out.println("ACK " + i);
            System.out.flush();
        }
    }
}
