package org.chmexchange.harvest;

import org.chmexchange.validation.ValidationReport;
import org.eclipse.rdf4j.model.IRI;

/**
 * Observes harvest runs: {@link #started} and {@link #finished} are always paired (also when the
 * run fails), with {@link #pageCommitted} and {@link #rejected} in between. Feeds progress output,
 * logs and the status endpoint. Called on the harvesting thread; implementations must be quick and
 * must not throw.
 */
public interface HarvestListener {

    /** A listener that does nothing. */
    HarvestListener NONE = new HarvestListener() {};

    /** A run starts from {@code state}. */
    default void started(HarvestSource source, HarvestState state) {}

    /** A page was committed; {@code page} counts that page, {@code total} the run so far. */
    default void pageCommitted(HarvestSource source, HarvestCounts page, HarvestCounts total) {}

    /** A record failed validation and was skipped. */
    default void rejected(HarvestSource source, IRI record, ValidationReport report) {}

    /**
     * The harvester reported something it kept aside or left out ({@link HarvestSink#notice}).
     *
     * @param record the record it concerns; null when none
     */
    default void noticed(HarvestSource source, IRI record, String message) {}

    /** The run ended, successfully or not. */
    default void finished(HarvestSource source, HarvestOutcome outcome) {}
}
