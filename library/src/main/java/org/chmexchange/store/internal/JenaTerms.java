package org.chmexchange.store.internal;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdInline;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * Lossless conversion of RDF terms between RDF4J and Jena: IRIs, blank nodes (by label), plain,
 * typed and language-tagged literals (lexical form, datatype IRI and tag kept as they are). RDF-star
 * triple terms are not used by the record store and are refused.
 */
final class JenaTerms {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();
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

    /** The Jena node of an RDF4J value; null becomes {@link Node#ANY}, the wildcard of a find. */
    static Node node(Value v) {
        if (v == null) {
            return Node.ANY;
        }
        if (v.isIRI()) {
            return NodeFactory.createURI(v.stringValue());
        }
        if (v.isBNode()) {
            return NodeFactory.createBlankNode(((BNode) v).getID());
        }
        if (v.isLiteral()) {
            Literal l = (Literal) v;
            if (l.getLanguage().isPresent()) {
                return NodeFactory.createLiteralLang(
                        l.getLabel(), l.getLanguage().get());
            }
            IRI dt = l.getDatatype();
            if (dt == null || dt.equals(XSD.STRING)) {
                return NodeFactory.createLiteralString(l.getLabel());
            }
            Node n = NodeFactory.createLiteralDT(l.getLabel(), TYPES.getSafeTypeByName(dt.stringValue()));
            if (NodeIdInline.hasInlineDatatype(n)) {
                NodeId inline = NodeIdInline.inline(n);
                if (inline != null && !NodeIdInline.extract(inline).equals(n)) {
                    // TDB2 would keep the value, not this lexical form: keep the form under a wrapper type.
                    return NodeFactory.createLiteralDT(
                            l.getLabel(), TYPES.getSafeTypeByName(LEXICAL + dt.stringValue()));
                }
            }
            return n;
        }
        throw new IllegalArgumentException("The record store keeps no RDF-star triple terms: " + v);
    }

    /** The Jena graph node of a named graph; null is any named graph. */
    static Node graph(IRI graph) {
        return graph == null ? Node.ANY : NodeFactory.createURI(graph.stringValue());
    }

    /** The RDF4J value of a Jena node. */
    static Value value(Node n) {
        if (n.isURI()) {
            return VF.createIRI(n.getURI());
        }
        if (n.isBlank()) {
            return VF.createBNode(n.getBlankNodeLabel());
        }
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                return VF.createLiteral(n.getLiteralLexicalForm(), lang);
            }
            String dt = n.getLiteralDatatypeURI();
            if (dt.startsWith(LEXICAL)) {
                dt = dt.substring(LEXICAL.length());
            }
            return VF.createLiteral(n.getLiteralLexicalForm(), VF.createIRI(dt));
        }
        throw new IllegalStateException("Not an RDF term of the record store: " + n);
    }

    /** The RDF4J statement of a Jena quad; a quad of the default graph has no context. */
    static Statement statement(Quad q) {
        Resource s = (Resource) value(q.getSubject());
        IRI p = (IRI) value(q.getPredicate());
        Value o = value(q.getObject());
        Node g = q.getGraph();
        if (g == null || Quad.isDefaultGraph(g)) {
            return VF.createStatement(s, p, o);
        }
        return VF.createStatement(s, p, o, (Resource) value(g));
    }
}
