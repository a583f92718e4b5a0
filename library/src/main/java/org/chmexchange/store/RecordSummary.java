package org.chmexchange.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.chmexchange.model.RecordType;
import org.eclipse.rdf4j.model.IRI;

/**
 * What the record index keeps to list a record without reading the store.
 *
 * @param iri the record IRI; never null
 * @param type the record type; never null
 * @param identifier {@code dcterms:identifier}; never null (empty if the record had none)
 * @param title {@code dcterms:title} by language tag; never null, may be empty
 * @param modified {@code dcterms:modified}; null if the record has none
 */
public record RecordSummary(IRI iri, RecordType type, String identifier, Map<String, String> title, Instant modified) {

    /** Checks non-null fields and copies the title map. */
    public RecordSummary {
        Objects.requireNonNull(iri, "iri");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identifier, "identifier");
        title = Map.copyOf(title);
    }
}
