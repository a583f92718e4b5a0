package org.chmexchange.xml;

import javax.xml.stream.XMLInputFactory;

/**
 * The one StAX input factory for XML the node did not write (OAI-PMH answers, their metadata): no
 * DTD is processed and no external entity is resolved, so entity expansion ("billion laughs") and
 * external entities (XXE) cannot happen; namespaces on; adjacent text coalesced. Readers still see
 * a {@code DTD} event for a document type declaration and refuse the document on it.
 *
 * <p>Thread-safety: the factory is configured once, when the class loads, and only used to create
 * readers afterwards, which StAX factories allow concurrently.
 */
public final class UntrustedXml {

    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        INPUT.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        INPUT.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private UntrustedXml() {}

    /** The shared, hardened factory; do not change its properties. */
    public static XMLInputFactory input() {
        return INPUT;
    }
}
