package org.chmexchange.oai;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.chmexchange.model.Common;
import org.chmexchange.model.Decision;
import org.chmexchange.model.Document;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.LangText;
import org.chmexchange.model.Meeting;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.Organization;
import org.chmexchange.model.Record;
import org.chmexchange.model.Treaty;
import org.chmexchange.rdf.RecordMappingException;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.eclipse.rdf4j.model.IRI;

/**
 * A record as unqualified Dublin Core, the {@code oai_dc} metadata format every OAI-PMH provider
 * offers (OAI-PMH 2.0 section 6.2 and its schema {@value #SCHEMA}; the fifteen elements of DCMI's
 * {@code http://purl.org/dc/elements/1.1/}). The mapping (docs/OAI-PMH.md):
 *
 * <ul>
 *   <li>{@code dc:title}, {@code dc:description}: the title and the summary, one element per
 *       language, with {@code xml:lang}; a record without a title (CBD decisions known by their
 *       number and summary) has its identifier as its title;
 *   <li>{@code dc:subject}: the label of each concept of the record in the shared thesaurus, in the
 *       first language of the title (else English), with {@code xml:lang}; the concept IRI for a
 *       concept the thesaurus does not know;
 *   <li>{@code dc:date}: the record's own date as {@code YYYY-MM-DD} (decision adopted, document
 *       or report published, else submitted, meeting start, treaty adopted), else the day it was
 *       last modified;
 *   <li>{@code dc:type}: the record type ({@code Decision}, {@code NationalReport}...), then the
 *       label of its decision, document or report type;
 *   <li>{@code dc:identifier}: the record IRI, then its identifier at its source;
 *   <li>{@code dc:relation}: the treaties (IRIs), the meeting, the cited records and each file's
 *       download URL;
 *   <li>{@code dc:coverage}: the label of the country (national reports, meetings, focal points,
 *       organisations);
 *   <li>{@code dc:language}: the languages of the title, summary and files (BCP 47 tags).
 * </ul>
 *
 *
 * <p>{@link #document} reads {@code oai_dc} the other way, as a {@link Document} record (what MEA
 * document repositories on DSpace or Dataverse offer): {@code dc:title} and {@code
 * dc:description} per {@code xml:lang} ({@code und} without one; the first per language), {@code
 * dc:subject} matched to the thesaurus by label (exact, ignoring case), else by notation (such as
 * {@code GBF-TARGET-03}); unmatched subjects are left out, the first {@code dc:date} that is a whole day as the publication date; the treaty comes
 * from the harvest's configuration, as {@code oai_dc} has no field for it.
 *
 * <p>Thread-safe: holds the thesaurus only.
 */
public final class DublinCore {

    /** The namespace of the {@code oai_dc} wrapper element. */
    public static final String OAI_DC_NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    /** The schema of {@code oai_dc} (OAI-PMH 2.0 section 6.2). */
    public static final String SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    /** The Dublin Core Metadata Element Set, version 1.1. */
    public static final String DC_NAMESPACE = "http://purl.org/dc/elements/1.1/";
    /** The metadata prefix. */
    public static final String PREFIX = "oai_dc";

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final Thesaurus thesaurus;

    /** @param thesaurus the labels of concepts, countries and types; not null */
    public DublinCore(Thesaurus thesaurus) {
        this.thesaurus = Objects.requireNonNull(thesaurus, "thesaurus");
    }

