package org.chmexchange.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key of a small persistent setting of a store ({@link RecordStore#setting}): harvest state and
 * status per source, publish position and status per target, node settings. Keys are stored as
 * their {@link #name()} (the same strings as in version 0.1, so existing data folders keep their
 * state); the factories are the one place each name is spelled.
 *
 * @param name the stored name: letters, digits and {@code : . _ / -}, 1 to 200 characters
 */
public record SettingKey(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9:._/-]{1,200}");

    /** The node's base IRI, fixed at the first start of a data folder. */
    public static final SettingKey BASE_IRI = new SettingKey("base-iri");

    /** When the sample data was loaded into the data folder (so a restart does not load it again). */
    public static final SettingKey SAMPLE_DATA_LOADED = new SettingKey("sample-data-loaded");

    /**
     * The length in bytes of the store's files right after its last compaction (the baseline of
     * {@link CompactionPolicy}); absent if it was never compacted.
     */
    public static final SettingKey COMPACTED_BYTES = new SettingKey("store:compacted-bytes");

    /**
     * The store's identity, a random UUID set at its first open: the record index records the store it
     * was built from, so an index folder put over another store (a data folder moved from the embedded
     * store to a SPARQL store, or between two of them) is rebuilt rather than trusted.
     */
    public static final SettingKey STORE_ID = new SettingKey("store:id");

    /**
     * @throws IllegalArgumentException if the name is empty, too long or has other characters
     */
    public SettingKey {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a setting name (letters, digits, : . _ / -): '" + name + "'");
        }
    }

    /** A key of the caller's own (tests, extensions). */
    public static SettingKey of(String name) {
        return new SettingKey(name);
    }

    /** A source's harvest state (the {@code HarvestState} of its last committed page), as JSON. */
    public static SettingKey harvestState(String source) {
        return new SettingKey("harvest:" + source + ":state");
    }

    /** The outcome of a source's last finished harvest, as JSON. */
    public static SettingKey harvestStatus(String source) {
        return new SettingKey("harvest:" + source + ":status");
    }

    /** When a source was last harvested without error (node). */
    public static SettingKey harvestLastSuccess(String source) {
        return new SettingKey("node:harvest:" + source + ":last-success");
    }

    /** The change-log sequence number a publish target has received up to. */
    public static SettingKey publishPosition(String target) {
        return new SettingKey("publish:" + target + ":position");
    }

    /** The changes a publish target refused and the publisher set aside, as a JSON array. */
    public static SettingKey publishDeadLetters(String target) {
        return new SettingKey("publish:" + target + ":dead-letters");
    }

    /** The outcome of a target's last publish run, as JSON. */
    public static SettingKey publishStatus(String target) {
        return new SettingKey("publish:" + target + ":status");
    }
}
