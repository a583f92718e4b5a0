package org.chmexchange.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The content of {@code mea-facts/mea-facts.json}: real, public facts about treaties, meetings,
 * decisions and documents. Read strictly: an unknown field is an error, so every field is either
 * converted or deliberately listed here.
 *
 * @param about description of the file
 * @param treaties treaties, keyed by InforMEA id
 * @param meetings meetings, keyed by (treaty, code)
 * @param decisions decisions, keyed by (treaty, type, code)
 * @param documents documents, keyed by symbol
 */
record MeaFacts(
        String about,
        List<Treaty> treaties,
        List<Meeting> meetings,
        List<Decision> decisions,
        List<Document> documents) {

    /** Path of the file, relative to the sources folder. */
    static final String FILE = "mea-facts/mea-facts.json";

    MeaFacts {
        treaties = List.copyOf(Objects.requireNonNull(treaties, "treaties"));
        meetings = List.copyOf(Objects.requireNonNull(meetings, "meetings"));
        decisions = List.copyOf(Objects.requireNonNull(decisions, "decisions"));
        documents = List.copyOf(Objects.requireNonNull(documents, "documents"));
    }

    /** Reads {@link #FILE} below {@code sources}. */
    static MeaFacts read(Path sources) throws IOException {
        return SourceJson.read(sources.resolve(FILE), MeaFacts.class);
    }

    /**
     * Parses an ISO 8601 date of the file.
     *
     * @return the date, or null if {@code text} is null
     * @throws IllegalStateException if {@code text} is not an ISO date
     */
    static LocalDate date(String text, String context) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(FILE + ": bad date '" + text + "' in " + context, e);
        }
    }

    /**
     * A treaty (or, for IPBES, a platform: see {@code note}).
     *
     * @param placeOfSignature where it was opened for signature (CBD: Rio de Janeiro, not where it was
     *     adopted); converted to an English comment
     * @param established date of establishment (IPBES), converted as the adoption date
     * @param placeOfEstablishment place of establishment (IPBES), converted as the place of adoption
     * @param names the official name in the other UN languages (ar, es, fr, ru, zh), by language tag,
     *     as the UN Treaty Collection or the treaty secretariat publishes it; those languages whose
     *     official text this project could not confirm are absent
     */
    record Treaty(
            String informeaId,
            String acronym,
            String name,
            String adopted,
            String openedForSignature,
            String placeOfSignature,
            String placeOfAdoption,
            String entryIntoForce,
            String untc,
            String secretariatSeat,
            String parentTreaty,
            String established,
            String placeOfEstablishment,
            String note,
            String definition,
            java.util.Map<String, String> names) {
        Treaty {
            Objects.requireNonNull(informeaId, "treaty informeaId");
            Objects.requireNonNull(name, "name of treaty " + informeaId);
            names = names == null ? java.util.Map.of() : java.util.Map.copyOf(names);
        }
    }

    /** A meeting of a treaty body; {@code country} is an ISO 3166-1 alpha-2 code. */
    record Meeting(
            String code,
            String treaty,
            String body,
            Integer session,
            Integer part,
            String title,
            String city,
            String country,
            String start,
            String end) {
        Meeting {
            Objects.requireNonNull(code, "meeting code");
            Objects.requireNonNull(treaty, "treaty of meeting " + code);
            Objects.requireNonNull(title, "title of meeting " + code);
            Objects.requireNonNull(start, "start of meeting " + code);
        }
    }

    /** A decision, resolution or recommendation ({@code type}); {@code concepts} are CBD term ids. */
    record Decision(
            String code,
            String treaty,
            String meeting,
            String type,
            String title,
            String subject,
            String adopted,
            List<String> concepts) {
        Decision {
            Objects.requireNonNull(code, "decision code");
            Objects.requireNonNull(treaty, "treaty of decision " + code);
            Objects.requireNonNull(type, "type of decision " + code);
            concepts = concepts == null ? List.of() : List.copyOf(concepts);
        }
    }

    /** A meeting document; {@code cites} are codes of decisions or symbols of documents. */
    record Document(
            String symbol,
            String treaty,
            String meeting,
            String kind,
            String title,
            String subject,
            List<String> cites) {
        Document {
            Objects.requireNonNull(symbol, "document symbol");
            Objects.requireNonNull(treaty, "treaty of document " + symbol);
            cites = cites == null ? List.of() : List.copyOf(cites);
        }
    }
}
