package org.chmexchange.node.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.chmexchange.model.RecordIris;
import org.chmexchange.node.portal.Models.Field;
import org.chmexchange.node.portal.Models.RecordView;
import org.chmexchange.rdf.Prefixes;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.store.RecordStore;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.DCAT;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.VCARD4;

/**
 * A record's page: its title and description in the reader's language, its main fields with
 * concept labels in that language, its files, the records it links to and the records that link to
 * it (both read from the store: a reverse look-up over the public statements), its provenance (the
 * graph it came through and its last change) and links to its RDF formats.
 *
 * <p>Thread-safety: stateless but for its inputs.
 */
public final class RecordViews {

    /** The most linked records shown each way. */
    public static final int MAX_LINKS = 50;

    /** The most changes of a record its page lists. */
    public static final int HISTORY_SHOWN = 50;

    /** Concept-valued fields shown with their label, in this order. */
    private static final Map<IRI, String> CONCEPT_FIELDS = new LinkedHashMap<>();

    static {
        CONCEPT_FIELDS.put(CHM.treaty, "record.treaty");
        CONCEPT_FIELDS.put(CHM.country, "record.country");
        CONCEPT_FIELDS.put(CHM.focalPointCategory, "record.category");
        CONCEPT_FIELDS.put(CHM.decisionType, "record.kind");
        CONCEPT_FIELDS.put(CHM.documentType, "record.kind");
        CONCEPT_FIELDS.put(CHM.reportType, "record.kind");
        CONCEPT_FIELDS.put(CHM.status, "record.status");
        CONCEPT_FIELDS.put(DCTERMS.SUBJECT, "record.subjects");
    }

    /**
     * The properties by which a record names another record (MODEL.md): the reverse look-up ("records
     * that link here") reads these, each by predicate and object (an index of the store), never by
     * object alone (a scan).
     */
    public static final List<IRI> LINKS = List.of(
            CHM.cites,
            CHM.meeting,
            CHM.parentTreaty,
            DCTERMS.REFERENCES,
            DCTERMS.IS_REFERENCED_BY,
            DCTERMS.IS_PART_OF,
            DCTERMS.HAS_PART,
            DCTERMS.RELATION,
            DCTERMS.REPLACES,
            DCTERMS.IS_REPLACED_BY);

    /** Date fields, in this order. */
    private static final List<IRI> DATES =
            List.of(CHM.adoptionDate, DCTERMS.ISSUED, DCTERMS.DATE_SUBMITTED, Std.SCHEMA_START_DATE, DCTERMS.DATE);

    private RecordViews() {}