    /**
     * Writes {@code record} as an {@code oai_dc:dc} element in UTF-8, without an XML declaration.
     *
     * @throws XMLStreamException if the stream cannot be written
     */
    public void write(Record record, OutputStream out) throws XMLStreamException {
        XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
        w.setPrefix("oai_dc", OAI_DC_NAMESPACE);
        w.setPrefix("dc", DC_NAMESPACE);
        w.writeStartElement("oai_dc", "dc", OAI_DC_NAMESPACE);
        w.writeNamespace("oai_dc", OAI_DC_NAMESPACE);
        w.writeNamespace("dc", DC_NAMESPACE);
        w.writeNamespace("xsi", XSI);
        w.writeAttribute("xsi", XSI, "schemaLocation", OAI_DC_NAMESPACE + " " + SCHEMA);
        String lang = record.title().languages().stream().findFirst().orElse("en");
        for (Map.Entry<String, String> t : record.title().texts().entrySet()) {
            element(w, "title", t.getValue(), t.getKey());
        }
        if (record.title().texts().isEmpty()) {
            element(w, "title", record.identifier(), null); // a decision known by its number only
        }
        for (IRI concept : sorted(record.concepts())) {
            Concept c = thesaurus.concept(concept).orElse(null);
            if (c == null) {
                element(w, "subject", concept.stringValue(), null);
            } else {
                element(w, "subject", c.label(lang), c.labelLanguage(lang));
            }
        }
        for (Map.Entry<String, String> t : record.summary().texts().entrySet()) {
            element(w, "description", t.getValue(), t.getKey());
        }
        LocalDate date = date(record);
        if (date != null) {
            element(w, "date", date.toString(), null);
        }
        element(w, "type", record.type().rdfClass().getLocalName(), null);
        IRI kind = kind(record);
        if (kind != null) {
            element(w, "type", label(kind, lang), null);
        }
        element(w, "identifier", record.iri().stringValue(), null);
        if (!record.identifier().equals(record.iri().stringValue())) {
            element(w, "identifier", record.identifier(), null);
        }
        for (String language : languages(record)) {
            element(w, "language", language, null);
        }
        for (IRI r : relations(record)) {
            element(w, "relation", r.stringValue(), null);
        }
        IRI country = country(record);
        if (country != null) {
            element(w, "coverage", label(country, lang), null);
        }
        w.writeEndElement();
        w.flush();
        w.close();
    }

