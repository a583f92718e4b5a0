package org.chmexchange.tools;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.ModelBuilder;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.model.vocabulary.SKOS;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * Builds {@code sample/mea-facts.ttl}: every treaty, meeting, decision and document of
 * {@code mea-facts.json} as a record of the common format (docs/MODEL.md) under
 * {@link org.chmexchange.vocab.Vocabularies#SAMPLE_BASE}, with ids from {@link RecordIds}.
 *
 * <p>Links are kept and checked against the generated thesaurus: decision → {@code chm:meeting} →
 * {@code chm:treaty}; decision and document → {@code chm:treaty}; document → {@code chm:cites}
 * (decision codes and document symbols resolved to record IRIs); decision → {@code dcterms:subject}
 * (CBD identifiers such as {@code GBF-GOAL-A} resolved to concepts by notation); meeting →
 * {@code chm:country}. Anything that does not resolve is an error, never dropped. No
 * {@code dcterms:modified}: the node that stores a record sets it.
 *
 * <p>Not thread-safe: one instance per build.
 */
final class SampleData {

    private static final List<String> SUBJECT_SCHEMES = List.of(
            ChmThesaurus.GBF_GOALS, ChmThesaurus.GBF_TARGETS, ChmThesaurus.AICHI_GOALS, ChmThesaurus.AICHI_TARGETS);

    /** {@code kind} values of mea-facts.json documents and their {@code document-types} concept ids. */
    private static final Map<String, String> DOCUMENT_KINDS = Map.of(
            "working document", "working-document",
            "information document", "information-document",
            "report", "report");

    private final MeaFacts facts;
    private final Model thesaurus;
    private final Model out = new LinkedHashModel();
    private final ModelBuilder builder = new ModelBuilder(out);
    private final RecordIds ids = new RecordIds();
    private final Map<String, IRI> meetings = new HashMap<>();
    private final Map<String, List<Cited>> decisionsByCode = new HashMap<>();
    private final Map<String, IRI> documentsBySymbol = new HashMap<>();
    private final Map<String, IRI> subjectsByNotation = new HashMap<>();

    private SampleData(MeaFacts facts, Model thesaurus) {
        this.facts = facts;
        this.thesaurus = thesaurus;
        for (String scheme : SUBJECT_SCHEMES) {
            for (Resource concept : thesaurus
                    .filter(null, SKOS.IN_SCHEME, ChmThesaurus.scheme(scheme))
                    .subjects()) {
                for (Value notation :
                        thesaurus.filter(concept, SKOS.NOTATION, null).objects()) {
                    subjectsByNotation.put(notation.stringValue(), (IRI) concept);
                }
            }
        }
    }

    /**
     * Builds the sample records.
     *
     * @param facts the MEA facts; not null
     * @param thesaurus every generated scheme, merged; used to check and resolve concepts; not null
     * @return a new model
     * @throws IllegalStateException on an id collision or any reference that does not resolve
     */
    static Model build(MeaFacts facts, Model thesaurus) {
        return new SampleData(facts, thesaurus).build();
    }

    private Model build() {
        facts.treaties().forEach(this::treaty);
        facts.meetings().forEach(this::meeting);
        facts.decisions().forEach(this::decision);
        for (MeaFacts.Document document : facts.documents()) {
            documentsBySymbol.put(
                    document.symbol(),
                    ids.mint("document", RecordIds.documentId(document.symbol()), "document " + document.symbol()));
        }
        facts.documents().forEach(this::document);
        return out;
    }

    private void treaty(MeaFacts.Treaty treaty) {
        String id = treaty.informeaId();
        IRI iri = ids.mint("treaty", RecordIds.treatyId(id), "treaty " + id);
        subject(iri, CHM.Treaty, id);
        add(DCTERMS.TITLE, en(treaty.name()));
        new java.util.TreeMap<>(treaty.names()).forEach((lang, name) -> add(DCTERMS.TITLE, Values.literal(name, lang)));
        add(CHM.treaty, concept(ChmThesaurus.TREATIES, id, "treaty " + id));
        add(CHM.informeaId, Values.literal(id));
        add(CHM.acronym, plain(treaty.acronym()));
        if (treaty.parentTreaty() != null) {
            add(CHM.parentTreaty, concept(ChmThesaurus.TREATIES, treaty.parentTreaty(), "treaty " + id));
        }
        String context = "treaty " + id;
        add(CHM.adoptionDate, date(treaty.adopted(), context));
        add(CHM.adoptionDate, date(treaty.established(), context));
        add(CHM.openedForSignature, date(treaty.openedForSignature(), context));
        add(CHM.entryIntoForce, date(treaty.entryIntoForce(), context));
        add(CHM.placeOfAdoption, plain(treaty.placeOfAdoption()));
        add(CHM.placeOfAdoption, plain(treaty.placeOfEstablishment()));
        add(CHM.secretariatSeat, plain(treaty.secretariatSeat()));
        add(CHM.untcReference, plain(treaty.untc()));
        if (treaty.placeOfSignature() != null) {
            add(RDFS.COMMENT, en("Opened for signature in " + treaty.placeOfSignature() + "."));
        }
        add(RDFS.COMMENT, en(treaty.note()));
    }

    private void meeting(MeaFacts.Meeting meeting) {
        String context = "meeting " + meeting.code() + " of " + meeting.treaty();
        IRI iri = ids.mint("meeting", RecordIds.meetingId(meeting.treaty(), meeting.code()), context);
        meetings.put(key(meeting.treaty(), meeting.code()), iri);
        subject(iri, CHM.Meeting, meeting.code());
        add(DCTERMS.TITLE, en(meeting.title()));
        add(CHM.treaty, concept(ChmThesaurus.TREATIES, meeting.treaty(), context));
        add(CHM.body, plain(meeting.body()));
        add(CHM.session, integer(meeting.session()));
        add(CHM.part, integer(meeting.part()));
        add(Std.SCHEMA_START_DATE, date(meeting.start(), context));
        add(Std.SCHEMA_END_DATE, date(meeting.end(), context));
        add(CHM.city, plain(meeting.city()));
        if (meeting.country() != null) {
            add(CHM.country, concept(ChmThesaurus.COUNTRIES, meeting.country().toLowerCase(Locale.ROOT), context));
        }
    }

    private void decision(MeaFacts.Decision decision) {
        String context = decision.type() + " " + decision.code() + " of " + decision.treaty();
        IRI iri = ids.mint(
                "decision", RecordIds.decisionId(decision.treaty(), decision.type(), decision.code()), context);
        decisionsByCode
                .computeIfAbsent(decision.code(), code -> new ArrayList<>())
                .add(new Cited(decision.treaty(), iri));
        requireTitleOrSummary(decision.title(), decision.subject(), context);
        subject(iri, CHM.Decision, decision.code());
        add(DCTERMS.TITLE, en(decision.title()));
        add(DCTERMS.DESCRIPTION, en(decision.subject()));
        add(CHM.treaty, concept(ChmThesaurus.TREATIES, decision.treaty(), context));
        add(CHM.decisionType, concept(ChmThesaurus.DECISION_TYPES, decision.type(), context));
        if (decision.meeting() != null) {
            add(CHM.meeting, meeting(decision.treaty(), decision.meeting(), context));
        }
        add(CHM.adoptionDate, date(decision.adopted(), context));
        for (String cbdId : decision.concepts()) {
            IRI concept = subjectsByNotation.get(cbdId);
            if (concept == null) {
                throw new IllegalStateException(MeaFacts.FILE + ": " + context + " has concept " + cbdId
                        + ", which is no notation of " + SUBJECT_SCHEMES);
            }
            add(DCTERMS.SUBJECT, concept);
        }
    }

    private void document(MeaFacts.Document document) {
        String context = "document " + document.symbol();
        IRI iri = documentsBySymbol.get(document.symbol());
        requireTitleOrSummary(document.title(), document.subject(), context);
        subject(iri, CHM.Document, document.symbol());
        add(DCTERMS.TITLE, en(document.title()));
        add(DCTERMS.DESCRIPTION, en(document.subject()));
        add(CHM.treaty, concept(ChmThesaurus.TREATIES, document.treaty(), context));
        if (document.kind() != null) {
            String type = DOCUMENT_KINDS.get(document.kind());
            if (type == null) {
                throw new IllegalStateException(MeaFacts.FILE + ": " + context + " has unknown kind '" + document.kind()
                        + "'; known: " + DOCUMENT_KINDS.keySet());
            }
            add(CHM.documentType, concept(ChmThesaurus.DOCUMENT_TYPES, type, context));
        }
        if (document.meeting() != null) {
            add(CHM.meeting, meeting(document.treaty(), document.meeting(), context));
        }
        for (String cited : document.cites()) {
            add(CHM.cites, citation(cited, document.treaty(), context));
        }
    }

    /** A document symbol first, else a decision code: unique, or unique within the citing treaty. */
    private IRI citation(String cited, String citingTreaty, String context) {
        IRI document = documentsBySymbol.get(cited);
        if (document != null) {
            return document;
        }
        List<Cited> candidates = decisionsByCode.getOrDefault(cited, List.of());
        if (candidates.size() == 1) {
            return candidates.get(0).iri();
        }
        List<Cited> sameTreaty =
                candidates.stream().filter(c -> c.treaty().equals(citingTreaty)).toList();
        if (sameTreaty.size() == 1) {
            return sameTreaty.get(0).iri();
        }
        throw new IllegalStateException(MeaFacts.FILE + ": " + context + " cites '" + cited + "', which "
                + (candidates.isEmpty() ? "is no document symbol or decision code" : "is ambiguous: " + candidates));
    }

    private IRI meeting(String treaty, String code, String context) {
        IRI meeting = meetings.get(key(treaty, code));
        if (meeting == null) {
            throw new IllegalStateException(
                    MeaFacts.FILE + ": " + context + " refers to unknown meeting " + code + " of " + treaty);
        }
        return meeting;
    }

    private IRI concept(String scheme, String id, String context) {
        IRI concept = ChmThesaurus.concept(scheme, id);
        if (!thesaurus.contains(concept, SKOS.IN_SCHEME, ChmThesaurus.scheme(scheme))) {
            throw new IllegalStateException(
                    MeaFacts.FILE + ": " + context + " refers to " + id + ", which is no concept of scheme " + scheme);
        }
        return concept;
    }

    private void subject(IRI iri, IRI type, String identifier) {
        builder.subject(iri).add(RDF.TYPE, type).add(DCTERMS.IDENTIFIER, Values.literal(identifier));
    }

    private void add(IRI predicate, Value object) {
        if (object != null) {
            builder.add(predicate, object);
        }
    }

    private static void requireTitleOrSummary(String title, String summary, String context) {
        if (title == null && summary == null) {
            throw new IllegalStateException(MeaFacts.FILE + ": " + context + " has neither title nor subject");
        }
    }

    private static String key(String treaty, String code) {
        return treaty + '\u0000' + code;
    }

    private static Literal en(String text) {
        return text == null ? null : SkosScheme.text(text, "en");
    }

    private static Literal plain(String text) {
        return text == null ? null : Values.literal(text);
    }

    private static Literal integer(Integer value) {
        return value == null ? null : Values.literal(BigInteger.valueOf(value));
    }

    private static Literal date(String text, String context) {
        LocalDate date = MeaFacts.date(text, context);
        return date == null ? null : Values.literal(date.toString(), XSD.DATE);
    }

    /** A decision that a document may cite. */
    private record Cited(String treaty, IRI iri) {}
}