    /**
     * The page of {@code record}.
     *
     * @param iri the record IRI
     * @param record its statements (nested resources included)
     * @param store the store it is in, for links, provenance and the reverse look-up
     * @param self the page's own path ({@code /records/decision/x} or {@code /record?iri=...}), for
     *     the language and format links
     */
    public static RecordView of(IRI iri, Model record, RecordStore store, Views v, String self) {
        Messages m = v.m();
        Label title = v.title(iri, record);
        List<Label> languages = new ArrayList<>();
        for (String tag : Views.texts(record, iri, DCTERMS.TITLE).keySet()) {
            String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            if (ReaderLanguage.CODES.contains(primary) && !primary.equals(v.lang())) {
                languages.add(new Label(Page.languageName(primary), primary, Page.Urls.with(self, "lang", primary)));
            }
        }
        List<Field> fields = new ArrayList<>();
        Views.first(record, iri, DCTERMS.IDENTIFIER)
                .ifPresent(id -> fields.add(new Field(m.t("record.identifier"), List.of(Label.of(id)))));
        Label organization = v.text(Views.texts(record, iri, VCARD4.ORGANIZATION_NAME));
        if (organization != null) {
            fields.add(new Field(m.t("record.organization"), List.of(organization)));
        }
        for (Map.Entry<IRI, String> f : CONCEPT_FIELDS.entrySet()) {
            Field field = v.conceptField(m.t(f.getValue()), record, iri, f.getKey());
            if (field != null) {
                fields.add(field);
            }
        }
        List<IRI> meetings = Views.iris(record, iri, CHM.meeting);
        if (!meetings.isEmpty()) {
            fields.add(new Field(
                    m.t("record.meeting"),
                    v.rows(store, new LinkedHashSet<>(meetings), MAX_LINKS).stream()
                            .map(Models.RecordRow::title)
                            .toList()));
        }
        for (IRI date : DATES) {
            List<Label> values = record.filter(iri, date, null).objects().stream()
                    .map(d -> Label.of(d.stringValue()))
                    .toList();
            if (!values.isEmpty()) {
                fields.add(new Field(m.t("record.date") + " (" + Prefixes.shortName(date) + ")", values));
            }
        }
        Label description = v.text(Views.texts(record, iri, DCTERMS.DESCRIPTION));

        List<Label> files = new ArrayList<>();
        for (IRI file : Views.iris(record, iri, CHM.file)) {
            for (IRI url : Views.iris(record, file, DCAT.DOWNLOAD_URL)) {
                String name = Views.first(record, file, CHM.fileName).orElse(url.stringValue());
                String lang = record.filter(file, DCTERMS.LANGUAGE, null).objects().stream()
                        .map(Value::stringValue)
                        .findFirst()
                        .orElse(null);
                files.add(new Label(name + (lang == null ? "" : " (" + lang + ")"), null, safe(url)));
            }
        }

        Set<IRI> outgoing = new LinkedHashSet<>();
        for (Statement st : record) {
            if (st.getObject().isIRI() && !st.getPredicate().equals(RDF.TYPE)) {
                IRI owner = RecordIris.ownerOf((IRI) st.getObject());
                if (!owner.equals(iri) && !st.getPredicate().equals(CHM.meeting)) {
                    outgoing.add(owner);
                }
            }
        }
        outgoing.removeIf(o -> o.stringValue().startsWith(org.chmexchange.vocab.ChmThesaurus.BASE));
        Set<IRI> incoming = store.readPublic(ps -> {
            Set<IRI> found = new LinkedHashSet<>();
            for (IRI link : LINKS) {
                try (Stream<Statement> s = ps.find(null, link, iri, null)) {
                    s.map(Statement::getSubject)
                            .filter(Resource::isIRI)
                            .map(RecordIris::ownerOf)
                            .filter(owner -> !owner.equals(iri) && !found.contains(owner))
                            .distinct()
                            .limit(MAX_LINKS - found.size())
                            .forEach(found::add);
                }
                if (found.size() >= MAX_LINKS) {
                    break;
                }
            }
            return found;
        });

        List<Field> provenance = new ArrayList<>();
        store.graphOf(iri)
                .ifPresent(g -> provenance.add(new Field(m.t("record.graph"), List.of(Label.of(g.stringValue())))));
        store.lastChange(iri).ifPresent(c -> provenance.add(new Field(m.t("record.lastChange"), List.of(change(c)))));
        Views.first(record, iri, DCTERMS.MODIFIED)
                .ifPresent(t -> provenance.add(new Field(m.t("record.modified"), List.of(Label.of(t)))));
        List<Label> same = Views.iris(record, iri, OWL.SAMEAS).stream()
                .map(s -> new Label(s.stringValue(), null, safe(s)))
                .toList();
        if (!same.isEmpty()) {
            provenance.add(new Field(m.t("record.sameAs"), same));
        }

        List<Label> formats = new ArrayList<>();
        for (RecordFormat f : RecordFormat.values()) {
            formats.add(new Label(f.rdfFormat().getName(), null, Page.Urls.with(self, "format", f.fileExtension())));
        }

        List<Label> history = store
                .changes(org.chmexchange.store.ChangeQuery.ALL.ofRecords(Set.of(iri)), 0, HISTORY_SHOWN)
                .items()
                .stream()
                .map(RecordViews::change)
                .toList();

        Map<String, List<Label>> properties = new LinkedHashMap<>();
        for (Statement st : record) {
            String subject = st.getSubject().equals(iri) ? "" : fragment(st.getSubject()) + " ";
            properties
                    .computeIfAbsent(subject + Prefixes.shortName(st.getPredicate()), k -> new ArrayList<>())
                    .add(value(st.getObject(), v));
        }
        return new RecordView(
                title,
                Views.typeOf(iri, record).map(v::typeName).orElse(""),
                iri.stringValue(),
                languages,
                fields,
                description,
                files,
                v.rows(store, outgoing, MAX_LINKS),
                v.rows(store, incoming, MAX_LINKS),
                provenance,
                formats,
                history,
                properties.entrySet().stream()
                        .map(e -> new Field(e.getKey(), e.getValue()))
                        .toList());
    }

    private static Label change(ChangeEntry c) {
        return Label.link(
                c.kind().name().toLowerCase(java.util.Locale.ROOT) + " · " + c.time() + " · #" + c.sequence(),
                "/changes/" + c.sequence());
    }

    private static Label value(Value o, Views v) {
        if (o instanceof Literal l) {
            return new Label(l.getLabel(), l.getLanguage().orElse(null), null);
        }
        if (o.isIRI()) {
            IRI i = (IRI) o;
            if (i.stringValue().startsWith(org.chmexchange.vocab.ChmThesaurus.BASE)) {
                return v.concept(i);
            }
            return new Label(Prefixes.shortName(i), null, safe(i));
        }
        return Label.of(o.stringValue());
    }

    /** The IRI as a link target when it is http(s) or mailto; null (no link) for any other scheme. */
    static String safe(IRI iri) {
        String s = iri.stringValue();
        return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("mailto:") ? s : null;
    }

    private static String fragment(Resource subject) {
        String s = subject.stringValue();
        int hash = s.lastIndexOf('#');
        return hash >= 0 ? s.substring(hash) : s;
    }
}
