package org.chmexchange.benchmarks.crash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParamsBuilder;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Jena TDB2 under trial: journaled transactions over copy-on-write B+ trees. */
final class Tdb2Engine implements QuadEngine {

    private final DatasetGraph dataset;

    /**
     * @param fourIndexes only the quad indexes the record store reads by (GSPO, GPOS, SPOG, POSG)
     *     instead of TDB2's six
     */
    Tdb2Engine(Path dir, boolean fourIndexes) {
        this.dataset = fourIndexes
                ? DatabaseMgr.connectDatasetGraph(
                        dir.resolve("tdb2").toString(),
                        StoreParamsBuilder.create()
                                .primaryIndexQuads("GSPO")
                                .quadIndexes(new String[] {"GSPO", "GPOS", "SPOG", "POSG"})
                                .build())
                : DatabaseMgr.connectDatasetGraph(dir.resolve("tdb2").toString());
    }

    @Override
    public void write(Set<String> removeSubjects, List<Quad> adds) {
        Txn.executeWrite(dataset, () -> {
            for (String s : removeSubjects) {
                List<org.apache.jena.sparql.core.Quad> old = new ArrayList<>();
                dataset.find(Node.ANY, node(s), Node.ANY, Node.ANY).forEachRemaining(old::add);
                old.forEach(dataset::delete);
            }
            for (Quad q : adds) {
                dataset.add(node(q.g()), node(q.s()), node(q.p()), node(q.o()));
            }
        });
    }

    @Override
    public Set<Quad> readAll() {
        return Txn.calculateRead(dataset, () -> {
            Set<Quad> all = new HashSet<>();
            Iterator<org.apache.jena.sparql.core.Quad> it = dataset.find();
            while (it.hasNext()) {
                org.apache.jena.sparql.core.Quad q = it.next();
                all.add(new Quad(
                        term(q.getSubject()), term(q.getPredicate()), term(q.getObject()), term(q.getGraph())));
            }
            return all;
        });
    }

    @Override
    public void close() {
        // Releases the database from TDB2's connection cache, so that another process may open it.
        TDBInternal.expel(dataset);
    }

    private static Node node(String term) {
        String inner = term.substring(1, term.length() - 1);
        return term.startsWith("<") ? NodeFactory.createURI(inner) : NodeFactory.createLiteralString(inner);
    }

    private static String term(Node n) {
        if (n == null) {
            throw new IllegalStateException("A quad has an unresolvable term (null)");
        }
        return n.isURI() ? "<" + n.getURI() + ">" : "\"" + n.getLiteralLexicalForm() + "\"";
    }
}
