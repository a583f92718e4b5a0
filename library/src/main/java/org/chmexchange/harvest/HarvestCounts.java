package org.chmexchange.harvest;

/**
 * Counts of one harvest run.
 *
 * @param pages pages committed
 * @param created records created
 * @param updated records updated
 * @param unchanged records received again with the same content
 * @param deleted records deleted (tombstones, or records gone from a snapshot)
 * @param rejected records that failed validation and were skipped
 * @param dropped statements about subjects that belong to no record, dropped
 * @param notices values the harvester kept aside or left out and reported ({@link
 *     HarvestSink#notice}): an unknown thesaurus term, a malformed link, a record it could not map
 */
public record HarvestCounts(
        long pages,
        long created,
        long updated,
        long unchanged,
        long deleted,
        long rejected,
        long dropped,
        long notices) {

    /** Nothing yet. */
    public static final HarvestCounts ZERO = new HarvestCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of two counts. */
    public HarvestCounts plus(HarvestCounts o) {
        return new HarvestCounts(
                pages + o.pages,
                created + o.created,
                updated + o.updated,
                unchanged + o.unchanged,
                deleted + o.deleted,
                rejected + o.rejected,
                dropped + o.dropped,
                notices + o.notices);
    }
}
