package org.chmexchange.node.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.portal.Models.Field;
import org.chmexchange.node.portal.Models.RecordRow;
import org.chmexchange.rdf.Prefixes;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.RecordSummary;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Languages;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;

/**
 * The one place that turns records, summaries and concepts into what pages show, in the reader's
 * language: titles, labels, and the portal's links to records, concepts and countries. Every link
 * keeps the reader's {@code lang}.
 *
 * <p>Thread-safety: immutable; one per request (it holds the reader's language).
 */
public final class Views {

    private final Thesaurus thesaurus;
    private final String base;
    private final Messages m;

    /**
     * @param thesaurus the node's thesaurus (shared and imported concepts)
     * @param base the node's base IRI, ending with {@code /}
     * @param m the reader's words
     */
    public Views(Thesaurus thesaurus, String base, Messages m) {
        this.thesaurus = thesaurus;
        this.base = base;
        this.m = m;
    }

    /** The reader's words. */
    public Messages m() {
        return m;
    }

    /** The reader's language tag. */
    public String lang() {
        return m.language().code();
    }

    /** The name of a record type in the reader's language. */
    public String typeName(RecordType type) {
        return m.t("type." + type.slug());
    }

    /**
     * The portal address of a record: its own path for a record minted under the node's base, else
     * {@code /record?iri=...}.
     */
    public String recordHref(IRI iri) {
        String s = iri.stringValue();
        String path = org.chmexchange.model.RecordIris.mintedType(base, iri).isPresent()
                ? "/" + s.substring(base.length())
                : "/record?iri=" + Page.Urls.encode(s);
        return withLang(path);
    }

    /** The portal address of a concept's page. */
    public String conceptHref(IRI concept) {
        return withLang("/thesaurus/concept?iri=" + Page.Urls.encode(concept.stringValue()));
    }

    /** The portal address of a concept scheme's page. */
    public String schemeHref(IRI scheme) {
        return withLang("/thesaurus/top?scheme=" + Page.Urls.encode(scheme.stringValue()));
    }

    /** The country code of a country concept ({@code fr}), if it is one. */
    public static Optional<String> countryCode(IRI concept) {
        String prefix = ChmThesaurus.scheme(ChmThesaurus.COUNTRIES).stringValue() + "/";
        String s = concept.stringValue();
        String code = s.startsWith(prefix) ? s.substring(prefix.length()) : "";
        return code.matches("[a-z]{2}") ? Optional.of(code) : Optional.empty();
    }

    /** The portal address of a country's page. */
    public String countryHref(String code) {
        return withLang("/countries/" + code.toLowerCase(Locale.ROOT));
    }

    /** {@code path} with the reader's {@code lang} added. */
    public String withLang(String path) {
        return Page.Urls.with(path, "lang", lang());
    }

    /** A concept's label in the reader's language, linking to its page (its IRI when unknown). */
    public Label concept(IRI iri) {
        Optional<Concept> c = thesaurus.concept(iri);
        if (c.isEmpty()) {
            return new Label(Prefixes.shortName(iri), null, conceptHref(iri));
        }
        return new Label(c.get().label(lang()), c.get().labelLanguage(lang()), conceptHref(iri));
    }

    /** A concept's label in the reader's language, as plain text. */
    public Label conceptText(IRI iri) {
        Label l = concept(iri);
        return new Label(l.text(), l.lang(), null);
    }

    /**
     * The text of {@code texts} (language tag to text) in the reader's language, with the project's
     * one fallback ({@link Languages#pick}); null when empty.
     */
    public Label text(Map<String, String> texts) {
        Map<String, String> normalized = new LinkedHashMap<>();
        texts.forEach((tag, text) -> normalized.putIfAbsent(tag.toLowerCase(Locale.ROOT), text));
        return Languages.pick(normalized, lang())
                .map(tag -> new Label(normalized.get(tag), tag, null))
                .orElse(null);
    }

    /** A record in a list: its title in the reader's language, else its identifier, else its IRI. */
    public RecordRow row(RecordSummary s) {
        Label title = text(s.title());
        String text = title != null
                ? title.text()
                : s.identifier().isEmpty() ? s.iri().stringValue() : s.identifier();
        return new RecordRow(
                new Label(text, title == null ? null : title.lang(), recordHref(s.iri())),
                typeName(s.type()),
                s.identifier(),
                s.modified() == null ? null : s.modified().toString());
    }

