package org.chmexchange.oai.internal;

import io.gdcc.xoai.dataprovider.exceptions.handler.HandlerException;
import io.gdcc.xoai.dataprovider.exceptions.handler.IdDoesNotExistException;
import io.gdcc.xoai.dataprovider.exceptions.handler.NoMatchesException;
import io.gdcc.xoai.dataprovider.filter.ScopedFilter;
import io.gdcc.xoai.dataprovider.model.Item;
import io.gdcc.xoai.dataprovider.model.ItemIdentifier;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.repository.ItemRepository;
import io.gdcc.xoai.dataprovider.repository.ResultsPage;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chmexchange.oai.OaiSets;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.ChangeKind;
import org.chmexchange.store.ChangePage;
import org.chmexchange.store.ChangeQuery;
import org.chmexchange.store.RecordStore;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;

/**
 * The records of a store as XOAI items, for one request: the list is the store's {@link
 * RecordStore#latestChanges latest changes} (each record once, at its newest change-log entry;
 * deleted records as tombstones), keyset-paged from the request's {@link Position}. The item
 * identifier is the record IRI; the datestamp is the time of the record's newest change.
 */
public final class StoreItems implements ItemRepository {

    private final RecordStore store;
    private final OaiSets sets;
    private final Metadata metadata;
    private final Position position;

    /**
     * @param metadata writes the metadata of a record in a format
     * @param position the request's position (read, then advanced to the end of the page)
     */
    public StoreItems(RecordStore store, OaiSets sets, Metadata metadata, Position position) {
        this.store = Objects.requireNonNull(store, "store");
        this.sets = Objects.requireNonNull(sets, "sets");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.position = Objects.requireNonNull(position, "position");
    }

    /** Writes the metadata of a record in one of the provider's formats. */
    @FunctionalInterface
    public interface Metadata {
        /**
         * @param record the record's IRI
         * @param content the record as the store holds it
         * @param format the requested format
         */
        io.gdcc.xoai.model.oaipmh.results.record.Metadata of(IRI record, Model content, MetadataFormat format)
                throws HandlerException;
    }

    @Override
    public ItemIdentifier getItemIdentifier(String identifier) throws IdDoesNotExistException {
        return newest(identifier).map(e -> new StoreItem(e, sets.of(e), null)).orElseThrow(() -> unknown(identifier));
    }

    @Override
    public Item getItem(String identifier, MetadataFormat format) throws HandlerException {
        ChangeEntry e = newest(identifier).orElseThrow(() -> unknown(identifier));
        return item(e, format);
    }

    @Override
    public ResultsPage<ItemIdentifier> getItemIdentifiers(
            List<ScopedFilter> filters, MetadataFormat format, int max, ResumptionToken.Value token)
            throws NoMatchesException {
        ChangeQuery q = query(token);
        ChangePage page = store.latestChanges(q, position.after(), max);
        List<ItemIdentifier> items = new ArrayList<>();
        page.items().forEach(e -> items.add(new StoreItem(e, sets.of(e), null)));
        return page(q, page, items, token);
    }

    @Override
    public ResultsPage<Item> getItems(
            List<ScopedFilter> filters, MetadataFormat format, int max, ResumptionToken.Value token)
            throws HandlerException {
        ChangeQuery q = query(token);
        ChangePage page = store.latestChanges(q, position.after(), max);
        List<Item> items = new ArrayList<>();
        for (ChangeEntry e : page.items()) {
            items.add(item(e, format));
        }
        return page(q, page, items, token);
    }

    private ChangeQuery query(ResumptionToken.Value token) {
        return sets.query(token.getSetSpec()).during(token.getFrom(), token.getUntil());
    }

    /**
     * The XOAI page: {@code cursor} is the token's offset, and the complete list size the number
     * of records matching now (at least what was already handed out plus this page, as concurrent
     * writes may move records behind the position).
     */
    private <T> ResultsPage<T> page(ChangeQuery q, ChangePage page, List<T> items, ResumptionToken.Value token)
            throws NoMatchesException {
        if (items.isEmpty()) { // XOAI's own noRecordsMatch has no message (OAI-PMH 2.0 section 3.6 wants one)
            throw new NoMatchesException("No record matches the set, from and until of this request");
        }
        position.next(page.position());
        long total = Math.max(store.countLatestChanges(q), token.getOffset() + items.size() + (page.more() ? 1 : 0));
        return new ResultsPage<>(token, page.more(), items, (int) Math.min(Integer.MAX_VALUE, total));
    }

    private Item item(ChangeEntry e, MetadataFormat format) throws HandlerException {
        if (e.kind() == ChangeKind.DELETE) {
            return new StoreItem(e, sets.of(e), null);
        }
        Optional<Model> content = store.get(e.record());
        if (content.isEmpty()) { // deleted since the page was read: its tombstone follows in the list
            return new StoreItem(e, sets.of(e), null, true);
        }
        return new StoreItem(e, sets.of(e), metadata.of(e.record(), content.get(), format));
    }

    private Optional<ChangeEntry> newest(String identifier) {
        IRI iri;
        try {
            iri = Values.iri(identifier);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return store.lastChange(iri);
    }

    private static IdDoesNotExistException unknown(String identifier) {
        return new IdDoesNotExistException("No record has the identifier " + identifier);
    }
}