    /**
     * Reads an {@code oai_dc:dc} element as a document record.
     *
     * @param iri the record's IRI
     * @param identifier its identifier at the source (the OAI-PMH item identifier)
     * @param treaty the treaty the repository's documents belong to
     * @param modifiedAtSource the header's datestamp, or null
     * @param oaiDc the {@code oai_dc:dc} element as an XML document
     * @throws RecordMappingException if the XML is not well-formed, is not {@code oai_dc:dc}, has a
     *     DTD, or gives no title and no description
     */
    public Document document(IRI iri, String identifier, IRI treaty, java.time.Instant modifiedAtSource, byte[] oaiDc) {
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        Map<String, String> descriptions = new java.util.LinkedHashMap<>();
        Set<IRI> concepts = new LinkedHashSet<>();
        LocalDate published = null;
        try {
            javax.xml.stream.XMLStreamReader r = org.chmexchange.xml.UntrustedXml.input()
                    .createXMLStreamReader(new java.io.ByteArrayInputStream(oaiDc));
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                if (event == javax.xml.stream.XMLStreamConstants.DTD) {
                    throw new RecordMappingException(iri, "oai_dc of " + identifier + " has a DTD");
                }
                if (event != javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (root) {
                    if (!OAI_DC_NAMESPACE.equals(r.getNamespaceURI()) || !"dc".equals(r.getLocalName())) {
                        throw new RecordMappingException(
                                iri,
                                "The metadata of " + identifier + " is {" + r.getNamespaceURI() + "}" + r.getLocalName()
                                        + ", not oai_dc:dc");
                    }
                    root = false;
                    continue;
                }
                if (!DC_NAMESPACE.equals(r.getNamespaceURI())) {
                    continue;
                }
                String name = r.getLocalName();
                String lang = r.getAttributeValue(XML, "lang");
                String text = r.getElementText().strip();
                if (text.isEmpty()) {
                    continue;
                }
                String tag = lang == null || lang.isBlank() ? "und" : lang.strip();
                switch (name) {
                    case "title" -> titles.putIfAbsent(tag, text);
                    case "description" -> descriptions.putIfAbsent(tag, text);
                    case "subject" -> thesaurus.byLabel(text, lang == null || lang.isBlank() ? null : lang).stream()
                            .findFirst()
                            .or(() -> thesaurus.byNotation(text))
                            .ifPresent(c -> concepts.add(c.iri()));
                    case "date" -> {
                        if (published == null && text.length() >= 10) {
                            try {
                                published = LocalDate.parse(text.substring(0, 10));
                            } catch (java.time.format.DateTimeParseException e) {
                                // a year or a free text: not a day
                            }
                        }
                    }
                    default -> {
                        // the other elements have no place in a Document record
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new RecordMappingException(
                    iri, "oai_dc of " + identifier + " is not well-formed XML: " + e.getMessage(), e);
        }
        try {
            Common common = Common.builder(iri, identifier)
                    .title(new LangText(titles))
                    .summary(new LangText(descriptions))
                    .concepts(List.copyOf(concepts))
                    .modifiedAtSource(modifiedAtSource)
                    .build();
            return new Document(common, treaty, null, null, published);
        } catch (IllegalArgumentException e) {
            throw new RecordMappingException(
                    iri, "oai_dc of " + identifier + " is not a document record: " + e.getMessage(), e);
        }
    }

    private static void element(XMLStreamWriter w, String name, String text, String lang) throws XMLStreamException {
        w.writeStartElement("dc", name, DC_NAMESPACE);
        if (lang != null && !lang.isEmpty()) {
            w.writeAttribute("xml", XML, "lang", lang);
        }
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private String label(IRI concept, String lang) {
        return thesaurus.concept(concept).map(c -> c.label(lang)).orElse(concept.stringValue());
    }

    private static List<IRI> sorted(Set<IRI> iris) {
        return iris.stream()
                .sorted(java.util.Comparator.comparing(IRI::stringValue))
                .toList();
    }

    private static LocalDate date(Record r) {
        LocalDate own = null;
        if (r instanceof Decision d) {
            own = d.adopted();
        } else if (r instanceof Document d) {
            own = d.published();
        } else if (r instanceof NationalReport n) {
            own = n.published() != null ? n.published() : n.submitted();
        } else if (r instanceof Meeting m) {
            own = m.startDate();
        } else if (r instanceof Treaty t) {
            own = t.adopted();
        }
        if (own == null && r.modified() != null) {
            own = LocalDate.ofInstant(r.modified(), ZoneOffset.UTC);
        }
        return own;
    }

    private static IRI kind(Record r) {
        if (r instanceof Decision d) {
            return d.decisionType();
        } else if (r instanceof Document d) {
            return d.documentType();
        } else if (r instanceof NationalReport n) {
            return n.reportType();
        }
        return null;
    }

    private static IRI country(Record r) {
        if (r instanceof NationalReport n) {
            return n.country();
        } else if (r instanceof Meeting m) {
            return m.country();
        } else if (r instanceof FocalPoint f) {
            return f.country();
        } else if (r instanceof Organization o) {
            return o.country();
        }
        return null;
    }

    private static Set<String> languages(Record r) {
        Set<String> out = new LinkedHashSet<>(r.title().languages());
        out.addAll(r.summary().languages());
        for (FileRef f : r.files()) {
            if (f.language() != null) {
                out.add(f.language());
            }
        }
        return out;
    }

    private static List<IRI> relations(Record r) {
        List<IRI> out = new ArrayList<>(sorted(r.treaties()));
        IRI meeting = r instanceof Decision d ? d.meeting() : r instanceof Document d ? d.meeting() : null;
        if (meeting != null) {
            out.add(meeting);
        }
        out.addAll(sorted(r.cites()));
        for (FileRef f : r.files()) {
            out.add(f.url());
        }
        return out;
    }
}
