package org.chmexchange.oai;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * An OAI-PMH answer parsed (namespace-aware, no DTDs) and queried with XPath: prefixes oai, dc,
 * oai_dc, rdf, xml. A test fixture, shared with the node's tests through the library's test-jar.
 */
public final class OaiXml {

    /** The answer as received. */
    public final byte[] bytes;

    private final Document doc;
    private final XPath xpath;

    /** Parses {@code bytes}; a DOCTYPE is an error. */
    public OaiXml(byte[] bytes) throws Exception {
        this.bytes = bytes;
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        this.doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        this.xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                switch (prefix) {
                    case "oai":
                        return "http://www.openarchives.org/OAI/2.0/";
                    case "dc":
                        return DublinCore.DC_NAMESPACE;
                    case "oai_dc":
                        return DublinCore.OAI_DC_NAMESPACE;
                    case "rdf":
                        return OaiProvider.RDF_NAMESPACE;
                    case "xml":
                        return XMLConstants.XML_NS_URI;
                    default:
                        return XMLConstants.NULL_NS_URI;
                }
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
    }

    public String text(String path) throws Exception {
        return (String) xpath.evaluate(path, doc, XPathConstants.STRING);
    }

    public List<String> texts(String path) throws Exception {
        NodeList nodes = (NodeList) xpath.evaluate(path, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    public int count(String path) throws Exception {
        return ((Double) xpath.evaluate("count(" + path + ")", doc, XPathConstants.NUMBER)).intValue();
    }

    public String error() throws Exception {
        return text("/oai:OAI-PMH/oai:error/@code");
    }

    @Override
    public String toString() {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
