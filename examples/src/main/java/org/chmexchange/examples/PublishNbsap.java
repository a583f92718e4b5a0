package org.chmexchange.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.chmexchange.model.Common;
import org.chmexchange.model.FileRef;
import org.chmexchange.model.LangText;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.rdf.RecordWriter;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Publishing an NBSAP: the CHM node of Senegal publishes its national biodiversity strategy and
 * action plan (NBSAP) under the Convention on Biological Diversity, with a title in English and
 * French, the Kunming-Montreal GBF targets it addresses, and its PDF files. The plan and its files
 * are fictional ({@code example.org}).
 *
 * <ol>
 *   <li>Codes become thesaurus concepts ({@link Thesaurus#byNotation(String)}): the country by its
 *       ISO 3166-1 alpha-3 code {@code SEN}, the report type {@code nbsap}, the GBF targets by their
 *       notations ({@code GBF-TARGET-01}, ...).
 *   <li>The typed record is built: a {@link NationalReport} whose files ({@link FileRef}) are nested
 *       resources {@code {record}#file-1}, {@code #file-2}.
 *   <li>It is validated against the SHACL shapes; an invalid record is not published.
 *   <li>It is written as JSON-LD and Turtle into the output folder, and the JSON-LD is printed.
 * </ol>
 *
 * <p>Run (from the repository root, after {@code mvn -B -q -pl examples -am package -DskipTests}):
 * {@code java -cp examples/target/chm-examples.jar org.chmexchange.examples.PublishNbsap [folder]};
 * the folder defaults to {@code ./out}.
 */
public final class PublishNbsap {

    /** The base IRI of the (fictional) national CHM node that publishes the record. */
    public static final String BASE = "https://chm.example.org/";

    /**
     * The record id; the record IRI is
     * {@code https://chm.example.org/records/national-report/sn-nbsap-2025-2030}.
     */
    public static final String ID = "sn-nbsap-2025-2030";

    /** The GBF targets the plan addresses, by notation. */
    public static final List<String> TARGETS =
            List.of("GBF-TARGET-01", "GBF-TARGET-02", "GBF-TARGET-03", "GBF-TARGET-14");

    /**
     * What the example did.
     *
     * @param record the published NBSAP
     * @param report the validation report (it conforms: an invalid record is not published)
     * @param jsonLd the JSON-LD file written
     * @param turtle the Turtle file written
     */
    public record Result(NationalReport record, ValidationReport report, Path jsonLd, Path turtle) {}

    private PublishNbsap() {}

    /**
     * Runs the example.
     *
     * @param args the output folder, optional (default {@code out})
     * @throws IOException if the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        run(Path.of(args.length > 0 ? args[0] : "out"), System.out);
    }

    /**
     * Builds, validates and writes the NBSAP.
     *
     * @param folder where to write {@code {id}.jsonld} and {@code {id}.ttl}; created if missing
     * @param out where to print what happens and the JSON-LD
     * @return what was built and written
     * @throws IOException if the files cannot be written
     * @throws IllegalStateException if a code is not in the thesaurus or the record is not valid
     */
    public static Result run(Path folder, PrintStream out) throws IOException {
        Thesaurus thesaurus = Thesaurus.fromClasspath();

        // 1. Codes looked up in the shared thesaurus.
        IRI senegal = byNotation(thesaurus, "SEN", ChmThesaurus.COUNTRIES);
        IRI nbsap = byNotation(thesaurus, "nbsap", ChmThesaurus.REPORT_TYPES);
        List<IRI> targets = TARGETS.stream()
                .map(notation -> byNotation(thesaurus, notation, ChmThesaurus.GBF_TARGETS))
                .toList();
        for (IRI target : targets) {
            out.println("Tagged with "
                    + thesaurus
                            .concept(target)
                            .map(concept -> concept.label("fr"))
                            .orElseThrow());
        }

        // 2. The typed record; its files are nested resources {record}#file-n.
        IRI iri = RecordType.NATIONAL_REPORT.mint(BASE, ID);
        List<FileRef> files = List.of(
                new FileRef(
                        FileRef.iriFor(iri, 1),
                        Values.iri("https://example.org/nbsap/sn-nbsap-2025-2030-fr.pdf"),
                        "application/pdf",
                        "fr",
                        "sn-nbsap-2025-2030-fr.pdf"),
                new FileRef(
                        FileRef.iriFor(iri, 2),
                        Values.iri("https://example.org/nbsap/sn-nbsap-2025-2030-en.pdf"),
                        "application/pdf",
                        "en",
                        "sn-nbsap-2025-2030-en.pdf"));
        Common common = Common.builder(iri, "SN-NBSAP-2025-2030")
                .title(LangText.of(
                        "en", "National Biodiversity Strategy and Action Plan of Senegal 2025-2030",
                        "fr", "Stratégie et plan d'action nationaux pour la biodiversité du Sénégal 2025-2030"))
                .summary(
                        LangText.of(
                                "en",
                                        "An example NBSAP aligned with the Kunming-Montreal Global Biodiversity Framework.",
                                "fr",
                                        "Un exemple de SPANB aligné sur le Cadre mondial de la biodiversité de Kunming-Montréal."))
                .concepts(targets)
                .status(ChmThesaurus.concept(ChmThesaurus.STATUSES, "final"))
                .files(files)
                .build();
        NationalReport record = NationalReport.builder(common, List.of(ChmThesaurus.treaty("cbd")), senegal, nbsap)
                .submitted(LocalDate.of(2025, 2, 28))
                .published(LocalDate.of(2025, 3, 14))
                .period(LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31))
                .build();

        // 3. Validation against the SHACL shapes and the thesaurus.
        Model model = RecordMapper.toRdf(record);
        ValidationReport report;
        try (RecordValidator validator = new RecordValidator()) {
            report = validator.validate(model);
        }
        if (!report.conforms()) {
            throw new IllegalStateException("Not publishing an invalid record:\n" + report);
        }
        out.println("valid");

        // 4. JSON-LD and Turtle files.
        Files.createDirectories(folder);
        Path jsonLd = write(model, RecordFormat.JSONLD, folder);
        Path turtle = write(model, RecordFormat.TURTLE, folder);
        out.println("Wrote " + jsonLd + " and " + turtle);
        out.print(Files.readString(jsonLd, StandardCharsets.UTF_8));
        out.flush();
        return new Result(record, report, jsonLd, turtle);
    }

    /** The concept with {@code notation} in {@code scheme}: a code in one scheme may not be a code in another. */
    private static IRI byNotation(Thesaurus thesaurus, String notation, String scheme) {
        return thesaurus
                .byNotation(notation)
                .filter(concept -> concept.inScheme(ChmThesaurus.scheme(scheme)))
                .map(Concept::iri)
                .orElseThrow(() -> new IllegalStateException("No concept " + notation + " in scheme " + scheme));
    }

    private static Path write(Model model, RecordFormat format, Path folder) throws IOException {
        Path file = folder.resolve(ID + "." + format.fileExtension());
        try (OutputStream stream = Files.newOutputStream(file)) {
            RecordWriter.write(model, format, stream);
        }
        return file;
    }
}
