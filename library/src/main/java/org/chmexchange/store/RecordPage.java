package org.chmexchange.store;

import java.util.List;
import java.util.Optional;
import org.eclipse.rdf4j.model.IRI;

/**
 * One page of a keyset-paged listing, in ascending order of record IRI.
 *
 * @param items the records of this page; never null
 * @param totalItems how many records match the query in all pages
 * @param lastKey the IRI to pass as {@code after} for the next page; empty on the last page
 */
public record RecordPage(List<RecordSummary> items, long totalItems, Optional<IRI> lastKey) {

    /** Copies the list. */
    public RecordPage {
        items = List.copyOf(items);
    }
}
