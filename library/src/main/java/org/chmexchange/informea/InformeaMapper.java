package org.chmexchange.informea;

import static org.chmexchange.mapping.JsonValues.first;
import static org.chmexchange.mapping.JsonValues.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.HttpUrl;
import org.chmexchange.mapping.JsonValues;
import org.chmexchange.mapping.SourceValues;
import org.chmexchange.model.Common;
import org.chmexchange.model.Decision;
import org.chmexchange.model.Document;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.LangText;
import org.chmexchange.model.Meeting;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.Record;
import org.chmexchange.model.Site;
import org.chmexchange.model.Treaty;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.FOAF;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.jsoup.Jsoup;

/**
 * Maps rows of the InforMEA OData entity sets (INCUMBENTS.md part B 1.2) to records (docs/INFORMEA.md,
 * "Mapping"). A row is a JSON object as JSON verbose serves it; the OData harvester brings Atom and v4
 * rows to that shape. Navigation properties are {@code {"results": [...]}} or plain arrays.
 *
 * <ul>
 *   <li>Record IRI by {@link InformeaIds}: {@code {base}records/{type}/{id}}, a national plan's
 *       {@code {base}records/national-report/plan-{id}} (its ids may repeat those of country
 *       reports), an id that is an http(s) IRI as it is; a decision's {@code meetingId} names the meeting's IRI, so decisions and meetings harvested
 *       under one base link up. The row's {@code id} is kept as {@code chm:informeaId}.
 *   <li>Multilingual text by {@link LocalizableStrings}; HTML (summaries, content) cleaned to text with
 *       jsoup (entities decoded, markup dropped), the HTML kept in {@code chm:sourceDocument}.
 *   <li>Treaties by {@link InformeaTreaties}; rows without one get the source's default treaty.
 *       Countries: ISO 3166-1 alpha-2 or alpha-3, any case.
 *   <li>Keywords: a concept of the thesaurus by term URI ({@code termURI}, or a concept's {@code
 *       skos:exactMatch}), else by label; the others kept as {@code chm:keyword}.
 *   <li>Kept besides the record: {@code displayOrder} ({@code chm:displayOrder}), {@code primary}
 *       ({@code chm:primaryContact}), the row's page ({@code link}, {@code url}: {@code foaf:page}),
 *       and the row as read ({@code chm:sourceDocument}, without {@code __metadata}), so no field is
 *       lost.
 * </ul>
 *
 * <p>Each oddity (a language or country code normalised, HTML cleaned, control characters removed,
 * {@code Id} for {@code id}, {@code phone} for {@code phoneNumber}, vendor fields, a missing {@code
 * updated}, a file link that is not a URL) is one notice of the {@link InformeaRecord}.
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class InformeaMapper {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final IRI COUNTRIES = ChmThesaurus.scheme(ChmThesaurus.COUNTRIES);
    private static final IRI TREATY_SCHEME = ChmThesaurus.scheme(ChmThesaurus.TREATIES);

    private final String base;
    private final Thesaurus thesaurus;
    private final InformeaTreaties treaties;
    private final IRI defaultTreaty;
    private final Map<String, IRI> byExactMatch = new HashMap<>();

    /**
     * @param base the base IRI records are minted under, ending in {@code /}
     * @param thesaurus the thesaurus countries, types and keywords are looked up in
     * @param treaties the treaty look-up
     * @param defaultTreaty the treaty of rows that name none; null for none (such rows are skipped)
     * @throws IllegalArgumentException if {@code base} is not an http(s) IRI ending in {@code /}
     */
    public InformeaMapper(String base, Thesaurus thesaurus, InformeaTreaties treaties, IRI defaultTreaty) {
        Objects.requireNonNull(base, "base");
        if (!(base.startsWith("http://") || base.startsWith("https://")) || !base.endsWith("/")) {
            throw new IllegalArgumentException("A record base is an http(s) IRI ending in '/': " + base);
        }
        this.base = base;
        this.thesaurus = Objects.requireNonNull(thesaurus, "thesaurus");
        this.treaties = Objects.requireNonNull(treaties, "treaties");
        this.defaultTreaty = defaultTreaty;
        for (Concept c : thesaurus.concepts()) {
            c.exactMatch().forEach(m -> byExactMatch.putIfAbsent(m.stringValue(), c.iri()));
        }
    }

    /** The base records are minted under. */
    public String base() {
        return base;
    }

    /**
     * The record IRI of a row of {@code set}.
     *
     * @throws InformeaMappingException if the row has no {@code id}
     */
    public IRI recordIri(InformeaEntitySet set, JsonNode row) {
        return recordIri(set, id(row));
    }

    /** The record IRI of the row of {@code set} with that {@code id}. */
    public IRI recordIri(InformeaEntitySet set, String id) {
        try {
            return InformeaIds.recordIri(base, set, id);
        } catch (IllegalArgumentException e) {
            throw new InformeaMappingException("The " + set.typeName() + " id '" + id + "' cannot name a record");
        }
    }

    /**
     * The record of one row.
     *
     * @param set the entity set it was read from
     * @param row the row; not null
     * @throws InformeaMappingException if it cannot be a record (the message names the row and says why)
     */
    public InformeaRecord map(InformeaEntitySet set, JsonNode row) {
        Objects.requireNonNull(row, "row");
        if (!row.isObject()) {
            throw new InformeaMappingException("A " + set.typeName() + " row is not a JSON object");
        }
        Mapping m = new Mapping(set, row);
        Record record;
        try {
            record = switch (set) {
                case DECISIONS -> m.decision();
                case MEETINGS -> m.meeting();
                case CONTACTS -> m.contact();
                case COUNTRY_REPORTS -> m.report(ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "country-report"));
                case NATIONAL_PLANS -> m.report(m.planType());
                case SITES -> m.site();
                case TREATIES -> m.treatyRecord();
                case DOCUMENTS -> m.document();
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InformeaMappingException(
                    "The " + set.typeName() + " " + m.iri + " is not a valid record: " + e.getMessage());
        }
        Model statements = RecordMapper.toRdf(record);
        m.extras(statements);
        return new InformeaRecord(record, statements, m.notices);
    }

    /** The mapping of one row, collecting its notices. */
    private final class Mapping {
        final InformeaEntitySet set;
        final JsonNode row;
        final String id;
        final IRI iri;
        final List<String> notices = new ArrayList<>();
        final Set<String> keywords = new LinkedHashSet<>();
        IRI page;

        Mapping(InformeaEntitySet set, JsonNode row) {
            this.set = set;
            this.row = row;
            this.id = id(row);
            this.iri = recordIri(set, id);
            if (!row.has("id")) {
                notice("the key is '" + (row.has("Id") ? "Id" : "ID") + "', not 'id'");
            }
            Set<String> vendor = new TreeSet<>();
            row.fieldNames().forEachRemaining(f -> {
                if (f.startsWith("brs")) {
                    vendor.add(f);
                }
            });
            if (!vendor.isEmpty()) {
                notice("vendor fields " + vendor + " kept in the source document only");
            }
        }

        Common.Builder common(String identifier, LangText title, LangText summary) {
            Instant updated = ODataDates.instant(text(row, "updated"));
            if (updated == null) {
                notice(text(row, "updated") == null ? "no updated" : "updated is not a date: " + text(row, "updated"));
            }
            return Common.builder(iri, identifier)
                    .title(title)
                    .summary(summary)
                    .modifiedAtSource(updated)
                    .informeaId(id);
        }

        Decision decision() {
            LangText title = titled(lang("title"), lang("longTitle"));
            LangText summary = merge(lang("summary"), lang("content"));
            IRI type = code("type", ChmThesaurus.DECISION_TYPES)
                    .orElse(ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, "decision"));
            String meetingId = text(row, "meetingId");
            Common common = common(first(text(row, "number"), id), title, summary)
                    .status(code("status", ChmThesaurus.STATUSES).orElse(null))
                    .concepts(keywords("keywords"))
                    .files(files())
                    .build();
            page = link(text(row, "link"), "link");
            return new Decision(
                    common,
                    treaty(),
                    type,
                    meetingId == null ? null : recordIri(InformeaEntitySet.MEETINGS, meetingId),
                    date("published"));
        }

        Meeting meeting() {
            LocalDate start = date("start");
            if (start == null) {
                throw new InformeaMappingException("The Meeting " + iri + " has no start date (status "
                        + text(row, "status") + "); a meeting record needs one");
            }
            page = link(text(row, "url"), "url");
            String type = text(row, "type");
            return Meeting.builder(
                            common(id, titled(lang("title")), lang("description"))
                                    .build(),
                            treaty(),
                            start)
                    .body(type == null ? null : type.toUpperCase(Locale.ROOT))
                    .endDate(date("end"))
                    .city(first(text(row, "city"), text(row, "location")))
                    .country(optionalCountry("country"))
                    .build();
        }

        FocalPoint contact() {
            Set<IRI> contactTreaties = new LinkedHashSet<>();
            for (String value : values(row.get("treaties"))) {
                treaties.resolve(value)
                        .ifPresentOrElse(
                                contactTreaties::add,
                                () -> notice("treaty '" + value + "' is not in the treaty scheme; left out"));
            }
            Set<IRI> categories = new LinkedHashSet<>();
            for (JsonNode role : rows(row.get("roles"))) {
                String treaty = text(role, "treaty");
                if (treaty != null) {
                    treaties.resolve(treaty).ifPresent(contactTreaties::add);
                }
                for (String name : values(role.get("roles"))) {
                    category(name).ifPresentOrElse(categories::add, () -> keywords.add(name));
                }
            }
            if (contactTreaties.isEmpty()) {
                contactTreaties.add(treaty());
            }
            if (categories.isEmpty()) {
                categories.add(ChmThesaurus.concept(ChmThesaurus.FOCAL_POINT_CATEGORIES, "NFP"));
            }
            String firstName = text(row, "firstName");
            String lastName = text(row, "lastName");
            String institution = text(row, "institution");
            String name = SourceValues.join(firstName, lastName);
            FocalPoint.ContactKind kind = FocalPoint.ContactKind.PERSON;
            if (name == null) {
                name = institution;
                kind = FocalPoint.ContactKind.ORGANIZATION;
            }
            if (name == null) {
                throw new InformeaMappingException(
                        "The Contact " + iri + " has no name (firstName, lastName or institution)");
            }
            String phoneField = row.has("phoneNumber") ? "phoneNumber" : "phone";
            if (phoneField.equals("phone") && row.has("phone")) {
                notice("the telephone is in 'phone' (the toolkit's name), not 'phoneNumber'");
            }
            Set<IRI> emails = new LinkedHashSet<>();
            String email = text(row, "email");
            if (email != null) {
                for (String part : email.split("[;,\\s]+")) {
                    IRI mail = SourceValues.email(part);
                    if (mail != null) {
                        emails.add(mail);
                    } else if (!part.isBlank()) {
                        notice("email '" + SourceValues.abbreviate(part) + "' is not an e-mail address; left out");
                    }
                }
            }
            Set<IRI> phones = new LinkedHashSet<>();
            String phone = text(row, phoneField);
            if (phone != null) {
                IRI tel = SourceValues.phone(phone);
                if (tel != null) {
                    phones.add(tel);
                } else {
                    notice(phoneField + " '" + SourceValues.abbreviate(phone) + "' is not a telephone number");
                }
            }
            String organization = SourceValues.join(institution, text(row, "department"));
            String position = text(row, "position");
            return FocalPoint.builder(
                            common(id, LangText.empty(), LangText.empty()).build(),
                            contactTreaties,
                            country("country"),
                            categories,
                            kind,
                            name)
                    .prefix(text(row, "prefix"))
                    .firstName(firstName)
                    .lastName(lastName)
                    .designation(position == null ? LangText.empty() : LangText.of("en", position))
                    .organization(
                            organization == null || kind == FocalPoint.ContactKind.ORGANIZATION
                                    ? LangText.empty()
                                    : LangText.of("en", organization))
                    .emails(emails)
                    .phones(phones)
                    .build();
        }

        NationalReport report(IRI reportType) {
            page = link(text(row, "url"), "url");
            Common common = common(id, titled(lang("title")), LangText.empty())
                    .files(files())
                    .build();
            return NationalReport.builder(common, Set.of(treaty()), country("country"), reportType)
                    .submitted(date("submission"))
                    .build();
        }

        IRI planType() {
            String type = text(row, "type");
            IRI generic = ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "national-plan");
            if (type == null) {
                return generic;
            }
            return code("type", ChmThesaurus.REPORT_TYPES).orElse(generic);
        }

        Site site() {
            page = link(text(row, "url"), "url");
            IRI treaty = firstPresent(treaties.resolve(text(row, "type")), treaties.resolve(text(row, "treaty")))
                    .orElseGet(this::treaty);
            Double latitude = coordinate("latitude", 90);
            Double longitude = coordinate("longitude", 180);
            Set<IRI> countries = new LinkedHashSet<>();
            for (String code : values(row.get("country"))) {
                for (String c : code.split("[,;\\s]+")) {
                    countryCode(c, "country").ifPresent(countries::add);
                }
            }
            if (countries.isEmpty()) {
                throw new InformeaMappingException("The Site " + iri + " has no country the thesaurus knows");
            }
            return Site.of(
                    common(id, titled(lang("name")), LangText.empty()).build(), treaty, countries, latitude, longitude);
        }

        Treaty treatyRecord() {
            IRI concept = treaties.resolve(id)
                    .orElseThrow(() -> new InformeaMappingException("The Treaty " + iri + " ('" + id
                            + "') is not in the treaty scheme; add it to the scheme or map its name"));
            LangText title = lang("title");
            if (title.isEmpty()) {
                String english = first(text(row, "officialNameEnglish"), text(row, "titleEnglish"));
                if (english != null) {
                    title = LangText.of("en", english);
                }
            }
            if (title.isEmpty()) {
                title = thesaurus
                        .concept(concept)
                        .map(c -> new LangText(c.prefLabels()))
                        .orElse(LangText.empty());
                notice("no title; the treaty scheme's labels are used");
            }
            page = either(link(text(row, "url"), "url"), link(text(row, "treatyWebsiteURL"), "treatyWebsiteURL"));
            return Treaty.builder(common(id, title, lang("description")).build(), concept)
                    .build();
        }

        Document document() {
            LangText title = titled(lang("title"));
            IRI meeting = null;
            Set<IRI> cites = new LinkedHashSet<>();
            for (JsonNode ref : rows(row.get("referenceToEntities"))) {
                String refId = text(ref, "refId");
                String type = String.valueOf(text(ref, "type")).toLowerCase(Locale.ROOT);
                if (refId == null) {
                    continue;
                }
                InformeaEntitySet target =
                        switch (type) {
                            case "meeting", "meetings" -> InformeaEntitySet.MEETINGS;
                            case "decision", "decisions" -> InformeaEntitySet.DECISIONS;
                            case "nationalplans", "nationalplan" -> InformeaEntitySet.NATIONAL_PLANS;
                            case "countryreports", "countryreport" -> InformeaEntitySet.COUNTRY_REPORTS;
                            case "documents", "document" -> InformeaEntitySet.DOCUMENTS;
                            default -> null;
                        };
                if (target == null) {
                    notice("referenceToEntities type '" + text(ref, "type") + "' is not an entity set; left out");
                    continue;
                }
                IRI ref0 = recordIri(target, refId);
                if (target == InformeaEntitySet.MEETINGS && meeting == null) {
                    meeting = ref0;
                } else {
                    cites.add(ref0);
                }
            }
            IRI documentType = null;
            for (String type : values(row.get("types"))) {
                Optional<IRI> found = label(type, ChmThesaurus.DOCUMENT_TYPES);
                if (found.isPresent() && documentType == null) {
                    documentType = found.get();
                } else if (found.isEmpty()) {
                    keywords.add(type);
                }
            }
            Set<IRI> concepts = keywords("keywords");
            for (String tag : values(row.get("tags"))) {
                keywords.add(tag);
            }
            Common common = common(id, title, lang("description"))
                    .concepts(concepts)
                    .files(files())
                    .cites(cites)
                    .build();
            return new Document(common, documentTreaty(), documentType, meeting, date("published"));
        }

        IRI documentTreaty() {
            if (text(row, "treaty") != null) {
                return treaty();
            }
            List<IRI> all = new ArrayList<>();
            for (String value : values(row.get("treaties"))) {
                treaties.resolve(value)
                        .ifPresentOrElse(
                                all::add, () -> notice("treaty '" + value + "' is not in the treaty scheme; left out"));
            }
            if (all.isEmpty()) {
                return treaty();
            }
            if (all.size() > 1) {
                notice("treaties lists " + all.size() + "; the record keeps the first, the source document all");
            }
            return all.get(0);
        }

        // ------------------------------------------------------------------------------ field rules

        /** The row's treaty, else the default, else an error. */
        IRI treaty() {
            String value = first(
                    text(row, "treaty"),
                    values(row.get("treaty")).stream().findFirst().orElse(null));
            if (value != null) {
                Optional<IRI> found = treaties.resolve(value);
                if (found.isPresent()) {
                    return found.get();
                }
                throw new InformeaMappingException("The " + set.typeName() + " " + iri + " has treaty '" + value
                        + "', which is neither a treaty identifier nor a name the treaty scheme knows");
            }
            if (defaultTreaty == null) {
                throw new InformeaMappingException("The " + set.typeName() + " " + iri
                        + " names no treaty and the source has no default treaty (option treaty)");
            }
            return defaultTreaty;
        }

        IRI country(String field) {
            String code = text(row, field);
            if (code == null) {
                throw new InformeaMappingException("The " + set.typeName() + " " + iri + " has no " + field);
            }
            return countryCode(code, field)
                    .orElseThrow(() -> new InformeaMappingException("The " + set.typeName() + " " + iri + " has "
                            + field + " '" + code + "', which is not a country of the thesaurus"));
        }

        IRI optionalCountry(String field) {
            String code = text(row, field);
            return code == null ? null : countryCode(code, field).orElse(null);
        }

        /** An ISO 3166-1 alpha-2 or alpha-3 code, any case. */
        Optional<IRI> countryCode(String code, String field) {
            Optional<IRI> found = thesaurus
                    .byNotation(code)
                    .filter(c -> c.inScheme(COUNTRIES))
                    .map(Concept::iri);
            if (found.isEmpty()) {
                notice(field + " '" + code + "' is not an ISO 3166-1 code of the thesaurus; left out");
            } else if (code.length() != 2 || !code.equals(code.toUpperCase(Locale.ROOT))) {
                notice(field + " '" + code + "' read as "
                        + found.get().getLocalName().toUpperCase(Locale.ROOT));
            }
            return found;
        }

        /** A code-list concept by notation or label (any case). */
        Optional<IRI> code(String field, String scheme) {
            String value = text(row, field);
            if (value == null) {
                return Optional.empty();
            }
            IRI schemeIri = ChmThesaurus.scheme(scheme);
            Optional<IRI> found = thesaurus
                    .byNotation(value)
                    .filter(c -> c.inScheme(schemeIri))
                    .map(Concept::iri)
                    .or(() -> label(value, scheme));
            if (found.isEmpty()) {
                notice(field + " '" + value + "' is not in " + scheme + "; kept in the source document only");
            }
            return found;
        }

        Optional<IRI> label(String value, String scheme) {
            IRI schemeIri = ChmThesaurus.scheme(scheme);
            return thesaurus.byLabel(value, null).stream()
                    .filter(c -> c.inScheme(schemeIri))
                    .map(Concept::iri)
                    .findFirst();
        }

        Optional<IRI> category(String roleName) {
            return label(roleName, ChmThesaurus.FOCAL_POINT_CATEGORIES).or(() -> thesaurus
                    .byNotation(roleName)
                    .filter(c -> c.inScheme(ChmThesaurus.scheme(ChmThesaurus.FOCAL_POINT_CATEGORIES)))
                    .map(Concept::iri));
        }

        /**
         * Keywords ({@code {namespace, term}} of decisions, {@code {termURI, literalForm}} of documents,
         * or plain strings) to concepts; the others kept as {@code chm:keyword}.
         */
        Set<IRI> keywords(String field) {
            Set<IRI> out = new LinkedHashSet<>();
            for (JsonNode k : rows(row.get(field))) {
                String uri = k.isObject() ? first(text(k, "termURI"), text(k, "uri")) : null;
                String label =
                        k.isObject() ? first(text(k, "term"), text(k, "literalForm"), text(k, "value")) : k.asText();
                IRI concept = null;
                if (uri != null) {
                    IRI asIri = SourceValues.httpIri(uri);
                    if (asIri != null) {
                        concept = thesaurus.concept(asIri).map(Concept::iri).orElse(byExactMatch.get(uri.strip()));
                    }
                }
                if (concept == null && label != null && !label.isBlank()) {
                    concept = thesaurus.byLabel(label, null).stream()
                            .filter(c -> !c.inScheme(COUNTRIES) && !c.inScheme(TREATY_SCHEME))
                            .map(Concept::iri)
                            .findFirst()
                            .orElse(null);
                }
                if (concept != null) {
                    out.add(concept);
                } else if (label != null && !label.isBlank()) {
                    keywords.add(label.strip());
                } else if (uri != null) {
                    keywords.add(uri.strip());
                }
            }
            if (!keywords.isEmpty()) {
                notice(field + ": " + keywords.size() + " keyword(s) match no concept; kept as chm:keyword");
            }
            return out;
        }

        List<FileRef> files() {
            List<FileRef> out = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode f : rows(row.get("files"))) {
                String url = text(f, "url");
                IRI target = SourceValues.httpIri(url);
                if (target == null) {
                    notice(
                            url == null && text(f, "content") != null
                                    ? "files has an inline (base64) file without a URL; left out"
                                    : "files has a link that is not an http(s) URL: "
                                            + SourceValues.abbreviate(String.valueOf(url)) + "; left out");
                    continue;
                }
                if (!seen.add(target.stringValue())) {
                    notice("files lists " + target + " twice; kept once");
                    continue;
                }
                String language = text(f, "language");
                String tag = language == null ? null : LocalizableStrings.language(language, "files", notices::add);
                String name = first(text(f, "filename"), fileName(target));
                String mime = mediaType(text(f, "mimeType"), name);
                try {
                    out.add(new FileRef(FileRef.iriFor(iri, out.size() + 1), target, mime, tag, name));
                } catch (IllegalArgumentException e) {
                    out.add(FileRef.of(iri, out.size() + 1, target));
                    notice("files link " + target + ": " + e.getMessage() + "; kept without it");
                }
            }
            return out;
        }

        /** A media type; a bare extension ({@code pdf}) read as its media type. */
        String mediaType(String mime, String name) {
            if (mime == null) {
                return null;
            }
            if (mime.contains("/")) {
                return mime;
            }
            String guessed = URLConnection.guessContentTypeFromName("file." + mime.replaceFirst("^\\.", ""));
            notice("files mimeType '" + mime + "' is an extension; "
                    + (guessed == null ? "left out" : "read as " + guessed));
            return guessed;
        }

        /** A file's name from its URL: the {@code d} parameter of {@code download.aspx?d=}, else the last segment. */
        String fileName(IRI url) {
            HttpUrl parsed = HttpUrl.parse(url.stringValue());
            if (parsed == null) {
                return null;
            }
            String d = parsed.queryParameter("d");
            if (d != null && !d.isBlank()) {
                return d.strip();
            }
            List<String> segments = parsed.pathSegments();
            String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
            return last.isBlank() ? null : last;
        }

        IRI link(String url, String field) {
            if (url == null) {
                return null;
            }
            IRI link = SourceValues.httpIri(url);
            if (link == null) {
                notice(field + " is not an http(s) URL: " + SourceValues.abbreviate(url) + "; left out");
            }
            return link;
        }

        Double coordinate(String field, double limit) {
            JsonNode v = row.get(field);
            if (v == null || v.isNull() || v.asText().isBlank()) {
                return null;
            }
            double d;
            try {
                d = v.isNumber()
                        ? v.asDouble()
                        : Double.parseDouble(v.asText().strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                notice(field + " '" + v.asText() + "' is not a number; left out");
                return null;
            }
            if (!(d >= -limit && d <= limit)) {
                notice(field + " " + d + " is out of range; left out");
                return null;
            }
            return d;
        }

        LocalDate date(String field) {
            String v = text(row, field);
            LocalDate d = ODataDates.date(v);
            if (v != null && d == null) {
                notice(field + " '" + v + "' is not a date; left out");
            }
            return d;
        }

        LangText lang(String field) {
            return htmlFree(LocalizableStrings.read(row.get(field), field, notices::add), field);
        }

        /** Texts with markup or character references read as text (jsoup), reported once per field. */
        LangText htmlFree(LangText in, String field) {
            LangText out = in;
            boolean cleaned = false;
            for (Map.Entry<String, String> e : in.texts().entrySet()) {
                String v = e.getValue();
                if (v.indexOf('<') < 0 && v.indexOf('&') < 0) {
                    continue;
                }
                String plain = Jsoup.parse(v).text();
                if (!plain.equals(v)) {
                    out = out.with(e.getKey(), plain);
                    cleaned = true;
                }
            }
            if (cleaned) {
                notice(field + " had HTML; cleaned to text (the HTML stays in the source document)");
            }
            return out;
        }

        /** The first non-empty text; an error when all are empty. */
        LangText titled(LangText... candidates) {
            for (LangText t : candidates) {
                if (!t.isEmpty()) {
                    if (t.get("en").isEmpty()) {
                        notice("no English title");
                    }
                    return t;
                }
            }
            throw new InformeaMappingException("The " + set.typeName() + " " + iri + " has no title in any language");
        }

        void extras(Model m) {
            Integer order = JsonValues.integer(row, "displayOrder");
            if (order != null) {
                m.add(iri, CHM.displayOrder, Values.literal(Integer.toString(order), XSD.INTEGER));
            }
            JsonNode primary = row.get("primary");
            if (primary != null && !primary.isNull()) {
                boolean p = primary.isBoolean()
                        ? primary.asBoolean()
                        : "1".equals(primary.asText().strip())
                                || "true".equalsIgnoreCase(primary.asText().strip());
                m.add(iri, CHM.primaryContact, Values.literal(p));
            }
            for (String k : keywords) {
                m.add(iri, CHM.keyword, Values.literal(k));
            }
            if (page != null) {
                m.add(iri, FOAF.PAGE, page);
            }
            ObjectNode source = ((ObjectNode) row).deepCopy();
            source.remove("__metadata");
            try {
                m.add(iri, CHM.sourceDocument, Values.literal(JSON.writeValueAsString(source), Std.RDF_JSON));
            } catch (JsonProcessingException e) {
                throw new InformeaMappingException("Cannot write the source document of " + iri);
            }
        }

        void notice(String message) {
            notices.add(message);
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    /**
     * The row's key: {@code id}, or {@code Id}/{@code ID} as some feeds name it.
     *
     * @return the key; null when the row has none
     */
    public static String rowId(JsonNode row) {
        return first(text(row, "id"), text(row, "Id"), text(row, "ID"));
    }

    /** {@link #rowId}, required. */
    static String id(JsonNode row) {
        String id = rowId(row);
        if (id == null) {
            throw new InformeaMappingException("A row has no id: " + SourceValues.abbreviate(row.toString()));
        }
        return id;
    }

    /** The rows of a navigation property: {@code {"results": [...]}}, an array, or one object. */
    static List<JsonNode> rows(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isObject() && node.has("results")) {
            return rows(node.get("results"));
        }
        if (node.isObject() && node.has("__deferred")) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    /** The strings of a value: a string, strings, {@code {value}} rows, or those in {@code results}. */
    static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : rows(node)) {
            String s = v.isObject() ? first(text(v, "value"), text(v, "Value")) : v.isValueNode() ? v.asText() : null;
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static LangText merge(LangText a, LangText b) {
        LangText out = a;
        for (Map.Entry<String, String> e : b.texts().entrySet()) {
            if (out.get(e.getKey()).isEmpty()) {
                out = out.with(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    @SafeVarargs
    private static <T> Optional<T> firstPresent(Optional<T>... options) {
        for (Optional<T> o : options) {
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }

    private static IRI either(IRI a, IRI b) {
        return a != null ? a : b;
    }
}
