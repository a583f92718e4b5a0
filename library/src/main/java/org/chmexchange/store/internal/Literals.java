package org.chmexchange.store.internal;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.datatypes.XMLDatatypeUtil;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Literals compared by value where the store decides whether something changed: a store that keeps
 * numbers and dates by value (TDB2 behind a Fuseki, which gives {@code "1.50"^^xsd:decimal} back as
 * {@code "1.5"}) must not see a change in every re-harvest of the same record. XML Schema's canonical
 * lexical forms (RDF4J's {@link XMLDatatypeUtil#normalize}); a literal of another datatype, or not
 * valid for its own, is left as it is. Language tags compare without case (RDF 1.1 Concepts §3.3).
 */
final class Literals {

    private Literals() {}

    /** The value with a canonical lexical form, if it is a literal of an XML Schema datatype. */
    static Value canonical(Value v) {
        if (!(v instanceof Literal l) || l.getLanguage().isPresent()) {
            return v;
        }
        IRI dt = l.getDatatype();
        if (!XMLDatatypeUtil.isBuiltInDatatype(dt) || dt.stringValue().endsWith("#string")) {
            return v;
        }
        try {
            String normal = XMLDatatypeUtil.normalize(l.getLabel(), dt);
            return normal.equals(l.getLabel()) ? v : Values.literal(normal, dt);
        } catch (IllegalArgumentException e) {
            return v; // not valid for its datatype: compared as written
        }
    }

    /** A copy of {@code model} with every literal {@link #canonical}, contexts kept. */
    static Model canonical(Model model) {
        Model copy = new LinkedHashModel();
        for (Statement st : model) {
            copy.add(st.getSubject(), st.getPredicate(), canonical(st.getObject()), st.getContext());
        }
        return copy;
    }
}
