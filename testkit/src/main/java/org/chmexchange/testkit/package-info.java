/**
 * The testkit: harnesses and workloads that every store and harvester implementation runs in its
 * contract tests. {@link org.chmexchange.testkit.KilledChild} runs a process and kills it with
 * SIGKILL; {@link org.chmexchange.testkit.StoreWorkload} and
 * {@link org.chmexchange.testkit.StoreKillWriter} drive the store kill test.
 */
package org.chmexchange.testkit;
