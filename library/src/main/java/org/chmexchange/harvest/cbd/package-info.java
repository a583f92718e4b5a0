/**
 * The {@code cbd} harvester: the CBD clearing-house API's Solr index and document bodies, mapped by
 * {@link org.chmexchange.cbd.CbdMapper} (docs/CBD.md). Public: {@link
 * org.chmexchange.harvest.cbd.CbdHarvesterFactory}; the rest is internal.
 */
package org.chmexchange.harvest.cbd;
