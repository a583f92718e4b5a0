package org.chmexchange.node.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The hostile bodies of {@link HostileInputTest}, generated over every write route ({@code PUT
 * /records/{type}/{id}}, {@code PUT /records?iri=}, {@code POST /records}) and every body format:
 * literals the node could not write in every format (ill-formed language tags, control characters,
 * U+FFFE/U+FFFF), bytes that are not UTF-8, and records whose IRI is not in normal form. Each is
 * written in the format's own syntax for the same RDF, so every parser path meets every rule.
 */
final class HostileMatrix {

    private HostileMatrix() {}

    /** A write request. */
    record Write(String name, Request request) {}

    /** The formats, with how a decision with one title literal is written in each. */
    enum Format {
        TURTLE("text/turtle"),
        TRIG("application/trig"),
        NTRIPLES("application/n-triples"),
        NQUADS("application/n-quads"),
        JSONLD("application/ld+json"),
        RDFXML("application/rdf+xml");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        /**
         * The decision {@code iri} with a title whose lexical form is {@code escapedText} (already
         * escaped for the format's string syntax) and language {@code lang}.
         */
        String decision(String iri, String escapedText, String lang) {
            String type = "https://w3id.org/chm-exchange/ns#Decision";
            String title = "http://purl.org/dc/terms/title";
            return switch (this) {
                case TURTLE -> "<" + iri + "> a <" + type + "> ; <" + title + "> \"" + escapedText + "\"@" + lang
                        + " .";
                case TRIG -> "{ <" + iri + "> a <" + type + "> ; <" + title + "> \"" + escapedText + "\"@" + lang
                        + " . }";
                case NTRIPLES -> "<" + iri + "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" + type + "> .\n<"
                        + iri + "> <" + title + "> \"" + escapedText + "\"@" + lang + " .\n";
                case NQUADS -> "<" + iri + "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" + type
                        + "> <http://g.example.org/> .\n<" + iri + "> <" + title + "> \"" + escapedText + "\"@" + lang
                        + " <http://g.example.org/> .\n";
                case JSONLD -> "{\"@id\": \"" + iri + "\", \"@type\": \"" + type + "\", \"" + title
                        + "\": {\"@value\": \"" + escapedText + "\", \"@language\": \"" + lang + "\"}}";
                case RDFXML -> "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                        + " xmlns:dc=\"http://purl.org/dc/terms/\"><rdf:Description rdf:about=\"" + iri + "\">"
                        + "<rdf:type rdf:resource=\"" + type + "\"/><dc:title xml:lang=\"" + lang + "\">"
                        + escapedText + "</dc:title></rdf:Description></rdf:RDF>";
            };
        }

        /** A control or non-character code point, escaped in the format's string syntax. */
        String escape(int codePoint) {
            return switch (this) {
                case RDFXML -> "&#" + codePoint + ";";
                default -> String.format("\\u%04X", codePoint);
            };
        }
    }

    /** The write routes, each aimed at {@code {base}records/decision/{id}}. */
    enum Route {
        PUT_PATH,
        PUT_IRI,
        POST;

        Request request(String root, String base, String token, String id, Format format, byte[] body) {
            String iri = base + "records/decision/" + id;
            Request.Builder b = new Request.Builder().header("Authorization", "Bearer " + token);
            RequestBody rb = RequestBody.create(body, MediaType.get(format.mediaType));
            return switch (this) {
                case PUT_PATH -> b.url(root + "records/decision/" + id).put(rb).build();
                case PUT_IRI -> b.url(root + "records?iri=" + java.net.URLEncoder.encode(iri, StandardCharsets.UTF_8))
                        .put(rb)
                        .build();
                case POST -> b.url(root + "records").post(rb).build();
            };
        }
    }

    static final String[] BAD_TAGS = {"en--gb", "abcdefghi", "a".repeat(5000), "-en", "en_GB"};
    /** String escapes that no text format's grammar has (RDF 1.1 Turtle 6.4, RFC 8259 section 7). */
    static final String[] BAD_ESCAPES = {"\\q", "\\x41", "\\/", "\\a"};

    static final int[] BAD_CODE_POINTS = {0x0, 0x1, 0x8, 0xB, 0x1F, 0xFFFE, 0xFFFF};
    static final byte[][] NOT_UTF8 = {
        {(byte) 0xFF, (byte) 0xFE},
        {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE9, (byte) 0x20}
    };

    /** Every generated write. */
    static List<Write> writes(String root, String base, String token) {
        List<Write> writes = new ArrayList<>();
        for (Route route : Route.values()) {
            String iri = base + "records/decision/hostile";
            for (Format format : Format.values()) {
                for (String tag : BAD_TAGS) {
                    writes.add(new Write(
                            route + " " + format + " language tag "
                                    + (tag.length() > 12 ? tag.length() + " letters" : tag),
                            route.request(root, base, token, "hostile", format, utf8(format.decision(iri, "x", tag)))));
                }
                for (int cp : BAD_CODE_POINTS) {
                    writes.add(titled(
                            route, format, "U+" + String.format("%04X", cp), format.escape(cp), root, base, token));
                }
                if (format != Format.RDFXML) {
                    for (String escape : BAD_ESCAPES) {
                        if (format == Format.JSONLD && escape.equals("\\/")) {
                            continue; // a valid JSON escape
                        }
                        writes.add(titled(route, format, "escape " + escape, escape, root, base, token));
                    }
                    for (byte[] bad : NOT_UTF8) {
                        byte[] doc = utf8(format.decision(iri, "a@@b", "en"));
                        writes.add(new Write(
                                route + " " + format + " bytes " + hex(bad),
                                route.request(root, base, token, "hostile", format, splice(doc, "@@", bad))));
                    }
                }
            }
        }
        return writes;
    }

    /** A write of the hostile decision whose English title is {@code a}, {@code inner} (as written), {@code b}. */
    private static Write titled(
            Route route, Format format, String label, String inner, String root, String base, String token) {
        String iri = base + "records/decision/hostile";
        return new Write(
                route + " " + format + " " + label,
                route.request(
                        root, base, token, "hostile", format, utf8(format.decision(iri, "a" + inner + "b", "en"))));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code doc} with the first occurrence of {@code marker} replaced by {@code bytes}. */
    static byte[] splice(byte[] doc, String marker, byte[] bytes) {
        String s = new String(doc, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(marker);
        byte[] out = new byte[doc.length - marker.length() + bytes.length];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(doc, at + marker.length(), out, at + bytes.length, doc.length - at - marker.length());
        return out;
    }

    static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            b.append(String.format("%02X", x & 0xFF));
        }
        return b.toString();
    }
}
