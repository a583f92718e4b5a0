package org.chmexchange.cbd;

import static org.chmexchange.mapping.JsonValues.array;
import static org.chmexchange.mapping.JsonValues.date;
import static org.chmexchange.mapping.JsonValues.first;
import static org.chmexchange.mapping.JsonValues.instant;
import static org.chmexchange.mapping.JsonValues.integer;
import static org.chmexchange.mapping.JsonValues.longValue;
import static org.chmexchange.mapping.JsonValues.text;
import static org.chmexchange.mapping.SourceValues.abbreviate;
import static org.chmexchange.mapping.SourceValues.httpIri;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.chmexchange.mapping.SourceValues;
import org.chmexchange.model.Common;
import org.chmexchange.model.Decision;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.LangText;
import org.chmexchange.model.Meeting;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.NationalTarget;
import org.chmexchange.model.Organization;
import org.chmexchange.model.Record;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.OWL;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * Maps CBD documents to the common format (docs/CBD.md, "Mapping"): a Solr index document ({@code
 * /api/v2013/index/select}, INCUMBENTS.md part A 1.5) and, for the schemas that have one ({@link
 * CbdSchema#hasBody()}), the record body ({@code /api/v2013/documents/{identifier}}, 1.2, 1.3).
 *
 * <ul>
 *   <li>Record IRI: {@code {base}records/{type}/{identifier_s}}, a meeting's from its {@code
 *       symbol_s} (so that a decision's {@code meeting_ss} names it); stable for every node that
 *       uses the same base.
 *   <li>Kept as data: {@code identifier_s} as {@code chm:cbdIdentifier}, {@code _documentId_i},
 *       {@code _revision_i}, {@code uniqueIdentifier_s}, {@code schema_s}, the permalink {@code
 *       https://chm.cbd.int/database/record?documentID={id}} as {@code owl:sameAs}, and the JSON the
 *       record came from as {@code chm:sourceDocument}, so that no field is lost.
 *   <li>{@code lstring} to language-tagged literals, every language ({@link LString}); {@code ETerm}
 *       to concepts ({@link CbdTerms}); a term the thesaurus does not know is kept as {@code
 *       chm:cbdTerm} and noticed; {@code ELink} to files; a malformed link is noticed and left out.
 * </ul>
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class CbdMapper {

    /** The CBD's permalink of a record, by {@code documentID} (INCUMBENTS.md part A 1.3). */
    public static final String PERMALINK = "https://chm.cbd.int/database/record?documentID=";

    /** The six UN languages, as the index's locale infixes ({@code title_EN_t}). */
    static final List<String> UN_LANGUAGES = List.of("ar", "en", "es", "fr", "ru", "zh");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final IRI CBD = ChmThesaurus.treaty("cbd");

    private final String base;
    private final CbdTerms terms;

    /**
     * @param base the base IRI records are minted under, ending in {@code /}
     * @param thesaurus the thesaurus terms are looked up in
     * @throws IllegalArgumentException if {@code base} is not an http(s) IRI ending in {@code /}
     */
    public CbdMapper(String base, Thesaurus thesaurus) {
        Objects.requireNonNull(base, "base");
        if (!(base.startsWith("http://") || base.startsWith("https://")) || !base.endsWith("/")) {
            throw new IllegalArgumentException("A record base is an http(s) IRI ending in '/': " + base);
        }
        this.base = base;
        this.terms = new CbdTerms(thesaurus);
    }

    /** The IRI a CBD document of {@code schema} gets, from its index document. */
    public IRI recordIri(CbdSchema schema, JsonNode indexDoc) {
        if (schema == CbdSchema.MEETING) {
            String symbol = text(indexDoc, "symbol_s");
            if (symbol != null) {
                return meetingIri(symbol);
            }
        }
        String identifier = text(indexDoc, "identifier_s");
        if (identifier == null) {
            throw new CbdMappingException("Index document " + text(indexDoc, "id") + " has no identifier_s");
        }
        return schema.recordType().mint(base, id(identifier));
    }

    /** The IRI of the meeting with that code ({@code symbol_s}, or a decision's {@code meeting_ss}). */
    public IRI meetingIri(String code) {
        return RecordType.MEETING.mint(base, id(code));
    }

    /**
     * The record of one CBD document.
     *
     * @param schema its schema
     * @param indexDoc its index document; not null
     * @param body its body, for a schema with one; null for the index-only schemas
     * @throws CbdMappingException if it cannot be a record (the message says why)
     */
    public CbdRecord map(CbdSchema schema, JsonNode indexDoc, JsonNode body) {
        Objects.requireNonNull(indexDoc, "indexDoc");
        if (schema.hasBody() && (body == null || !body.isObject())) {
            throw new CbdMappingException("A " + schema.schemaName() + " needs its body as a JSON object");
        }
        IRI iri = recordIri(schema, indexDoc);
        Mapping m = new Mapping(iri, indexDoc, body == null ? indexDoc : body);
        Record record;
        try {
            record = switch (schema) {
                case FOCAL_POINT -> m.focalPoint();
                case NATIONAL_REPORT, NATIONAL_REPORT_6, NATIONAL_REPORT_7, NBSAP -> m.nationalReport(schema);
                case NATIONAL_TARGET_7 -> m.nationalTarget();
                case DECISION, RECOMMENDATION -> m.decision(schema);
                case MEETING -> m.meeting();
                case CONTACT -> m.contact();
                case ORGANIZATION -> m.organization();
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CbdMappingException(
                    "The " + schema.schemaName() + " " + iri + " is not a valid record: " + e.getMessage(), e);
        }
        Model statements = RecordMapper.toRdf(record);
        m.extras(statements, schema, body == null ? indexDoc : body);
        return new CbdRecord(record, statements, integer(indexDoc, "_revision_i"), m.notices);
    }

    /** The mapping of one document, collecting its notices and unknown terms. */
    private final class Mapping {
        final IRI iri;
        final JsonNode index;
        final JsonNode doc;
        final List<String> notices = new ArrayList<>();
        final Set<String> unknownTerms = new LinkedHashSet<>();

        Mapping(IRI iri, JsonNode index, JsonNode doc) {
            this.iri = iri;
            this.index = index;
            this.doc = doc;
        }

        Common.Builder common(String identifier, LangText title, LangText summary) {
            return Common.builder(iri, identifier)
                    .title(title)
                    .summary(summary)
                    .modifiedAtSource(instant(index, "updatedDate_dt"))
                    .cbdIdentifier(text(index, "identifier_s"));
        }

        FocalPoint focalPoint() {
            IRI country = country(doc.get("government"), "government");
            Set<IRI> categories = new LinkedHashSet<>();
            Set<IRI> treaties = new LinkedHashSet<>();
            for (JsonNode term : array(doc, "categories")) {
                String code = termId(term);
                if (code == null) {
                    continue;
                }
                treaties.add(CbdTreaties.ofFocalPointCategory(code));
                terms.concept(code, ChmThesaurus.FOCAL_POINT_CATEGORIES)
                        .ifPresentOrElse(categories::add, () -> unknown(code, "categories"));
            }
            if (categories.isEmpty()) {
                throw new CbdMappingException("The focalPoint " + iri + " has no category the thesaurus knows (given: "
                        + (unknownTerms.isEmpty() ? "none" : String.join(", ", unknownTerms))
                        + "); a focal point holds at least one role");
            }
            FocalPoint.ContactKind kind = "organization".equals(text(doc, "type"))
                    ? FocalPoint.ContactKind.ORGANIZATION
                    : FocalPoint.ContactKind.PERSON;
            LangText organization = lstring("organization");
            String first = text(doc, "firstName");
            String last = text(doc, "lastName");
            String name = SourceValues.join(first, text(doc, "middleName"), last);
            if (name == null) {
                name = organization
                        .best("en")
                        .orElse(lstring("title").best("en").orElse(null));
            }
            if (name == null) {
                throw new CbdMappingException(
                        "The focalPoint " + iri + " has no name (firstName, lastName," + " organization or title)");
            }
            Set<IRI> phones = new LinkedHashSet<>();
            phones.addAll(phones("phones"));
            phones.addAll(phones("mobiles"));
            return FocalPoint.builder(
                            common(identifier(), lstring("title"), lstring("description"))
                                    .build(),
                            treaties,
                            country,
                            categories,
                            kind,
                            name)
                    .prefix(lstring("prefix").best("en").orElse(null))
                    .firstName(first)
                    .lastName(last)
                    .designation(lstring("designation"))
                    .organization(organization)
                    .emails(emails("emails"))
                    .phones(phones)
                    .build();
        }

        NationalReport nationalReport(CbdSchema schema) {
            IRI country = country(doc.get("government"), "government");
            IRI reportType = null;
            String typeTerm = termId(doc.get("reportType"));
            if (typeTerm != null) {
                reportType = terms.concept(typeTerm, ChmThesaurus.REPORT_TYPES).orElse(null);
                if (reportType == null) {
                    unknown(typeTerm, "reportType");
                }
            }
            if (reportType == null) {
                reportType = terms.concept(schema.schemaName(), ChmThesaurus.REPORT_TYPES)
                        .orElseThrow(() -> new CbdMappingException(
                                "The thesaurus has no report type for schema " + schema.schemaName()));
            }
            Common common = common(identifier(), lstring("title"), summary())
                    .concepts(subjects())
                    .files(files())
                    .build();
            return NationalReport.builder(common, Set.of(CBD), country, reportType)
                    .published(date(doc, "adoptionDate"))
                    .period(date(doc, "startDate"), date(doc, "endDate"))
                    .build();
        }

        NationalTarget nationalTarget() {
            IRI country = country(doc.get("government"), "government");
            Common common = common(identifier(), lstring("title"), summary())
                    .files(files())
                    .build();
            return NationalTarget.of(
                    common,
                    Set.of(CBD),
                    country,
                    alignment("globalGoalAlignment", ChmThesaurus.GBF_GOALS),
                    alignment("globalTargetAlignment", ChmThesaurus.GBF_TARGETS));
        }

        /** The concepts of a term-list field in one scheme; the others kept as chm:cbdTerm. */
        Set<IRI> alignment(String field, String scheme) {
            Set<IRI> out = new LinkedHashSet<>();
            for (JsonNode term : array(doc, field)) {
                String id = termId(term);
                if (id != null) {
                    terms.concept(id, scheme).ifPresentOrElse(out::add, () -> unknown(id, field));
                }
            }
            return out;
        }

        Decision decision(CbdSchema schema) {
            IRI treaty = treaty();
            String type = schema == CbdSchema.RECOMMENDATION ? "recommendation" : "decision";
            String identifier = first(text(index, "symbol_s"), text(index, "code_s"), identifier());
            String meeting = text(index, "meeting_ss");
            Common common = common(identifier, indexText("title"), indexText("summary"))
                    .files(indexFiles())
                    .build();
            return new Decision(
                    common,
                    treaty,
                    ChmThesaurus.concept(ChmThesaurus.DECISION_TYPES, type),
                    meeting == null ? null : meetingIri(meeting),
                    null);
        }

        Meeting meeting() {
            LocalDate start = date(index, "startDate_dt");
            if (start == null) {
                throw new CbdMappingException("The meeting " + iri + " has no startDate_dt");
            }
            String identifier = first(text(index, "symbol_s"), identifier());
            LangText title = indexText("title");
            if (title.isEmpty() && text(index, "eventTitle_s") != null) {
                title = LangText.of("en", text(index, "eventTitle_s"));
            }
            String countryCode = text(index, "eventCountry_s");
            IRI country = null;
            if (countryCode != null) {
                country = terms.country(countryCode).orElse(null);
                if (country == null) {
                    unknown(countryCode, "eventCountry_s");
                }
            }
            Common common = common(identifier, title, indexText("summary"))
                    .files(indexFiles())
                    .build();
            return Meeting.builder(common, treaty(), start)
                    .body(text(index, "body_s"))
                    .session(integer(index, "session_i"))
                    .endDate(date(index, "endDate_dt"))
                    .city(first(text(index, "eventCity_t"), text(index, "eventCity_s")))
                    .country(country)
                    .build();
        }

        Record contact() {
            if (!"organization".equals(text(doc, "type"))) {
                throw new CbdMappingException("The contact " + iri + " is a person who holds no focal-point role:"
                        + " the common format has no record type for it (a focal point is a focalPoint record)");
            }
            LangText name = LString.merge(List.of(lstring("organization"), lstring("name")));
            return Organization.of(
                    common(identifier(), name, lstring("description")).build(),
                    lstring("organizationAcronym").best("en").orElse(null),
                    optionalCountry("country"),
                    homepage(),
                    emails("emails"),
                    Set.of());
        }

        Organization organization() {
            LangText name = LString.merge(List.of(lstring("name"), lstring("title")));
            return Organization.of(
                    common(identifier(), name, lstring("profile"))
                            .concepts(subjects())
                            .build(),
                    lstring("acronym").best("en").orElse(null),
                    optionalCountry("country"),
                    homepage(),
                    emails("emails"),
                    Set.of());
        }

        /** The extra statements of {@link CbdRecord#statements()}. */
        void extras(Model m, CbdSchema schema, JsonNode source) {
            Long documentId = longValue(index, "_documentId_i");
            if (documentId != null) {
                m.add(iri, CHM.cbdDocumentId, Values.literal(Long.toString(documentId), XSD.INTEGER));
                m.add(iri, OWL.SAMEAS, Values.iri(PERMALINK + documentId));
            }
            Integer revision = integer(index, "_revision_i");
            if (revision != null) {
                m.add(iri, CHM.cbdRevision, Values.literal(Integer.toString(revision), XSD.INTEGER));
            }
            String unique = text(index, "uniqueIdentifier_s");
            if (unique != null) {
                m.add(iri, CHM.cbdUniqueIdentifier, Values.literal(unique));
            }
            m.add(iri, CHM.cbdSchema, Values.literal(schema.schemaName()));
            for (String term : unknownTerms) {
                m.add(iri, CHM.cbdTerm, Values.literal(term));
            }
            try {
                m.add(iri, CHM.sourceDocument, Values.literal(JSON.writeValueAsString(source), Std.RDF_JSON));
            } catch (JsonProcessingException e) {
                throw new CbdMappingException("Cannot write the source document of " + iri, e);
            }
        }

        String identifier() {
            String identifier = text(index, "identifier_s");
            if (identifier == null) {
                throw new CbdMappingException("Index document " + text(index, "id") + " has no identifier_s");
            }
            return identifier;
        }

        IRI treaty() {
            String code = text(index, "treaty_s");
            if (code == null) {
                return CBD; // the CBD's own index: a Secretariat record without treaty_s is the Convention's
            }
            return CbdTreaties.treaty(code)
                    .orElseThrow(() -> new CbdMappingException("The record " + iri + " has treaty_s '" + code
                            + "', which is not XXVII8, XXVII8a or XXVII8b"));
        }

        IRI country(JsonNode term, String field) {
            String code = termId(term);
            if (code == null) {
                throw new CbdMappingException("The record " + iri + " has no " + field);
            }
            return terms.country(code)
                    .orElseThrow(() -> new CbdMappingException("The record " + iri + " has " + field + " '" + code
                            + "', which is not a country of the" + " thesaurus"));
        }

        IRI optionalCountry(String field) {
            String code = termId(doc.get(field));
            if (code == null) {
                return null;
            }
            IRI country = terms.country(code).orElse(null);
            if (country == null) {
                unknown(code, field);
            }
            return country;
        }

        /** Concepts of the subject schemes from the GBF and Aichi term fields. */
        Set<IRI> subjects() {
            Set<IRI> out = new LinkedHashSet<>();
            for (String field :
                    List.of("gbfTargets", "aichiTargets", "globalGoalAlignment", "globalTargetAlignment", "gbfGoal")) {
                JsonNode value = doc.get(field);
                List<JsonNode> items = value != null && value.isObject() ? List.of(value) : array(doc, field);
                for (JsonNode term : items) {
                    String id = termId(term);
                    if (id == null) {
                        continue;
                    }
                    terms.concept(
                                    id,
                                    ChmThesaurus.GBF_GOALS,
                                    ChmThesaurus.GBF_TARGETS,
                                    ChmThesaurus.AICHI_GOALS,
                                    ChmThesaurus.AICHI_TARGETS)
                            .ifPresentOrElse(out::add, () -> unknown(id, field));
                }
            }
            return out;
        }

        LangText summary() {
            return LString.merge(List.of(lstring("summary"), lstring("description")));
        }

        LangText lstring(String field) {
            return LString.read(doc.get(field), field, notices::add);
        }

        /** An index text in every UN language ({@code title_EN_t}), else its plain field as English. */
        LangText indexText(String field) {
            LangText out = LangText.empty();
            for (String lang : UN_LANGUAGES) {
                String infix = lang.toUpperCase(Locale.ROOT);
                String value = first(text(index, field + "_" + infix + "_t"), text(index, field + "_" + infix + "_s"));
                if (value != null) {
                    out = out.with(lang, value);
                }
            }
            if (out.isEmpty()) {
                String plain = first(text(index, field + "_t"), text(index, field + "_s"));
                if (plain != null) {
                    out = LangText.of(LangText.FALLBACK_LANGUAGE, plain);
                }
            }
            return out;
        }

        List<FileRef> files() {
            List<JsonNode> links = new ArrayList<>();
            links.addAll(array(doc, "documentLinks"));
            links.addAll(array(doc, "relevantDocuments"));
            return fileRefs(links, "documentLinks");
        }

        /** {@code file_ss}: each value a JSON object serialised in a string (INCUMBENTS.md part A 1.5). */
        List<FileRef> indexFiles() {
            List<JsonNode> links = new ArrayList<>();
            for (JsonNode v : array(index, "file_ss")) {
                if (v.isObject()) {
                    links.add(v);
                    continue;
                }
                try {
                    JsonNode parsed = JSON.readTree(v.asText());
                    if (parsed != null && parsed.isObject()) {
                        links.add(parsed);
                    } else {
                        notices.add("file_ss value is not a JSON object: " + abbreviate(v.asText()));
                    }
                } catch (JsonProcessingException e) {
                    notices.add("file_ss value is not JSON: " + abbreviate(v.asText()));
                }
            }
            return fileRefs(links, "file_ss");
        }

        List<FileRef> fileRefs(List<JsonNode> links, String field) {
            List<FileRef> out = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode link : links) {
                String url = text(link, "url");
                IRI target = url == null ? null : httpIri(url);
                if (target == null) {
                    notices.add(field + " has a link that is not an http(s) URL: " + abbreviate(String.valueOf(url)));
                    continue;
                }
                if (!seen.add(target.stringValue())) {
                    continue;
                }
                String language = text(link, "language");
                try {
                    out.add(new FileRef(
                            FileRef.iriFor(iri, out.size() + 1),
                            target,
                            first(text(link, "mediaType"), text(link, "type")),
                            language,
                            text(link, "name")));
                } catch (IllegalArgumentException e) {
                    out.add(FileRef.of(iri, out.size() + 1, target));
                    notices.add(field + " link " + target + ": " + e.getMessage() + "; kept without it");
                }
            }
            return out;
        }

        IRI homepage() {
            for (JsonNode link : array(doc, "websites")) {
                IRI url = httpIri(String.valueOf(text(link, "url")));
                if (url != null) {
                    return url;
                }
            }
            return null;
        }

        Set<IRI> emails(String field) {
            Set<IRI> out = new LinkedHashSet<>();
            for (JsonNode v : array(doc, field)) {
                IRI email = SourceValues.email(v.asText());
                if (email != null) {
                    out.add(email);
                } else {
                    notices.add(field + " value is not an e-mail address: "
                            + abbreviate(v.asText().strip()));
                }
            }
            return out;
        }

        Set<IRI> phones(String field) {
            Set<IRI> out = new LinkedHashSet<>();
            for (JsonNode v : array(doc, field)) {
                IRI phone = SourceValues.phone(v.asText());
                if (phone != null) {
                    out.add(phone);
                } else if (!v.asText().isBlank()) {
                    notices.add(field + " value is not a telephone number: " + abbreviate(v.asText()));
                }
            }
            return out;
        }

        void unknown(String term, String field) {
            if (unknownTerms.add(term)) {
                notices.add(field + " term '" + term + "' is not in the thesaurus; kept as chm:cbdTerm");
            }
        }
    }

    // ---------------------------------------------------------------------------------- JSON helpers

    /** The identifier of an {@code ETerm} ({@code {"identifier": "ca"}}) or of a plain string term. */
    static String termId(JsonNode term) {
        if (term == null || term.isNull()) {
            return null;
        }
        String id = term.isObject() ? text(term, "identifier") : term.asText().strip();
        return id == null || id.isEmpty() ? null : id;
    }

    /** A CBD identifier as a record id ({@link SourceValues#recordId}). */
    static String id(String identifier) {
        try {
            return SourceValues.recordId(identifier);
        } catch (IllegalArgumentException e) {
            throw new CbdMappingException(e.getMessage());
        }
    }
}
