package org.chmexchange.node;

import java.time.Instant;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.SettingKey;
import org.chmexchange.store.WriteResult;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads what every node holds: the ontology, the SHACL shapes and the shared thesaurus (each in a
 * named graph of its own, rewritten only when the vocabularies changed), and, once per store, the
 * sample data. Running it again duplicates nothing.
 */
final class ReferenceData {

    /** Named graph of the ontology. */
    static final IRI ONTOLOGY_GRAPH = Values.iri("https://w3id.org/chm-exchange/graph/ontology");
    /** Named graph of the SHACL shapes. */
    static final IRI SHAPES_GRAPH = Values.iri("https://w3id.org/chm-exchange/graph/shapes");
    /** Named graph of the shared thesaurus. */
    static final IRI THESAURUS_GRAPH = Values.iri("https://w3id.org/chm-exchange/graph/thesaurus");

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
            WriteResult result = store.put(Vocabularies.sampleData(base), RecordStore.localGraph(base));
            store.setSetting(SettingKey.SAMPLE_DATA_LOADED, Instant.now().toString());
            LOG.info("Loaded {} sample records ({} statements)", result.records(), result.statements());
        }
    }
}
