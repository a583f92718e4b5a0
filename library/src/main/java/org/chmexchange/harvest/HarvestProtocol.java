package org.chmexchange.harvest;

import java.util.Objects;

/**
 * The descriptor of a harvesting protocol, the key of the {@link HarvesterRegistry}: a short
 * stable name (as written in the node configuration, {@code protocol: peer}) and a description.
 *
 * @param name lower-case name: {@code peer}, {@code rdf-dump}, {@code sparql}, ...; not null
 * @param description one line for humans; not null
 */
public record HarvestProtocol(String name, String description) {

    /** Checks the name. */
    public HarvestProtocol {
        Objects.requireNonNull(description, "description");
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A protocol name is lower-case letters, digits and '-': " + name);
        }
    }
}
