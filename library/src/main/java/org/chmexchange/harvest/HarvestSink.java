package org.chmexchange.harvest;

import org.eclipse.rdf4j.model.IRI;

/**
 * Where a {@link Harvester} hands its pages. Each call admits the page's records (split, gates,
 * validation); the valid ones, the deletions and the new state are then committed in one
 * transaction, pages one after the other in the order they were handed over. The runner's sink
 * ({@link HarvestRun}) commits a page while the harvester reads the next one, so the commit may end
 * after the call returns: its failure is thrown by the next call, or ends the run.
 *
 * <p>Thread-safety: called from the harvesting thread only.
 */
public interface HarvestSink {

    /**
     * Admits one page and has it committed.
     *
     * @throws org.chmexchange.store.StoreException if the store fails (for this page or the one
     *     before); nothing of the failed page, not even the state, is committed, so the harvest
     *     resumes from the page before it
     */
    void page(HarvestPage page);

    /**
     * Reports something the harvester kept aside or left out without failing (an unknown thesaurus
     * term kept as a literal, a malformed link, a source record it cannot map and skips). The runner
     * logs it, tells the listener ({@link HarvestListener#noticed}) and counts it ({@link
     * HarvestCounts#notices}). The default does nothing.
     *
     * @param record the record it concerns; null when it concerns none
     * @param message one sentence; not null
     */
    default void notice(IRI record, String message) {}
}
