package org.chmexchange.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.internal.Tdb2QuadStore;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;

/**
 * The second baseline: the same synthetic triples loaded into a raw Jena TDB2 database (the engine
 * of the embedded store, with its quad indexes: docs/STORE.md), one write transaction per batch. The triples are turned
 * into Jena quads before the clock starts, so only the store is timed.
 */
final class RawTdb2Load {

    private RawTdb2Load() {}

    static LoadBenchmark.Result load(int n, int batch, Path dir) {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(dir.toString(), Tdb2QuadStore.storeParams());
        SyntheticRecords gen = new SyntheticRecords(LoadBenchmark.BASE);
        Node graph =
                NodeFactory.createURI(RecordStore.localGraph(LoadBenchmark.BASE).stringValue());
        long triples = 0;
        long nanos = 0;
        try {
            for (int from = 0; from < n; from += batch) {
                Model m = gen.batch(from, Math.min(n, from + batch));
                List<Quad> quads = new ArrayList<>(m.size());
                for (Statement st : m) {
                    quads.add(Quad.create(graph, node(st.getSubject()), node(st.getPredicate()), node(st.getObject())));
                }
                long t0 = System.nanoTime();
                dataset.begin(TxnType.WRITE);
                quads.forEach(dataset::add);
                dataset.commit();
                dataset.end();
                nanos += System.nanoTime() - t0;
                triples += quads.size();
            }
        } finally {
            TDBInternal.expel(dataset);
        }
        return new LoadBenchmark.Result(n, triples, nanos / 1e9, 0);
    }

    private static Node node(Value v) {
        if (v.isIRI()) {
            return NodeFactory.createURI(v.stringValue());
        }
        if (v.isBNode()) {
            return NodeFactory.createBlankNode(v.stringValue());
        }
        Literal l = (Literal) v;
        if (l.getLanguage().isPresent()) {
            return NodeFactory.createLiteralLang(l.getLabel(), l.getLanguage().get());
        }
        return NodeFactory.createLiteralDT(
                l.getLabel(),
                TypeMapper.getInstance().getSafeTypeByName(l.getDatatype().stringValue()));
    }
}
