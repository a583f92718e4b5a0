package org.chmexchange.node.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.chmexchange.rdf.Prefixes;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;

/**
 * A readable HTML page of a record for browsers: its title, then one row per statement, with
 * thesaurus concepts shown by their English label and links to records and concepts. All text is
 * HTML-escaped.
 */
final class HtmlView {

    private HtmlView() {}

    static String record(IRI iri, Model record, Thesaurus thesaurus, String base) {
        String title = record.filter(iri, DCTERMS.TITLE, null).objects().stream()
                .map(Value::stringValue)
                .findFirst()
                .orElseGet(() -> record.filter(iri, DCTERMS.IDENTIFIER, null).objects().stream()
                        .map(Value::stringValue)
                        .findFirst()
                        .orElse(iri.stringValue()));
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title))
                .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
                        + "table{border-collapse:collapse;width:100%}td{border-top:1px solid #ddd;padding:.3em;vertical-align:top}"
                        + "td:first-child{color:#555;white-space:nowrap}small{color:#777}</style></head><body>\n<h1>")
                .append(escape(title))
                .append("</h1>\n<p><code>")
                .append(escape(iri.stringValue()))
                .append("</code></p>\n<table>\n");
        for (Resource subject : record.subjects()) {
            for (Statement st : record.filter(subject, null, null)) {
                html.append("<tr><td>");
                if (!subject.equals(iri)) {
                    html.append(escape(fragment(subject))).append(' ');
                }
                html.append(escape(Prefixes.shortName(st.getPredicate())))
                        .append("</td><td>")
                        .append(value(st.getObject(), thesaurus, base))
                        .append("</td></tr>\n");
            }
        }
        html.append("</table>\n<p><small>Also available as Turtle, JSON-LD, RDF/XML, N-Triples and N-Quads"
                + " by content negotiation (Accept header).</small></p>\n</body></html>\n");
        return html.toString();
    }

    private static String value(Value v, Thesaurus thesaurus, String base) {
        if (v instanceof Literal l) {
            String lang = l.getLanguage()
                    .map(t -> " <small>@" + escape(t) + "</small>")
                    .orElse("");
            return escape(l.getLabel()) + lang;
        }
        if (v.isIRI()) {
            IRI iri = (IRI) v;
            Optional<Concept> concept = thesaurus.concept(iri);
            if (concept.isPresent()) {
                return "<a href=\"/thesaurus/concept?iri="
                        + URLEncoder.encode(iri.stringValue(), StandardCharsets.UTF_8) + "\">"
                        + escape(concept.get().label("en")) + "</a>";
            }
            String s = iri.stringValue();
            if (!(s.startsWith("http://") || s.startsWith("https://") || s.startsWith("mailto:"))) {
                return escape(Prefixes.shortName(iri)); // never link other schemes (javascript:, data:)
            }
            String label = s.startsWith(base) ? s.substring(base.length()) : Prefixes.shortName(iri);
            return "<a href=\"" + escape(s) + "\">" + escape(label) + "</a>";
        }
        return escape(v.stringValue());
    }

    private static String fragment(Resource subject) {
        String s = subject.stringValue();
        int hash = s.lastIndexOf('#');
        return hash >= 0 ? s.substring(hash) : s;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
