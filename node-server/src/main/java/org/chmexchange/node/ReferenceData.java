package org.chmexchange.node;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.chmexchange.admission.RecordSplitter;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.chmexchange.store.WriteRequest;
import org.chmexchange.store.WriteResult;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads what every node holds: the ontology, the SHACL shapes and the shared thesaurus (each in a
 * named graph of its own, rewritten only when the vocabularies changed), and, once per store, the
 * sample data, in {@code {base}graphs/sample} (not the local graph: the node does not publish it).
 * Running it again duplicates nothing.
 */
final class ReferenceData {

    /** Named graph of the ontology. */
    static final IRI ONTOLOGY_GRAPH = Values.iri("https://w3id.org/chm-exchange/graph/ontology");
    /** Named graph of the SHACL shapes. */
    static final IRI SHAPES_GRAPH = Values.iri("https://w3id.org/chm-exchange/graph/shapes");
    /** Named graph of the shared thesaurus. */
    static final IRI THESAURUS_GRAPH = Values.iri("https://w3id.org/chm-exchange/graph/thesaurus");

    /**
     * The named graph of the sample records, {@code {base}graphs/sample}: minted under the node's
     * base, but reference data, not records of the node's own to publish.
     */
    static IRI sampleGraph(String base) {
        return Values.iri(base + "graphs/sample");
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceData.class);

    private ReferenceData() {}

    static void load(RecordStore store, String base, boolean sampleData, Model thesaurus) {
        if (store.replaceGraphIfChanged(ONTOLOGY_GRAPH, Vocabularies.ontology())) {
            LOG.info("Loaded the ontology");
        }
        if (store.replaceGraphIfChanged(SHAPES_GRAPH, Vocabularies.shapes())) {
            LOG.info("Loaded the SHACL shapes");
        }
        if (store.replaceGraphIfChanged(THESAURUS_GRAPH, thesaurus)) {
            LOG.info("Loaded the shared thesaurus");
        }
        if (sampleData && store.setting(SettingKey.SAMPLE_DATA_LOADED).isEmpty()) {
            // In a graph of their own, not the local graph: they are not this node's to publish
            // (Publisher), and the marker is set in the same transaction.
            WriteResult result = store.write(new WriteRequest(
                    sampleGraph(base),
                    Vocabularies.sampleData(base),
                    Set.of(),
                    false,
                    Map.of(SettingKey.SAMPLE_DATA_LOADED, Instant.now().toString()),
                    new LinkedHashModel()));
            LOG.info("Loaded {} sample records ({} statements)", result.records(), result.statements());
        } else if (store.setting(SettingKey.SAMPLE_DATA_LOADED).isPresent()) {
            moveSampleRecordsOutOfTheLocalGraph(store, base);
        }
    }

    /**
     * Folders of versions before the sample graph hold the sample records in the local graph, where
     * the publisher takes them for the node's own. Those still as loaded move to the sample graph
     * (without a change entry: nothing a reader sees changes); one an operator edited is the
     * operator's record now and stays. Idempotent: a cheap comparison on every start.
     */
    private static void moveSampleRecordsOutOfTheLocalGraph(RecordStore store, String base) {
        Model sample = Vocabularies.sampleData(base);
        Map<IRI, Model> records = new RecordSplitter().addAll(sample).batch().records();
        Set<IRI> asLoaded = store.unchangedIn(RecordStore.localGraph(base), records);
        if (asLoaded.isEmpty()) {
            return;
        }
        Model moving = new LinkedHashModel();
        asLoaded.forEach(iri -> moving.addAll(records.get(iri)));
        store.write(WriteRequest.upsert(sampleGraph(base), moving));
        LOG.info(
                "Moved {} sample records from the local graph to {}: they are not this node's to publish",
                asLoaded.size(),
                sampleGraph(base));
    }
}
