/**
 * Harvesting and publishing as a node runs them: {@link org.chmexchange.node.sync.SyncPlan} maps
 * the configuration to the library's sources and targets and the shared HTTP client's settings,
 * {@link org.chmexchange.node.sync.Sync} holds the client and the runners and keeps two runs of one
 * entry from overlapping, and {@link org.chmexchange.node.sync.Scheduler} runs the entries on their
 * schedules and on demand.
 */
package org.chmexchange.node.sync;
