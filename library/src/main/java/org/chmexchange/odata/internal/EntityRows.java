package org.chmexchange.odata.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.chmexchange.informea.InformeaEntitySet;
import org.chmexchange.informea.InformeaIds;
import org.chmexchange.informea.InformeaTreaties;
import org.chmexchange.model.Common;
import org.chmexchange.model.Decision;
import org.chmexchange.model.Document;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.LangText;
import org.chmexchange.model.Meeting;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.Record;
import org.chmexchange.model.RecordType;
import org.chmexchange.model.Site;
import org.chmexchange.model.Treaty;
import org.chmexchange.store.ChangeEntry;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.CHM;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.FOAF;

/**
 * Records as rows of the InforMEA entity types (informea.edmx; docs/INFORMEA.md, "Provider"): one
 * map per entity, property name to value in the Java type Olingo writes for its EDM type (String,
 * Short, Integer, Long, Double, Calendar in UTC); each navigation property's rows are a {@code
 * List<Map>} under its name, for the expand callbacks. The inverse of {@code InformeaMapper}.
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
final class EntityRows {

    /** The {@code protocolVersion} of the InforMEA API spec: 1 (INCUMBENTS.md part B 1.2). */
    static final short PROTOCOL_VERSION = 1;

    /** The namespace of decision keywords that no concept of the thesaurus matches. */
    static final String INFORMEA_TERMS = "http://www.informea.org/terms/";

    /** The UN languages in the order a title without English falls back to. */
    private static final List<String> FALLBACK = List.of("fr", "es", "ar", "ru", "zh");

    private final String base;
    private final Thesaurus thesaurus;
    private final InformeaTreaties treaties;

    EntityRows(String base, Thesaurus thesaurus, InformeaTreaties treaties) {
        this.base = base;
        this.thesaurus = thesaurus;
        this.treaties = treaties;
    }

    /**
     * The entity set a record is served in: its type's, a national report's by its report type
     * ({@link InformeaIds#PLAN_TYPES} in {@code NationalPlans}); empty for the types InforMEA has no
     * entity set for (national targets, organizations).
     */
    Optional<InformeaEntitySet> setOf(Record record) {
        if (record instanceof NationalReport r) {
            return Optional.of(
                    InformeaIds.PLAN_TYPES.contains(code(r.reportType()))
                            ? InformeaEntitySet.NATIONAL_PLANS
                            : InformeaEntitySet.COUNTRY_REPORTS);
        }
        for (InformeaEntitySet set : InformeaEntitySet.values()) {
            if (set.recordType() == record.type()) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
    }

    /** The {@code id} of a record in its entity set. */
    String id(InformeaEntitySet set, IRI record) {
        return InformeaIds.entityId(base, set, record);
    }

    /**
     * The row of a record.
     *
     * @param set the set it is served in ({@link #setOf})
     * @param statements the record's statements, for what the Java model has no field for ({@code
     *     chm:displayOrder}, {@code chm:keyword}, {@code chm:primaryContact}, {@code foaf:page})
     */
    Map<String, Object> row(InformeaEntitySet set, Record record, Model statements) {
        Common c = record.common();
        IRI iri = c.iri();
        String id = set == InformeaEntitySet.TREATIES
                ? treaties.identifier(((Treaty) record).treaty()).orElse(id(set, iri))
                : id(set, iri);
        Row row = new Row(set.setName() + "\n" + id);
        row.put("protocolVersion", PROTOCOL_VERSION);
        row.put("id", id);
        row.put("updated", calendar(c.modified()));
        String page = page(statements, iri);
        switch (set) {
            case DECISIONS -> {
                Decision d = (Decision) record;
                row.put("link", page);
                row.put("type", code(d.decisionType()));
                row.put("status", code(c.status()));
                row.put("number", c.identifier());
                row.put("treaty", treaty(d.treaty()));
                row.put("published", calendar(d.adopted()));
                row.put("meetingId", d.meeting() == null ? null : id(InformeaEntitySet.MEETINGS, d.meeting()));
                row.put("displayOrder", displayOrder(statements, iri));
                row.strings("title", title(c.title(), c.identifier()));
                row.strings("longTitle", LangText.empty());
                row.strings("summary", c.summary());
                row.strings("content", LangText.empty());
                List<Map<String, Object>> keywords = new ArrayList<>();
                for (IRI concept : c.concepts()) {
                    keywords.add(Map.of("namespace", namespace(concept), "term", label(concept)));
                }
                for (String k : keywords(statements, iri)) {
                    keywords.add(Map.of("namespace", INFORMEA_TERMS, "term", k));
                }
                row.nav("keywords", keywords);
                row.files(c.files());
            }
            case MEETINGS -> {
                Meeting m = (Meeting) record;
                row.put("treaty", treaty(m.treaty()));
                row.put("url", page);
                row.put("start", calendar(m.startDate()));
                row.put("end", calendar(m.endDate()));
                row.put("type", m.body() == null ? null : m.body().toLowerCase(Locale.ROOT));
                row.put("city", m.city());
                row.put("country", country(m.country()));
                row.strings("title", title(c.title(), c.identifier()));
                row.strings("description", c.summary());
            }
            case CONTACTS -> {
                FocalPoint f = (FocalPoint) record;
                boolean person = f.contactKind() == FocalPoint.ContactKind.PERSON;
                String first = f.firstName();
                String last = f.lastName();
                if (person && first == null && last == null) {
                    last = f.name();
                }
                row.put("country", country(f.country()));
                row.put("prefix", f.prefix());
                row.put("firstName", first);
                row.put("lastName", last);
                row.put(
                        "type",
                        f.categories().stream().findFirst().map(this::label).orElse(null));
                row.put("position", f.designation().best("en").orElse(null));
                row.put("institution", person ? f.organization().best("en").orElse(null) : f.name());
                row.put(
                        "email",
                        f.emails().stream()
                                .findFirst()
                                .map(e -> strip(e, "mailto:"))
                                .orElse(null));
                row.put(
                        "phoneNumber",
                        f.phones().stream()
                                .findFirst()
                                .map(p -> strip(p, "tel:"))
                                .orElse(null));
                Boolean primary = primary(statements, iri);
                row.put("primary", primary == null ? null : (short) (primary ? 1 : 0));
                row.values("treaties", f.treaties().stream().map(this::treaty).toList());
            }
            case COUNTRY_REPORTS, NATIONAL_PLANS -> {
                NationalReport r = (NationalReport) record;
                row.put(
                        "treaty",
                        r.treaties().stream().findFirst().map(this::treaty).orElse(null));
                row.put("country", country(r.country()));
                if (set == InformeaEntitySet.NATIONAL_PLANS) {
                    row.put("type", code(r.reportType()));
                }
                row.put("url", page);
                row.put("submission", calendar(r.submitted()));
                row.strings("title", title(c.title(), c.identifier()));
                row.files(c.files());
            }
            case SITES -> {
                Site s = (Site) record;
                String treaty = treaty(s.treaty());
                row.put("type", "ramsar".equals(treaty) || "whc".equals(treaty) ? treaty : null);
                row.put("treaty", treaty);
                row.put(
                        "country",
                        String.join(
                                ",", s.countries().stream().map(this::country).toList()));
                row.put("url", page);
                row.put("latitude", s.latitude());
                row.put("longitude", s.longitude());
                row.strings("name", title(c.title(), c.identifier()));
            }
            case TREATIES -> {
                String english = c.title().get("en").orElse(null);
                row.put("url", page);
                row.put("titleEnglish", english);
                row.put("officialNameEnglish", english);
                row.put(
                        "treatyWebsiteURL",
                        statements.filter(iri, FOAF.PAGE, null).stream()
                                .map(st -> st.getObject().stringValue())
                                .findFirst()
                                .orElse(null));
                row.strings("title", title(c.title(), c.identifier()));
                row.strings("description", c.summary());
            }
            case DOCUMENTS -> {
                Document d = (Document) record;
                String treaty = treaty(d.treaty());
                row.put("displayOrder", displayOrder(statements, iri));
                row.put("published", calendar(d.published()));
                row.put("treaty", treaty);
                row.values("treaties", treaty == null ? List.of() : List.of(treaty));
                row.nav("authors", List.of());
                row.strings("description", c.summary());
                row.files(c.files());
                row.nav("identifiers", List.of());
                List<Map<String, Object>> keywords = new ArrayList<>();
                for (IRI concept : c.concepts()) {
                    Map<String, Object> k = new LinkedHashMap<>();
                    k.put("literalForm", label(concept));
                    k.put("termURI", concept.stringValue());
                    keywords.add(k);
                }
                row.nav("keywords", keywords);
                List<Map<String, Object>> refs = new ArrayList<>();
                if (d.meeting() != null) {
                    refs.add(reference(InformeaEntitySet.MEETINGS, d.meeting()));
                }
                for (IRI cited : c.cites()) {
                    referenced(cited).ifPresent(s -> refs.add(reference(s, cited)));
                }
                row.nav("referenceToEntities", refs);
                List<Map<String, Object>> tags = new ArrayList<>();
                for (String k : keywords(statements, iri)) {
                    tags.add(Map.of("value", k));
                }
                row.nav("tags", tags);
                row.strings("title", title(c.title(), c.identifier()));
                row.values("types", d.documentType() == null ? List.of() : List.of(label(d.documentType())));
            }
        }
        return row.finish();
    }

    /** The row of a tombstone (entity type {@code Tombstone}). */
    Map<String, Object> tombstone(ChangeEntry deleted) {
        InformeaEntitySet set = InformeaIds.setOfDeleted(base, deleted.type(), deleted.record());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("uri", deleted.record().stringValue());
        row.put("entitySet", set.setName());
        // a Treaty row was keyed by its treaty's identifier, which the tombstone's treaties keep
        String id = set == InformeaEntitySet.TREATIES
                ? deleted.treaties().stream()
                        .findFirst()
                        .flatMap(treaties::identifier)
                        .orElse(id(set, deleted.record()))
                : id(set, deleted.record());
        row.put("id", id);
        row.put("updated", calendar(deleted.time()));
        return row;
    }

    /** Whether the record type has a tombstone InforMEA can name (a type with an entity set). */
    static boolean served(RecordType type) {
        for (InformeaEntitySet set : InformeaEntitySet.values()) {
            if (set.recordType() == type) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------- value rules

    /**
     * The title with an English text: a record without one also gets, under {@code en}, its title
     * in the first of French, Spanish, Arabic, Russian, Chinese, any language it has; a record with
     * no title at all gets its identifier as its English title (the spec asks every provider for an
     * English title, and InforMEA skips rows without a title; INCUMBENTS.md part B 1.2).
     */
    static LangText title(LangText title, String identifier) {
        if (title.isEmpty()) {
            return LangText.of("en", identifier);
        }
        if (title.get("en").isPresent()) {
            return title;
        }
        for (String lang : FALLBACK) {
            Optional<String> t = title.get(lang);
            if (t.isPresent()) {
                return title.with("en", t.get());
            }
        }
        return title.with("en", title.texts().values().iterator().next());
    }

    /**
     * A code-list concept's code: the notation equal to its IRI's local name (ignoring case), else
     * its first notation (a concept may also carry CBD GUID notations), else the local name.
     */
    private String code(IRI concept) {
        if (concept == null) {
            return null;
        }
        List<String> notations =
                thesaurus.concept(concept).map(Concept::notations).orElse(List.of());
        return notations.stream()
                .filter(n -> n.equalsIgnoreCase(concept.getLocalName()))
                .findFirst()
                .or(() -> notations.stream().findFirst())
                .orElse(concept.getLocalName());
    }

    private String label(IRI concept) {
        return thesaurus.concept(concept).map(c -> c.label("en")).orElse(concept.stringValue());
    }

    private String treaty(IRI treaty) {
        return treaty == null ? null : treaties.identifier(treaty).orElse(treaty.getLocalName());
    }

    private String country(IRI country) {
        return country == null ? null : country.getLocalName().toUpperCase(Locale.ROOT);
    }

    /** The scheme of a concept, as the keyword's namespace; the concept's namespace if it has none. */
    private String namespace(IRI concept) {
        return thesaurus
                .concept(concept)
                .flatMap((Concept c) -> c.schemes().stream().findFirst())
                .map(IRI::stringValue)
                .orElse(concept.getNamespace());
    }

    private Optional<InformeaEntitySet> referenced(IRI cited) {
        String prefix = "/records/";
        String s = cited.stringValue();
        int at = s.lastIndexOf(prefix);
        if (at < 0) {
            return Optional.empty();
        }
        String rest = s.substring(at + prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        return RecordType.fromSlug(rest.substring(0, slash))
                .filter(EntityRows::served)
                .map(type -> InformeaIds.setOfDeleted(base, type, cited));
    }

    private Map<String, Object> reference(InformeaEntitySet set, IRI record) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("type", set == InformeaEntitySet.MEETINGS ? "meeting" : set.setName());
        ref.put("refId", id(set, record));
        return ref;
    }

    private static String page(Model statements, IRI iri) {
        return statements.filter(iri, FOAF.PAGE, null).stream()
                .map(st -> st.getObject().stringValue())
                .findFirst()
                .orElse(iri.stringValue());
    }

    private static Integer displayOrder(Model statements, IRI iri) {
        return statements.filter(iri, CHM.displayOrder, null).stream()
                .map(st -> st.getObject())
                .filter(Value::isLiteral)
                .map(v -> ((Literal) v).intValue())
                .findFirst()
                .orElse(null);
    }

    private static List<String> keywords(Model statements, IRI iri) {
        return statements.filter(iri, CHM.keyword, null).stream()
                .map(st -> st.getObject().stringValue())
                .sorted()
                .toList();
    }

    private static Boolean primary(Model statements, IRI iri) {
        return statements.filter(iri, CHM.primaryContact, null).stream()
                .map(st -> st.getObject())
                .filter(Value::isLiteral)
                .map(v -> ((Literal) v).booleanValue())
                .findFirst()
                .orElse(null);
    }

    private static String strip(IRI iri, String scheme) {
        String s = iri.stringValue();
        return s.startsWith(scheme) ? s.substring(scheme.length()) : s;
    }

    static Calendar calendar(Instant instant) {
        if (instant == null) {
            return null;
        }
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }

    static Calendar calendar(LocalDate date) {
        return date == null ? null : calendar(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** A row being built: properties, and navigation rows with keys unique in their entity set. */
    private static final class Row {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final String parent;

        Row(String parent) {
            this.parent = parent;
        }

        void put(String property, Object value) {
            values.put(property, value);
        }

        /** {@code LocalizableString} rows, one per language, in language order. */
        void strings(String nav, LangText text) {
            List<Map<String, Object>> rows = new ArrayList<>();
            new java.util.TreeMap<>(text.texts()).forEach((lang, value) -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("language", lang);
                r.put("value", value);
                rows.add(r);
            });
            nav(nav, rows);
        }

        /** {@code Value} rows ({@code {value}}), keyed by their value. */
        void values(String nav, List<String> list) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String v : list) {
                if (v != null) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("value", v);
                    rows.add(r);
                }
            }
            values.put(nav, rows);
        }

        void files(List<FileRef> files) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FileRef f : files) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("url", f.url() == null ? null : f.url().stringValue());
                r.put("mimeType", f.mediaType());
                r.put("language", f.language());
                r.put("filename", f.fileName());
                rows.add(r);
            }
            nav("files", rows);
        }

        /** Navigation rows; each gets an {@code id} unique in its entity set (from its parent's key). */
        void nav(String nav, List<Map<String, Object>> rows) {
            List<Map<String, Object>> keyed = new ArrayList<>();
            String prefix = digest(parent) + "-" + nav + "-";
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", prefix + (i + 1));
                r.putAll(rows.get(i));
                keyed.add(r);
            }
            values.put(nav, keyed);
        }

        Map<String, Object> finish() {
            return values;
        }

        private static String digest(String s) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d, 0, 10);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
        }
    }
}
