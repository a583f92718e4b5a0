package org.chmexchange.store;

/**
 * What {@link RecordStore#migrateLegacy} did.
 *
 * @param copied statements copied into the new store
 * @param skipped statements left out because a term no longer resolved (damage of a crash of the
 *     old store)
 */
public record MigrationResult(long copied, long skipped) {}
