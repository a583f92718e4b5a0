package org.chmexchange.cbd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.LangText;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.NationalTarget;
import org.chmexchange.model.Organization;
import org.chmexchange.model.Record;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;

/**
 * National records of the common format as CBD documents ({@code header}, {@code government}, {@code
 * lstring}, {@code ETerm}, {@code ELink}: INCUMBENTS.md part A 1.2), the body a submission to the
 * CBD's v2023 API carries (1.4): the reverse of {@link CbdMapper} for every field the common format
 * holds (docs/CBD.md, "Submitting").
 *
 * <ul>
 *   <li>NationalReport: the schema it came from ({@code chm:cbdSchema}), else by report type ({@code
 *       nbsap}, {@code nationalReport}, {@code nationalReport6}, {@code nationalReport7}); a {@code
 *       nationalReport} that is an NBSAP carries {@code reportType} B0EBAE91-9581-4BB2-9C02-52FCF9D82721;
 *   <li>NationalTarget: {@code nationalTarget7} with {@code globalGoalAlignment} and {@code
 *       globalTargetAlignment};
 *   <li>FocalPoint: a {@code contact} of {@code type} person or organization (national nodes submit
 *       contacts; {@code focalPoint} records are the Secretariat's);
 *   <li>Organization: {@code organization} if it came from one, else a {@code contact} of {@code type}
 *       organization.
 * </ul>
 *
 * <p>{@code header.identifier} is the record's {@code chm:cbdIdentifier}, else a name-based UUID of
 * its IRI in upper case (stable: a record sent twice has the same identifier).
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class CbdWriter {

    /** The NBSAP report type term of {@code nationalReport} (INCUMBENTS.md part A 1.2). */
    public static final String NBSAP_REPORT_TYPE = "B0EBAE91-9581-4BB2-9C02-52FCF9D82721";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9\\-_]{11,128}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> REPORT_FIELDS = List.of(
            "header",
            "government",
            "title",
            "summary",
            "startDate",
            "endDate",
            "adoptionDate",
            "aichiTargets",
            "gbfTargets",
            "gbfGoal",
            "documentLinks");

    /** The fields the common format holds, per schema: what a round trip keeps. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            "nationalReport",
            withField(REPORT_FIELDS, "reportType"),
            "nationalReport6",
            REPORT_FIELDS,
            "nationalReport7",
            REPORT_FIELDS,
            "nbsap",
            List.of(
                    "header",
                    "government",
                    "title",
                    "summary",
                    "startDate",
                    "endDate",
                    "adoptionDate",
                    "globalGoalAlignment",
                    "globalTargetAlignment",
                    "aichiTargets",
                    "documentLinks"),
            "nationalTarget7",
            List.of(
                    "header",
                    "government",
                    "title",
                    "description",
                    "globalGoalAlignment",
                    "globalTargetAlignment",
                    "relevantDocuments"),
            "contact",
            List.of(
                    "header",
                    "type",
                    "government",
                    "prefix",
                    "firstName",
                    "lastName",
                    "designation",
                    "organization",
                    "organizationAcronym",
                    "description",
                    "country",
                    "emails",
                    "phones",
                    "websites"),
            "organization",
            List.of("header", "name", "acronym", "profile", "country", "emails", "websites"));

    private static List<String> withField(List<String> fields, String field) {
        List<String> out = new java.util.ArrayList<>(fields);
        out.add(field);
        return List.copyOf(out);
    }

    /**
     * One document ready to submit.
     *
     * @param schema the CBD schema
     * @param identifier its {@code header.identifier}
     * @param document the document
     */
    public record CbdDocument(String schema, String identifier, ObjectNode document) {}

    private final Thesaurus thesaurus;

    /** A writer that writes concepts by their notation in {@code thesaurus}. */
    public CbdWriter(Thesaurus thesaurus) {
        this.thesaurus = java.util.Objects.requireNonNull(thesaurus, "thesaurus");
    }

    /** The fields of {@code schema} the common format holds, in document order; empty if not a schema written. */
    public static List<String> fields(String schema) {
        return FIELDS.getOrDefault(schema, List.of());
    }

    /** Whether records of this kind are submitted to the CBD (national reports and targets, contacts). */
    public static boolean writes(Record record) {
        return record instanceof NationalReport
                || record instanceof NationalTarget
                || record instanceof FocalPoint
                || record instanceof Organization;
    }

    /**
     * The CBD document of the record {@code iri} in {@code statements} (its {@code chm:cbdSchema}, if
     * any, names the schema).
     *
     * @throws CbdMappingException if it is not a record the CBD takes from a national node
     * @throws org.chmexchange.rdf.RecordMappingException if the statements are not a record
     */
    public CbdDocument write(Model statements, IRI iri) {
        Record record = RecordMapper.fromRdf(statements, iri);
        String schema = Models.objectLiteral(statements.filter(iri, CHM.cbdSchema, null))
                .map(l -> l.getLabel())
                .orElse(null);
        return write(record, schema);
    }

    /**
     * The CBD document of {@code record}.
     *
     * @param schema the schema to write; null for the record's default
     * @throws CbdMappingException if it is not a record the CBD takes from a national node
     */
    public CbdDocument write(Record record, String schema) {
        String identifier = identifier(record);
        ObjectNode d = NODES.objectNode();
        if (record instanceof NationalReport r) {
            String s = schema != null
                            && FIELDS.containsKey(schema)
                            && !schema.equals("nationalTarget7")
                            && !schema.equals("contact")
                            && !schema.equals("organization")
                    ? schema
                    : reportSchema(r);
            header(d, identifier, s, r.title(), r.summary());
            government(d, r.country());
            lstring(d, "title", r.title());
            lstring(d, "summary", r.summary());
            if (s.equals("nationalReport") && isNbsap(r)) {
                d.putObject("reportType").put("identifier", NBSAP_REPORT_TYPE);
            }
            date(d, "startDate", r.startDate());
            date(d, "endDate", r.endDate());
            date(d, "adoptionDate", r.published());
            if (s.equals("nbsap")) {
                terms(d, "globalGoalAlignment", r.concepts(), ChmThesaurus.GBF_GOALS);
                terms(d, "globalTargetAlignment", r.concepts(), ChmThesaurus.GBF_TARGETS);
            } else {
                terms(d, "gbfTargets", r.concepts(), ChmThesaurus.GBF_TARGETS);
                terms(d, "gbfGoal", r.concepts(), ChmThesaurus.GBF_GOALS);
            }
            terms(d, "aichiTargets", r.concepts(), ChmThesaurus.AICHI_TARGETS);
            links(d, "documentLinks", r.files());
            return new CbdDocument(s, identifier, d);
        }
        if (record instanceof NationalTarget t) {
            header(d, identifier, "nationalTarget7", t.title(), t.summary());
            government(d, t.country());
            lstring(d, "title", t.title());
            lstring(d, "description", t.summary());
            iris(d, "globalGoalAlignment", t.goals());
            iris(d, "globalTargetAlignment", t.targets());
            links(d, "relevantDocuments", t.files());
            return new CbdDocument("nationalTarget7", identifier, d);
        }
        if (record instanceof FocalPoint f) {
            header(d, identifier, "contact", f.designation(), f.organization());
            d.put("type", f.contactKind().value());
            government(d, f.country());
            if (f.prefix() != null) {
                d.putObject("prefix").put("en", f.prefix());
            }
            text(d, "firstName", f.firstName());
            text(d, "lastName", f.lastName());
            lstring(d, "designation", f.designation());
            lstring(d, "organization", f.organization());
            schemeValues(d, "emails", f.emails(), "mailto:");
            schemeValues(d, "phones", f.phones(), "tel:");
            return new CbdDocument("contact", identifier, d);
        }
        if (record instanceof Organization o) {
            if ("organization".equals(schema)) {
                header(d, identifier, "organization", o.title(), o.summary());
                lstring(d, "name", o.title());
                if (o.acronym() != null) {
                    d.putObject("acronym").put(first(o.title()), o.acronym());
                }
                lstring(d, "profile", o.summary());
            } else {
                header(d, identifier, "contact", o.title(), o.summary());
                d.put("type", "organization");
                lstring(d, "organization", o.title());
                if (o.acronym() != null) {
                    d.putObject("organizationAcronym").put(first(o.title()), o.acronym());
                }
                lstring(d, "description", o.summary());
            }
            if (o.country() != null) {
                d.putObject("country").put("identifier", alpha2(o.country()));
            }
            schemeValues(d, "emails", o.emails(), "mailto:");
            if (o.homepage() != null) {
                d.putArray("websites").addObject().put("url", o.homepage().stringValue());
            }
            return new CbdDocument(d.path("header").path("schema").asText(), identifier, d);
        }
        throw new CbdMappingException("A " + record.type().slug() + " is not a national record the CBD takes ("
                + record.iri() + "): national reports, NBSAPs, national targets and contacts are");
    }

    /** The identifier: the CBD's if the record has one, else a UUID named by the record IRI. */
    static String identifier(Record record) {
        String cbd = record.cbdIdentifier();
        if (cbd != null && IDENTIFIER.matcher(cbd).matches()) {
            return cbd;
        }
        return UUID.nameUUIDFromBytes(record.iri().stringValue().getBytes(StandardCharsets.UTF_8))
                .toString()
                .toUpperCase(Locale.ROOT);
    }

    private String reportSchema(NationalReport r) {
        Optional<Concept> type = thesaurus.concept(r.reportType());
        for (String schema : List.of("nbsap", "nationalReport6", "nationalReport7", "nationalReport")) {
            if (type.map(c -> c.notations().contains(schema)).orElse(false)) {
                return schema;
            }
        }
        return "nationalReport";
    }

    private static boolean isNbsap(NationalReport r) {
        return r.reportType().equals(ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "nbsap"));
    }

    private static void header(ObjectNode d, String identifier, String schema, LangText a, LangText b) {
        Set<String> languages = new TreeSet<>(a.languages());
        languages.addAll(b.languages());
        if (languages.isEmpty()) {
            languages.add("en");
        }
        ObjectNode header = d.putObject("header");
        header.put("identifier", identifier).put("schema", schema);
        ArrayNode langs = header.putArray("languages");
        languages.forEach(langs::add);
    }

    private static void government(ObjectNode d, IRI country) {
        d.putObject("government").put("identifier", alpha2(country));
    }

    private static String alpha2(IRI country) {
        String s = country.stringValue();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static void lstring(ObjectNode d, String field, LangText text) {
        if (!text.isEmpty()) {
            d.set(field, LString.write(text));
        }
    }

    private static void text(ObjectNode d, String field, String value) {
        if (value != null) {
            d.put(field, value);
        }
    }

    private static void date(ObjectNode d, String field, LocalDate value) {
        if (value != null) {
            d.put(field, value.toString());
        }
    }

    private static String first(LangText text) {
        return text.languages().contains("en")
                ? "en"
                : text.languages().iterator().next();
    }

    /** The concepts of one scheme as ETerms, by notation (or the concept's last path segment). */
    private void terms(ObjectNode d, String field, Set<IRI> concepts, String scheme) {
        IRI s = ChmThesaurus.scheme(scheme);
        Set<String> ids = new TreeSet<>();
        for (IRI c : concepts) {
            if (c.stringValue().startsWith(s.stringValue() + "/")) {
                ids.add(notation(c));
            }
        }
        etermArray(d, field, ids);
    }

    private void iris(ObjectNode d, String field, Set<IRI> concepts) {
        Set<String> ids = new TreeSet<>();
        concepts.forEach(c -> ids.add(notation(c)));
        etermArray(d, field, ids);
    }

    private String notation(IRI concept) {
        String s = concept.stringValue();
        String local = s.substring(s.lastIndexOf('/') + 1);
        return thesaurus
                .concept(concept)
                .flatMap(c -> c.notations().stream()
                        .filter(n -> n.equalsIgnoreCase(local))
                        .findFirst())
                .orElse(local);
    }

    private static void etermArray(ObjectNode d, String field, Set<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ArrayNode a = d.putArray(field);
        ids.forEach(id -> a.addObject().put("identifier", id));
    }

    private static void links(ObjectNode d, String field, List<FileRef> files) {
        if (files.isEmpty()) {
            return;
        }
        ArrayNode a = d.putArray(field);
        for (FileRef f : files) {
            ObjectNode link = a.addObject().put("url", f.url().stringValue());
            if (f.fileName() != null) {
                link.put("name", f.fileName());
            }
            if (f.language() != null) {
                link.put("language", f.language());
            }
        }
    }

    private static void schemeValues(ObjectNode d, String field, Set<IRI> values, String scheme) {
        if (values.isEmpty()) {
            return;
        }
        ArrayNode a = d.putArray(field);
        new TreeSet<>(values.stream()
                        .map(v -> v.stringValue().substring(scheme.length()))
                        .toList())
                .forEach(a::add);
    }
}
