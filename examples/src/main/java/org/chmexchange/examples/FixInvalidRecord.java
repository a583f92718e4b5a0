package org.chmexchange.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.chmexchange.model.NationalReport;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.validation.Violation;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * Fixing an invalid record: a partner node (fictional, {@code partner.example.org}) sends the sixth
 * national report of Kenya, but its record has two faults that the validator reports field by
 * field:
 *
 * <ul>
 *   <li>{@code country}: the record has none, and a national report needs exactly one;
 *   <li>{@code concepts}: its subject is the CBD thesaurus term of Aichi Biodiversity Target 11
 *       ({@code https://api.cbd.int/api/v2013/thesaurus/terms/AICHI-TARGET-11}), not a concept of the
 *       shared thesaurus.
 * </ul>
 *
 * <p>The fixes are made on the RDF (the typed {@link NationalReport} cannot even hold a report
 * without a country, and {@link RecordMapper#fromRdf} refuses one): the country is added from its
 * ISO 3166-1 alpha-3 code {@code KEN}, and each subject the thesaurus does not know is replaced by
 * the concept that declares it as its {@code skos:exactMatch}. The fixed record validates and maps
 * to a typed record.
 *
 * <p>Run (from the repository root, after {@code mvn -B -q -pl examples -am package -DskipTests}):
 * {@code java -cp examples/target/chm-examples.jar org.chmexchange.examples.FixInvalidRecord}.
 */
public final class FixInvalidRecord {

    /** The IRI of the received record. */
    public static final String RECORD = "https://partner.example.org/records/national-report/ke-nr6";

    /** The record as the partner node sends it, in Turtle. */
    public static final String RECEIVED =
            """
            @prefix chm: <https://w3id.org/chm-exchange/ns#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

            <https://partner.example.org/records/national-report/ke-nr6> a chm:NationalReport ;
                dcterms:identifier "KE-NR6" ;
                dcterms:title "Sixth national report of Kenya (example)"@en ;
                chm:treaty <https://w3id.org/chm-exchange/thesaurus/treaties/cbd> ;
                chm:reportType <https://w3id.org/chm-exchange/thesaurus/report-types/national-report-6> ;
                dcterms:subject <https://api.cbd.int/api/v2013/thesaurus/terms/AICHI-TARGET-11> ;
                dcterms:dateSubmitted "2019-03-29"^^xsd:date .
            """;

    /**
     * What the example did.
     *
     * @param before the report on the record as received (it does not conform)
     * @param after the report on the fixed record (it conforms)
     * @param fixed the fixed record's triples
     * @param record the fixed record, typed
     */
    public record Result(ValidationReport before, ValidationReport after, Model fixed, NationalReport record) {}

    private FixInvalidRecord() {}

    /**
     * Runs the example.
     *
     * @param args none
     * @throws IOException if the received Turtle cannot be read
     */
    public static void main(String[] args) throws IOException {
        run(System.out);
    }

    /**
     * Validates the received record, fixes it and validates it again.
     *
     * @param out where to print the reports and the fixes
     * @return both reports and the fixed record
     * @throws IOException if the received Turtle cannot be read
     * @throws IllegalStateException if a fault cannot be fixed
     */
    public static Result run(PrintStream out) throws IOException {
        Thesaurus thesaurus = Thesaurus.fromClasspath();
        Model received = Rio.parse(new StringReader(RECEIVED), RECORD, RDFFormat.TURTLE);
        IRI record = RecordMapper.recordSubjects(received).get(0);

        try (RecordValidator validator = new RecordValidator()) {
            // 1. Validate what was received: one line per broken rule, by field.
            ValidationReport before = validator.validate(received);
            out.println("Received " + record + ": " + (before.conforms() ? "valid" : "invalid"));
            print(before, out);

            // 2. Fix the faults, on a copy of the triples.
            Model fixed = new LinkedHashModel(received);
            IRI kenya = thesaurus
                    .byNotation("KEN")
                    .filter(concept -> concept.inScheme(ChmThesaurus.scheme(ChmThesaurus.COUNTRIES)))
                    .map(Concept::iri)
                    .orElseThrow(() -> new IllegalStateException("No country KEN in the thesaurus"));
            fixed.add(record, CHM.country, kenya);
            out.println("Fix country: " + kenya);
            for (Value subject :
                    List.copyOf(received.filter(record, DCTERMS.SUBJECT, null).objects())) {
                if (subject.isIRI() && thesaurus.concept((IRI) subject).isEmpty()) {
                    Concept ours = exactMatchOf(thesaurus, (IRI) subject)
                            .orElseThrow(
                                    () -> new IllegalStateException("No concept of the thesaurus matches " + subject));
                    fixed.remove(record, DCTERMS.SUBJECT, subject);
                    fixed.add(record, DCTERMS.SUBJECT, ours.iri());
                    out.println("Fix concepts: " + subject + " -> " + ours.iri() + " (" + ours.label("en") + ")");
                }
            }

            // 3. Validate again; a valid record maps to a typed record.
            ValidationReport after = validator.validate(fixed);
            out.println("Fixed " + record + ": " + (after.conforms() ? "valid" : "invalid"));
            print(after, out);
            if (!after.conforms()) {
                throw new IllegalStateException("The fixed record is still invalid:\n" + after);
            }
            NationalReport typed = (NationalReport) RecordMapper.fromRdf(fixed, record);
            out.flush();
            return new Result(before, after, fixed, typed);
        }
    }

    /** The concept of the thesaurus whose {@code skos:exactMatch} is {@code external}, if any. */
    private static Optional<Concept> exactMatchOf(Thesaurus thesaurus, IRI external) {
        return thesaurus.concepts().stream()
                .filter(concept -> concept.exactMatch().contains(external))
                .findFirst();
    }

    /** One line per violation: the shapes' messages start with the field ({@code "country: ..."}). */
    private static void print(ValidationReport report, PrintStream out) {
        for (Violation violation : report.violations()) {
            String message = violation.message();
            String line = message.startsWith(violation.field() + ":") ? message : violation.field() + ": " + message;
            out.println("  " + line + (violation.value() == null ? "" : " (value " + violation.value() + ")"));
        }
    }
}
