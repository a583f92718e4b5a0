package org.chmexchange.jena;

import java.util.Objects;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.chmexchange.rdf.JenaTerms;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

/**
 * Conversions between RDF4J models and Jena models and datasets, lossless both ways for every RDF
 * 1.1 term ({@link JenaTerms}: IRIs, blank nodes by label, literals with their lexical form,
 * datatype and language tag as they are) and for the namespace prefixes. A Jena {@code Model} is one
 * graph: converting an RDF4J model to it leaves out the statements' graphs; a {@code DatasetGraph}
 * keeps them (a statement without a graph goes to the default graph, and back).
 *
 * <p>Thread-safety: stateless; each call reads its argument once (a transactional dataset inside a
 * read transaction) and returns a new object the caller owns.
 */
public final class JenaModels {

    private JenaModels() {}

    /** The statements of {@code rdf4j} as a new Jena model (their graphs left out), with its prefixes. */
    public static Model toJena(org.eclipse.rdf4j.model.Model rdf4j) {
        Objects.requireNonNull(rdf4j, "rdf4j");
        Model jena = ModelFactory.createDefaultModel();
        Graph g = jena.getGraph();
        for (Statement st : rdf4j) {
            g.add(JenaTerms.triple(st));
        }
        for (Namespace ns : rdf4j.getNamespaces()) {
            jena.setNsPrefix(ns.getPrefix(), ns.getName());
        }
        return jena;
    }

    /** The triples of a Jena model as a new RDF4J model (no graphs), with its prefixes. */
    public static org.eclipse.rdf4j.model.Model toRdf4j(Model jena) {
        Objects.requireNonNull(jena, "jena");
        org.eclipse.rdf4j.model.Model rdf4j = new LinkedHashModel();
        jena.getGraph().find().forEachRemaining(t -> rdf4j.add(JenaTerms.statement(t)));
        jena.getNsPrefixMap().forEach(rdf4j::setNamespace);
        return rdf4j;
    }

    /**
     * The statements of {@code rdf4j} as a new in-memory transactional dataset: each in the named
     * graph of its context, those without one in the default graph.
     */
    public static DatasetGraph toDataset(org.eclipse.rdf4j.model.Model rdf4j) {
        Objects.requireNonNull(rdf4j, "rdf4j");
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> {
            for (Statement st : rdf4j) {
                dataset.add(JenaTerms.quad(st));
            }
            for (Namespace ns : rdf4j.getNamespaces()) {
                dataset.prefixes().add(ns.getPrefix(), ns.getName());
            }
        });
        return dataset;
    }

    /**
     * Every quad of a dataset as a new RDF4J model: a named graph's quads with that graph as their
     * context, the default graph's without. A transactional dataset is read in one read transaction
     * (or in the caller's, if one is active).
     */
    public static org.eclipse.rdf4j.model.Model fromDataset(DatasetGraph dataset) {
        Objects.requireNonNull(dataset, "dataset");
        org.eclipse.rdf4j.model.Model rdf4j = new LinkedHashModel();
        Runnable read = () -> {
            dataset.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                    .forEachRemaining(q -> rdf4j.add(JenaTerms.statement(q)));
            dataset.getDefaultGraph()
                    .find()
                    .forEachRemaining(t -> rdf4j.add(JenaTerms.statement(Quad.create(Quad.defaultGraphIRI, t))));
            dataset.prefixes().forEach((prefix, uri) -> rdf4j.setNamespace(prefix, uri));
        };
        if (dataset.supportsTransactions() && !dataset.isInTransaction()) {
            Txn.executeRead(dataset, read);
        } else {
            read.run();
        }
        return rdf4j;
    }
}
