package org.chmexchange.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** Problems of a change log given its sequence numbers: a gap or a duplicate. */
    static List<String> sequenceProblems(List<Long> sequences) {
        List<String> problems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long max = 0;
        for (long s : sequences) {
            if (!seen.add(s)) {
                problems.add("the change log has sequence number " + s + " twice");
            }
            max = Math.max(max, s);
        }
        long missing = 0;
        long firstMissing = -1;
        for (long s = 1; s <= max; s++) {
            if (!seen.contains(s)) {
                missing++;
                if (firstMissing < 0) {
                    firstMissing = s;
                }
            }
        }
        if (missing > 0) {
            problems.add("the change log misses " + missing + " sequence number(s) below " + max + ", the first "
                    + firstMissing);
        }
        return problems;
    }
}
