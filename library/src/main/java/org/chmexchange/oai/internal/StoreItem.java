package org.chmexchange.oai.internal;

import io.gdcc.xoai.dataprovider.model.Item;
import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.model.oaipmh.results.record.Metadata;
import java.time.Instant;
import java.util.List;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeKind;

/** One record as an OAI-PMH item: its newest change-log entry and, unless deleted, its metadata. */
final class StoreItem implements Item {

    private final ChangeEntry entry;
    private final List<Set> sets;
    private final Metadata metadata;
    private final boolean deleted;

    StoreItem(ChangeEntry entry, List<Set> sets, Metadata metadata) {
        this(entry, sets, metadata, entry.kind() == ChangeKind.DELETE);
    }

    StoreItem(ChangeEntry entry, List<Set> sets, Metadata metadata, boolean deleted) {
        this.entry = entry;
        this.sets = List.copyOf(sets);
        this.metadata = metadata;
        this.deleted = deleted;
    }

    @Override
    public String getIdentifier() {
        return entry.record().stringValue();
    }

    @Override
    public Instant getDatestamp() {
        return entry.time();
    }

    @Override
    public List<Set> getSets() {
        return sets;
    }

    @Override
    public boolean isDeleted() {
        return deleted;
    }

    @Override
    public Metadata getMetadata() {
        if (metadata == null) {
            throw new IllegalStateException("A deleted record or a header has no metadata: " + entry.record());
        }
        return metadata;
    }
}