    /**
     * An {@code xsd:dateTime} as shown in lists (an ISO 8601 instant, read as the record index reads
     * {@code dcterms:modified}), or null when it is not one.
     */
    private static String dateTime(Value value) {
        try {
            return ((Literal) value)
                    .calendarValue()
                    .toGregorianCalendar()
                    .toInstant()
                    .toString();
        } catch (ClassCastException | IllegalArgumentException notADateTime) {
            return null;
        }
    }

    /** A record in a list, from the record itself. */
    public RecordRow row(IRI iri, Model record) {
        RecordType type = typeOf(iri, record).orElse(RecordType.DOCUMENT);
        Label title = title(iri, record);
        String modified = record.filter(iri, DCTERMS.MODIFIED, null).objects().stream()
                .map(Views::dateTime)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new RecordRow(
                new Label(title.text(), title.lang(), recordHref(iri)),
                typeName(type),
                first(record, iri, DCTERMS.IDENTIFIER).orElse(""),
                modified);
    }

    /**
     * The heading of a record: its title in the reader's language, else a focal point's or
     * organisation's name ({@code vcard:fn}), else its identifier, else its IRI.
     */
    public Label title(IRI iri, Model record) {
        Label title = text(texts(record, iri, DCTERMS.TITLE));
        if (title != null) {
            return title;
        }
        Label name = text(texts(record, iri, VCARD4.FN));
        if (name != null) {
            return name;
        }
        return Label.of(first(record, iri, DCTERMS.IDENTIFIER).orElse(iri.stringValue()));
    }

    /** The record type of a record, from its {@code rdf:type}. */
    public static Optional<RecordType> typeOf(IRI iri, Model record) {
        for (Value t : record.filter(iri, RDF.TYPE, null).objects()) {
            if (t.isIRI()) {
                Optional<RecordType> type = RecordType.fromClass((IRI) t);
                if (type.isPresent()) {
                    return type;
                }
            }
        }
        return Optional.empty();
    }

    /** The literals of a property by language tag (lower case; {@code ""} for untagged), first per tag. */
    public static Map<String, String> texts(Model record, IRI subject, IRI property) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Value v : record.filter(subject, property, null).objects()) {
            if (v instanceof Literal l) {
                texts.putIfAbsent(
                        l.getLanguage().map(t -> t.toLowerCase(Locale.ROOT)).orElse(""), l.getLabel());
            }
        }
        return texts;
    }

    /** The first value of a property, as text. */
    public static Optional<String> first(Model record, IRI subject, IRI property) {
        return record.filter(subject, property, null).objects().stream()
                .map(Value::stringValue)
                .findFirst();
    }

    /** The IRI values of a property, in IRI order. */
    public static List<IRI> iris(Model record, IRI subject, IRI property) {
        return record.filter(subject, property, null).objects().stream()
                .filter(Value::isIRI)
                .map(v -> (IRI) v)
                .sorted(Comparator.comparing(IRI::stringValue))
                .toList();
    }

    /** A field of concept values, labelled in the reader's language; null when the record has none. */
    public Field conceptField(String name, Model record, IRI subject, IRI property) {
        List<Label> values = new ArrayList<>();
        for (IRI c : iris(record, subject, property)) {
            Optional<String> country = property.equals(CHM.country) ? countryCode(c) : Optional.empty();
            Label label = concept(c);
            values.add(country.map(code -> new Label(label.text(), label.lang(), countryHref(code)))
                    .orElse(label));
        }
        return values.isEmpty() ? null : new Field(name, values);
    }

    /** The distinct record IRIs among {@code iris} (a nested node {@code record#part} counts as its record). */
    public static Set<IRI> recordsOf(Iterable<? extends Value> iris) {
        Set<IRI> records = new LinkedHashSet<>();
        for (Value v : iris) {
            if (v.isIRI()) {
                records.add(org.chmexchange.model.RecordIris.ownerOf((IRI) v));
            }
        }
        return records;
    }

    /** Reads the records among {@code iris} from the store, as rows; those it does not hold are left out. */
    public List<RecordRow> rows(RecordStore store, Set<IRI> iris, int max) {
        List<RecordRow> rows = new ArrayList<>();
        for (IRI iri : iris) {
            if (rows.size() >= max) {
                break;
            }
            store.get(iri).ifPresent(record -> rows.add(row(iri, record)));
        }
        return rows;
    }
}
