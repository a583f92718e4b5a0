package org.chmexchange.store;

import java.util.List;

/**
 * A page of the change log in ascending sequence order.
 *
 * @param items the entries; never null
 * @param more whether entries matching the query follow this page now
 * @param position the sequence number to read after next time: the last item's, or the one asked
 *     for when the page is empty
 */
public record ChangePage(List<ChangeEntry> items, boolean more, long position) {

    /** Copies the list. */
    public ChangePage {
        items = List.copyOf(items);
    }
}
