package org.chmexchange.rdf;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
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
 * The one term mapping between RDF4J and Apache Jena, lossless both ways: IRIs, blank nodes (by
 * label), simple, typed and language-tagged literals (lexical form and datatype IRI as they are:
 * {@code "1.50"^^xsd:decimal} stays {@code "1.50"}). Language tags keep their value, not always their
 * case: Jena 5 writes them in BCP 47's canonical case ({@code EN-gb} becomes {@code en-GB}), the same
 * tag by RDF 1.1 Concepts §3.3, and equal for RDF4J's {@code Literal.equals}. RDF-star triple terms are
 * refused. Used by the embedded store (Jena TDB2) and by the Jena module ({@code chm-library-jena}).
 *
 * <p>Thread-safety: stateless.
 */
public final class JenaTerms {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private static final TypeMapper TYPES = TypeMapper.getInstance();

    private JenaTerms() {}

    /**
     * The Jena node of an RDF4J value; null becomes {@link Node#ANY}, the wildcard of a find.
     *
     * @throws IllegalArgumentException for an RDF-star triple term
     */
    public static Node node(Value v) {
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
            return NodeFactory.createLiteralDT(l.getLabel(), TYPES.getSafeTypeByName(dt.stringValue()));
        }
        throw new IllegalArgumentException("RDF-star triple terms are not mapped: " + v);
    }

    /**
     * The RDF4J value of a Jena node.
     *
     * @throws IllegalArgumentException for a variable, {@link Node#ANY} or a triple term
     */
    public static Value value(Node n) {
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
            return VF.createLiteral(n.getLiteralLexicalForm(), VF.createIRI(n.getLiteralDatatypeURI()));
        }
        throw new IllegalArgumentException("Not an RDF term: " + n);
    }

    /** The RDF4J statement of a Jena triple, without a graph. */
    public static Statement statement(Triple t) {
        return VF.createStatement(
                (Resource) value(t.getSubject()), (IRI) value(t.getPredicate()), value(t.getObject()));
    }

    /** The RDF4J statement of a Jena quad; a quad of the default graph has no context. */
    public static Statement statement(Quad q) {
        Resource s = (Resource) value(q.getSubject());
        IRI p = (IRI) value(q.getPredicate());
        Value o = value(q.getObject());
        Node g = q.getGraph();
        if (g == null || Quad.isDefaultGraph(g)) {
            return VF.createStatement(s, p, o);
        }
        return VF.createStatement(s, p, o, (Resource) value(g));
    }

    /** The Jena triple of an RDF4J statement (its graph left out). */
    public static Triple triple(Statement st) {
        return Triple.create(node(st.getSubject()), node(st.getPredicate()), node(st.getObject()));
    }

    /** The Jena quad of an RDF4J statement; no context is the default graph. */
    public static Quad quad(Statement st) {
        Node g = st.getContext() == null ? Quad.defaultGraphIRI : node(st.getContext());
        return Quad.create(g, node(st.getSubject()), node(st.getPredicate()), node(st.getObject()));
    }
}
