package org.chmexchange.store;

import java.util.List;

/**
 * What {@link RecordStore#check()} found: the problems (empty when the store is sound) and the
 * figures it counted.
 *
 * @param problems each problem found, in words; not null, empty when the store is sound
 * @param statements statements in the store, every graph
 * @param records records in the store
 * @param indexed records in the record index
 * @param changes entries of the change log
 * @param lastSequence the highest sequence number of the change log
 */
public record StoreCheck(
        List<String> problems, long statements, long records, long indexed, long changes, long lastSequence) {

    public StoreCheck {
        problems = List.copyOf(problems);
    }

    /** Whether nothing is wrong. */
    public boolean sound() {
        return problems.isEmpty();
    }

    /** A short report, one line per figure and per problem. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("statements: ").append(statements).append('\n');
        sb.append("records: ").append(records).append(" (").append(indexed).append(" in the index)\n");
        sb.append("change log: ")
                .append(changes)
                .append(" entries, last sequence ")
                .append(lastSequence)
                .append('\n');
        if (problems.isEmpty()) {
            sb.append("no problem found\n");
        } else {
            problems.forEach(p -> sb.append("PROBLEM: ").append(p).append('\n'));
        }
        return sb.toString();
    }
}
