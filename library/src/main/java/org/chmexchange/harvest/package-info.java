/**
 * Harvesting: the protocol SPI ({@link org.chmexchange.harvest.HarvesterFactory}, found with
 * {@link java.util.ServiceLoader} and kept in a {@link org.chmexchange.harvest.HarvesterRegistry}),
 * and {@link org.chmexchange.harvest.HarvestRun}, which commits every page atomically with the
 * source's state and provenance. Protocols live in sub-packages.
 */
package org.chmexchange.harvest;
