package org.chmexchange.store.internal;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdInline;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * The record store's term mapping onto TDB2: {@link org.chmexchange.rdf.JenaTerms}, the one mapping
 * between RDF4J and Jena, plus a wrapper datatype for the literals whose lexical form TDB2 would not
 * keep (below). RDF-star triple terms are not used by the record store and are refused.
 */
final class JenaTerms {

    private static final TypeMapper TYPES = TypeMapper.getInstance();

    /**
     * Prefix of the wrapper datatype of a literal whose lexical form TDB2 would not keep: TDB2
     * stores numbers, dates, times and booleans by value inside the node id ("1.50" comes back as
     * "1.5", "...06.120Z" as "...06.12Z"), so such a literal in a form other than the one TDB2 would
     * give back is stored with the datatype {@code urn:chm-exchange:lexical:{datatype IRI}}, which
     * TDB2 does not interpret, and read back with its own datatype. (A literal that arrives with a
     * datatype under this prefix would be read back unwrapped: the prefix is this store's own.)
     */
    static final String LEXICAL = "urn:chm-exchange:lexical:";

    private JenaTerms() {}

    /** The Jena node of an RDF4J value as TDB2 keeps it; null becomes {@link Node#ANY}. */
    static Node node(Value v) {
        Node n = org.chmexchange.rdf.JenaTerms.node(v);
        if (n.isLiteral() && NodeIdInline.hasInlineDatatype(n)) {
            NodeId inline = NodeIdInline.inline(n);
            if (inline != null && !NodeIdInline.extract(inline).equals(n)) {
                // TDB2 would keep the value, not this lexical form: keep the form under a wrapper type.
                return NodeFactory.createLiteralDT(
                        n.getLiteralLexicalForm(), TYPES.getSafeTypeByName(LEXICAL + n.getLiteralDatatypeURI()));
            }
        }
        return n;
    }

    /** The Jena graph node of a named graph; null is any named graph. */
    static Node graph(IRI graph) {
        return graph == null ? Node.ANY : NodeFactory.createURI(graph.stringValue());
    }

    /** The RDF4J value of a node TDB2 gave back, unwrapped. */
    static Value value(Node n) {
        if (n.isLiteral() && n.getLiteralDatatypeURI().startsWith(LEXICAL)) {
            return org.chmexchange.rdf.JenaTerms.value(NodeFactory.createLiteralDT(
                    n.getLiteralLexicalForm(),
                    TYPES.getSafeTypeByName(n.getLiteralDatatypeURI().substring(LEXICAL.length()))));
        }
        return org.chmexchange.rdf.JenaTerms.value(n);
    }

    /** The RDF4J statement of a quad TDB2 gave back; a quad of the default graph has no context. */
    static Statement statement(Quad q) {
        Resource s = (Resource) value(q.getSubject());
        IRI p = (IRI) value(q.getPredicate());
        Value o = value(q.getObject());
        Node g = q.getGraph();
        if (g == null || Quad.isDefaultGraph(g)) {
            return SimpleValueFactory.getInstance().createStatement(s, p, o);
        }
        return SimpleValueFactory.getInstance().createStatement(s, p, o, (Resource) value(g));
    }
}
