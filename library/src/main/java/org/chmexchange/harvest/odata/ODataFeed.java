package org.chmexchange.harvest.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import okhttp3.HttpUrl;
import org.chmexchange.mapping.JsonValues;
import org.chmexchange.xml.UntrustedXml;

/**
 * One page of an OData entity set, read from JSON verbose ({@code {"d":{"results":[...],"__next":...}}},
 * a bare {@code {"d":[...]}}, a single {@code {"d":{...}}}), OData v4 JSON ({@code {"value":[...],
 * "@odata.nextLink":...}}) or Atom/XML (OData v1-v3, {@code <feed><entry>...<m:properties>}, inline
 * feeds for expanded navigation properties, {@code <link rel="next">}), parsed with the hardened StAX
 * factory of {@link UntrustedXml} (no DTD, no external entities). Every form becomes the rows of JSON
 * verbose: properties by name, an expanded navigation property as {@code {"results": [...]}} (or the
 * one object), a deferred one as {@code {"__deferred": {"uri": ...}}}, a collection as an array,
 * {@code Edm.DateTime} as its text; v4 annotations ({@code @odata.*}) are dropped.
 *
 * @param rows the entities; never null
 * @param next the server-driven next link, absolute; null when the page names none
 * @param count the total the server reported ({@code __count}, {@code @odata.count}, {@code
 *     m:count}); null when it reported none
 */
