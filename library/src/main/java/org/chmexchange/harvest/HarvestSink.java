package org.chmexchange.harvest;

/**
 * Where a {@link Harvester} hands its pages. Each call validates the page's records and commits
 * the valid ones, the deletions and the new state in one transaction before it returns.
 *
 * <p>Thread-safety: called from the harvesting thread only.
 */
public interface HarvestSink {

    /**
     * Commits one page.
     *
     * @throws org.chmexchange.store.StoreException if the store fails; nothing of the page, not even
     *     the state, is committed, so the harvest can resume from the previous page
     */
    void page(HarvestPage page);
}
