package org.chmexchange.harvest;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The harvesting protocols available on the class path, keyed by {@link HarvestProtocol#name()}.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * HarvesterFactory peer = HarvesterRegistry.load().factory("peer").orElseThrow();
 * }</pre>
 */
public final class HarvesterRegistry {

    private final Map<String, HarvesterFactory> factories;

    private HarvesterRegistry(Map<String, HarvesterFactory> factories) {
        this.factories = Map.copyOf(factories);
    }

    /**
     * Every factory registered with {@link ServiceLoader} on the class path of this class.
     *
     * @throws IllegalStateException if two factories claim the same protocol name
     */
    public static HarvesterRegistry load() {
        return of(ServiceLoader.load(HarvesterFactory.class, HarvesterRegistry.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    /** A registry of exactly these factories (tests, embedding). */
    public static HarvesterRegistry of(Collection<HarvesterFactory> factories) {
        Map<String, HarvesterFactory> byName = new TreeMap<>();
        for (HarvesterFactory f : factories) {
            HarvesterFactory previous = byName.put(f.protocol().name(), f);
            if (previous != null) {
                throw new IllegalStateException("Two harvesters claim protocol '"
                        + f.protocol().name() + "': " + previous.getClass().getName() + " and "
                        + f.getClass().getName());
            }
        }
        return new HarvesterRegistry(byName);
    }

    /** This registry with {@code factory} for its protocol, in place of the one it had, if any. */
    public HarvesterRegistry with(HarvesterFactory factory) {
        Map<String, HarvesterFactory> byName = new TreeMap<>(factories);
        byName.put(factory.protocol().name(), factory);
        return new HarvesterRegistry(byName);
    }

    /** The factory of a protocol, or empty. */
    public Optional<HarvesterFactory> factory(String protocol) {
        return Optional.ofNullable(factories.get(protocol));
    }

    /** The protocols, sorted by name. */
    public List<HarvestProtocol> protocols() {
        return factories.values().stream()
                .map(HarvesterFactory::protocol)
                .sorted(Comparator.comparing(HarvestProtocol::name))
                .toList();
    }
}