record ODataFeed(List<ObjectNode> rows, String next, Long count) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String METADATA = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";

    /** A body that is not an OData feed; the message says what was wrong. */
    static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    ODataFeed {
        rows = List.copyOf(rows);
    }

    /**
     * Reads a page.
     *
     * @param body the response body
     * @param contentType its {@code Content-Type}; null: guessed from the first character
     * @param url the page's URL, to resolve relative links against
     * @throws FormatException if the body is neither OData JSON nor an Atom feed or entry
     */
    static ODataFeed read(byte[] body, String contentType, HttpUrl url) throws FormatException {
        boolean xml = contentType != null
                ? contentType.contains("xml")
                : new String(body, 0, Math.min(body.length, 64), java.nio.charset.StandardCharsets.UTF_8)
                        .stripLeading()
                        .startsWith("<");
        return xml ? atom(body, url) : json(body, url);
    }

    private static ODataFeed json(byte[] body, HttpUrl url) throws FormatException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new FormatException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FormatException("not a JSON object", null);
        }
        List<ObjectNode> rows = new ArrayList<>();
        if (root.has("d")) {
            JsonNode d = root.get("d");
            JsonNode list = d.isArray() ? d : d.get("results");
            if (list != null && list.isArray()) {
                list.forEach(r -> addRow(rows, r));
                return new ODataFeed(rows, link(url, JsonValues.text(d, "__next")), JsonValues.longValue(d, "__count"));
            }
            if (d.isObject()) {
                addRow(rows, d);
                return new ODataFeed(rows, null, null);
            }
            throw new FormatException("'d' is neither a list of entities nor an entity", null);
        }
        if (root.has("value") && root.get("value").isArray()) {
            root.get("value").forEach(r -> addRow(rows, r));
            String next =
                    JsonValues.first(JsonValues.text(root, "@odata.nextLink"), JsonValues.text(root, "odata.nextLink"));
            Long count = root.has("@odata.count")
                    ? JsonValues.longValue(root, "@odata.count")
                    : JsonValues.longValue(root, "odata.count");
            return new ODataFeed(rows, link(url, next), count);
        }
        throw new FormatException("neither a JSON verbose ('d') nor an OData v4 ('value') response", null);
    }

    private static void addRow(List<ObjectNode> rows, JsonNode row) {
        if (row.isObject()) {
            rows.add(withoutAnnotations((ObjectNode) row));
        }
    }

    /** A v4 row without its {@code @odata.*} annotations, nested rows included. */
    private static ObjectNode withoutAnnotations(ObjectNode row) {
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().contains("@odata.") || e.getKey().startsWith("odata.")) {
                it.remove();
            } else if (e.getValue().isObject()) {
                withoutAnnotations((ObjectNode) e.getValue());
            } else if (e.getValue().isArray()) {
                e.getValue().forEach(v -> {
                    if (v.isObject()) {
                        withoutAnnotations((ObjectNode) v);
                    }
                });
            }
        }
        return row;
    }

    // ------------------------------------------------------------------------------------ Atom

    private static ODataFeed atom(byte[] body, HttpUrl url) throws FormatException {
        try {
            XMLStreamReader r = UntrustedXml.input().createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                    // prolog
                }
                if (!r.isStartElement()) {
                    throw new FormatException("an empty XML document", null);
                }
                if (isAtom(r, "feed")) {
                    Feed feed = feed(r, url);
                    return new ODataFeed(feed.rows, feed.next, feed.count);
                }
                if (isAtom(r, "entry")) {
                    return new ODataFeed(List.of(entry(r, url)), null, null);
                }
                throw new FormatException(
                        "the XML is neither an Atom feed nor an entry: <" + r.getLocalName() + ">", null);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new FormatException("malformed XML: " + e.getMessage(), e);
        }
    }

    private record Feed(List<ObjectNode> rows, String next, Long count) {}

    /** Reads {@code <feed>} from its start tag to its end tag. */
    private static Feed feed(XMLStreamReader r, HttpUrl url) throws XMLStreamException {
        List<ObjectNode> rows = new ArrayList<>();
        String next = null;
        Long count = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && isAtom(r, "entry")) {
                    rows.add(entry(r, url));
                    continue; // entry() consumed the end tag
                }
                if (depth == 1 && isAtom(r, "link") && "next".equals(r.getAttributeValue(null, "rel"))) {
                    next = link(url, r.getAttributeValue(null, "href"));
                } else if (depth == 1 && METADATA.equals(r.getNamespaceURI()) && "count".equals(r.getLocalName())) {
                    count = parseLong(r.getElementText());
                    continue; // getElementText() consumed the end tag
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Feed(rows, next, count);
    }

    /** Reads {@code <entry>} from its start tag to its end tag. */
    private static ObjectNode entry(XMLStreamReader r, HttpUrl url) throws XMLStreamException {
        ObjectNode row = NODES.objectNode();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (METADATA.equals(r.getNamespaceURI()) && "properties".equals(r.getLocalName())) {
                    properties(r, row);
                    continue;
                }
                if (depth == 1 && isAtom(r, "link")) {
                    navigation(r, row, url);
                    continue;
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return row;
    }

    /** A {@code <link>} of an entry: an inline feed or entry, or a deferred navigation property. */
    private static void navigation(XMLStreamReader r, ObjectNode row, HttpUrl url) throws XMLStreamException {
        String rel = r.getAttributeValue(null, "rel");
        String name = r.getAttributeValue(null, "title");
        if (rel != null && rel.contains("/related/")) {
            name = rel.substring(rel.lastIndexOf('/') + 1);
        }
        String href = r.getAttributeValue(null, "href");
        boolean related = rel != null && rel.contains("/related/");
        JsonNode value = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (isAtom(r, "feed")) {
                    ArrayNode results = NODES.arrayNode();
                    feed(r, url).rows.forEach(results::add);
                    value = NODES.objectNode().set("results", results);
                    continue;
                }
                if (isAtom(r, "entry")) {
                    value = entry(r, url);
                    continue;
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (!related || name == null) {
            return;
        }
        if (value == null) {
            String uri = link(url, href);
            value = uri == null
                    ? NODES.nullNode()
                    : NODES.objectNode().set("__deferred", NODES.objectNode().put("uri", uri));
        }
        row.set(name, value);
    }

    /** {@code <m:properties>}: each child a property. */
    private static void properties(XMLStreamReader r, ObjectNode row) throws XMLStreamException {
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                row.set(name, value(r));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
        }
    }

    /** The value of a property element (at its start tag), read to its end tag. */
    private static JsonNode value(XMLStreamReader r) throws XMLStreamException {
        String type = r.getAttributeValue(METADATA, "type");
        boolean isNull = "true".equals(r.getAttributeValue(METADATA, "null"));
        StringBuilder text = new StringBuilder();
        ObjectNode complex = null;
        ArrayNode collection = type != null && type.startsWith("Collection(") ? NODES.arrayNode() : null;
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String child = r.getLocalName();
                JsonNode v = value(r);
                if (collection != null) {
                    collection.add(v);
                } else {
                    if (complex == null) {
                        complex = NODES.objectNode();
                    }
                    complex.set(child, v);
                }
            } else if (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (collection != null) {
            return collection;
        }
        if (complex != null) {
            return complex;
        }
        if (isNull) {
            return NODES.nullNode();
        }
        return primitive(type, text.toString());
    }

    private static JsonNode primitive(String type, String text) {
        if (type == null) {
            return NODES.textNode(text);
        }
        try {
            switch (type) {
                case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte":
                    return NODES.numberNode(Long.parseLong(text.strip()));
                case "Edm.Double", "Edm.Single", "Edm.Decimal":
                    return NODES.numberNode(Double.parseDouble(text.strip()));
                case "Edm.Boolean":
                    return NODES.booleanNode(Boolean.parseBoolean(text.strip()));
                default:
                    return NODES.textNode(text);
            }
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }

    private static boolean isAtom(XMLStreamReader r, String name) {
        return ATOM.equals(r.getNamespaceURI()) && name.equals(r.getLocalName());
    }

    // ---------------------------------------------------------------------------------- helpers

    private static String link(HttpUrl base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        HttpUrl resolved = base.resolve(href.strip());
        return resolved == null ? null : resolved.toString();
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
