package org.chmexchange.harvest.oai;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.chmexchange.xml.UntrustedXml;

/**
 * Reads an OAI-PMH response with StAX ({@link UntrustedXml}; Woodstox behind it), refusing any DTD: a
 * harvester reads untrusted XML, so a document type declaration, and with it every entity
 * expansion and external entity, is an error, not a feature. Elements are matched in the OAI-PMH
 * namespace {@value #OAI}.
 */
final class OaiResponseReader {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    static {
        OUTPUT.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
    }

    private OaiResponseReader() {}

    /**
     * Parses one response.
     *
     * @throws OaiFormatException if the document is not well-formed XML, has a DTD, or is not an
     *     OAI-PMH 2.0 response (no {@code OAI-PMH} root, no {@code responseDate}, a bad datestamp)
     */
    static OaiResponse read(byte[] body) {
        try {
            XMLEventReader r = UntrustedXml.input().createXMLEventReader(new ByteArrayInputStream(body));
            try {
                return read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new OaiFormatException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static OaiResponse read(XMLEventReader r) throws XMLStreamException {
        Instant responseDate = null;
        List<OaiResponse.Error> errors = new ArrayList<>();
        List<OaiResponse.Item> records = new ArrayList<>();
        Map<String, String> identify = new HashMap<>();
        String token = null;
        boolean root = false;
        while (r.hasNext()) {
            XMLEvent e = r.nextEvent();
            if (e.getEventType() == XMLEvent.DTD) {
                throw new OaiFormatException("the response has a DTD, which a harvester does not read");
            }
            if (!e.isStartElement()) {
                continue;
            }
            StartElement s = e.asStartElement();
            String name = s.getName().getLocalPart();
            if (!root) {
                if (!"OAI-PMH".equals(name) || !OAI.equals(s.getName().getNamespaceURI())) {
                    throw new OaiFormatException("the root element is " + s.getName() + ", not OAI-PMH in " + OAI);
                }
                root = true;
                continue;
            }
            if (!OAI.equals(s.getName().getNamespaceURI())) {
                continue;
            }
            switch (name) {
                case "responseDate" -> responseDate = date(r.getElementText().trim(), "responseDate");
                case "error" -> {
                    String code = attribute(s, "code");
                    errors.add(new OaiResponse.Error(
                            code == null ? "" : code, r.getElementText().trim()));
                }
                case "record" -> records.add(record(r));
                case "resumptionToken" -> token = r.getElementText();
                case "Identify" -> identify(r, identify);
                default -> {
                    // request, verb elements: nothing to read
                }
            }
        }
        if (!root) {
            throw new OaiFormatException("the response is empty");
        }
        if (responseDate == null) {
            throw new OaiFormatException("the response has no responseDate");
        }
        return new OaiResponse(responseDate, errors, records, token, identify);
    }

    private static void identify(XMLEventReader r, Map<String, String> out) throws XMLStreamException {
        while (r.hasNext()) {
            XMLEvent e = r.nextEvent();
            if (e.isEndElement() && "Identify".equals(e.asEndElement().getName().getLocalPart())) {
                return;
            }
            if (e.isStartElement()) {
                StartElement s = e.asStartElement();
                if ("description".equals(s.getName().getLocalPart())) {
                    skip(r);
                } else {
                    out.putIfAbsent(
                            s.getName().getLocalPart(), r.getElementText().trim());
                }
            }
        }
    }

    private static OaiResponse.Item record(XMLEventReader r) throws XMLStreamException {
        String identifier = null;
        Instant datestamp = null;
        boolean deleted = false;
        List<String> sets = new ArrayList<>();
        byte[] metadata = null;
        while (r.hasNext()) {
            XMLEvent e = r.nextEvent();
            if (e.isEndElement()
                    && "record".equals(e.asEndElement().getName().getLocalPart())
                    && OAI.equals(e.asEndElement().getName().getNamespaceURI())) {
                break;
            }
            if (!e.isStartElement()) {
                continue;
            }
            StartElement s = e.asStartElement();
            switch (s.getName().getLocalPart()) {
                case "header" -> deleted = "deleted".equals(attribute(s, "status"));
                case "identifier" -> identifier = r.getElementText().trim();
                case "datestamp" -> datestamp = date(r.getElementText().trim(), "datestamp");
                case "setSpec" -> sets.add(r.getElementText().trim());
                case "metadata" -> metadata = copyChild(r);
                case "about" -> skip(r);
                default -> {
                    // nothing else in a record
                }
            }
        }
        if (identifier == null || identifier.isEmpty()) {
            throw new OaiFormatException("a record has no identifier");
        }
        if (datestamp == null) {
            throw new OaiFormatException("record " + identifier + " has no datestamp");
        }
        if (!deleted && metadata == null) {
            throw new OaiFormatException("record " + identifier + " is not deleted and has no metadata");
        }
        return new OaiResponse.Item(identifier, datestamp, deleted, sets, metadata);
    }

    /** The one child element of the current element, as a document; the reader ends after the parent. */
    private static byte[] copyChild(XMLEventReader r) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLEventWriter w = OUTPUT.createXMLEventWriter(out, "UTF-8");
        int depth = 0;
        boolean copied = false;
        while (r.hasNext()) {
            XMLEvent e = r.nextEvent();
            if (depth == 0) {
                if (e.isEndElement()) {
                    break; // </metadata>
                }
                if (!e.isStartElement()) {
                    continue; // whitespace around the child
                }
                if (copied) {
                    throw new OaiFormatException("a metadata element has more than one child element");
                }
            }
            w.add(e);
            if (e.isStartElement()) {
                depth++;
            } else if (e.isEndElement()) {
                depth--;
                copied = depth == 0 || copied;
            }
        }
        w.flush();
        w.close();
        if (!copied) {
            throw new OaiFormatException("a metadata element has no child element");
        }
        return out.toByteArray();
    }

    private static void skip(XMLEventReader r) throws XMLStreamException {
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            XMLEvent e = r.nextEvent();
            if (e.isStartElement()) {
                depth++;
            } else if (e.isEndElement()) {
                depth--;
            }
        }
    }

    private static String attribute(StartElement s, String name) {
        var a = s.getAttributeByName(new javax.xml.namespace.QName(name));
        return a == null ? null : a.getValue();
    }

    /** A UTCdatetime of day or second granularity (OAI-PMH 2.0 section 3.3). */
    static Instant date(String text, String what) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new OaiFormatException(
                    what + " '" + text + "' is not a UTCdatetime (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)");
        }
    }
}
