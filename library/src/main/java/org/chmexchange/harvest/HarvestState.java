package org.chmexchange.harvest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A source's harvesting state: protocol-specific keys such as {@code cursor}, {@code etag},
 * {@code lastModified} or {@code datestamp}. Immutable; stored in the record store with each page,
 * in the same transaction, so a restart resumes exactly after the last committed page.
 *
 * @param values the state; never null
 */
public record HarvestState(Map<String, String> values) {

    /** The state of a source never harvested. */
    public static final HarvestState EMPTY = new HarvestState(Map.of());

    /** Copies the map. */
    public HarvestState {
        values = Map.copyOf(values);
    }

    /** A value, or empty. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** This state with {@code key} set to {@code value} (removed when {@code value} is null). */
    public HarvestState with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new HarvestState(copy);
    }
}
