package org.chmexchange.rdf;

import java.util.List;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.impl.SimpleNamespace;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * The namespace prefixes of the common format, used by {@link RecordMapper} models and by
 * {@link RecordWriter} for Turtle, TriG and RDF/XML (MODEL.md, "Namespaces").
 *
 * <p>Thread-safety: immutable constants and pure functions.
 */
public final class Prefixes {

    /** chm, chmt, dcterms, skos, vcard, dcat, schema, foaf, xsd, in that order. */
    public static final List<Namespace> ALL = List.of(
            CHM.NS,
            new SimpleNamespace("chmt", ChmThesaurus.BASE),
            DCTERMS.NS,
            SKOS.NS,
            new SimpleNamespace("vcard", VCARD4.NAMESPACE),
            DCAT.NS,
            new SimpleNamespace("schema", Std.SCHEMA),
            FOAF.NS,
            XSD.NS);

    private Prefixes() {}

    /** {@code iri} as {@code prefix:local} when one of {@link #ALL} (or rdf) matches, else {@code <iri>}. */
    public static String shortName(IRI iri) {
        String value = iri.stringValue();
        if (value.startsWith(RDF.NAMESPACE)) {
            return "rdf:" + value.substring(RDF.NAMESPACE.length());
        }
        for (Namespace ns : ALL) {
            if (value.startsWith(ns.getName()) && value.length() > ns.getName().length()) {
                return ns.getPrefix() + ":" + value.substring(ns.getName().length());
            }
        }
        return "<" + value + ">";
    }
}
