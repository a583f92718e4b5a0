package org.chmexchange.harvest.peer;

import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestProtocol;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.harvest.HarvesterFactory;

/**
 * Protocol {@code peer}: another CHM Exchange node, read incrementally through its change feed
 * ({@code GET {url}changes/page}, docs/EXCHANGE.md). Options: {@code limit} (changes per page,
 * default 500), and {@code type}, {@code treaty}, {@code country} (filters of the feed, comma-separated).
 */
public final class PeerHarvesterFactory implements HarvesterFactory {

    /** The descriptor. */
    public static final HarvestProtocol PROTOCOL =
            new HarvestProtocol("peer", "A CHM Exchange node, incrementally through its change feed");

    @Override
    public HarvestProtocol protocol() {
        return PROTOCOL;
    }

    @Override
    public Harvester create(HarvestSource source, HarvestContext context) {
        return new PeerHarvester(source, context);
    }
}
