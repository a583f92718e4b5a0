package org.chmexchange.harvest;

/**
 * The service-provider interface of one harvesting protocol, found with
 * {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/org.chmexchange.harvest.HarvesterFactory}).
 */
public interface HarvesterFactory {

    /** The protocol this factory serves. */
    HarvestProtocol protocol();

    /**
     * A harvester for one source.
     *
     * @throws IllegalArgumentException if the source's options are not valid for this protocol
     */
    Harvester create(HarvestSource source, HarvestContext context);
}
