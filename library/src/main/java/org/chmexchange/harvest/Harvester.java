package org.chmexchange.harvest;

/**
 * Reads one source, page by page, from a saved state. Implementations hold no state between runs
 * except what they put in {@link HarvestPage#state()}; they use the shared HTTP client of their
 * {@link HarvestContext} and never sleep or set cross-cutting headers themselves.
 */
public interface Harvester {

    /**
     * Harvests everything new since {@code state}, calling {@code sink} once per page, and returns
     * when the source has nothing more (or the paging guard stops it).
     *
     * @param state where the previous run stopped; {@link HarvestState#EMPTY} for the first run
     * @param sink commits each page atomically
     * @throws HarvestException if the source fails (after the HTTP client's retries), answers
     *     malformed data, or breaks the paging rules; pages committed before stay committed
     */
    void harvest(HarvestState state, HarvestSink sink);
}
