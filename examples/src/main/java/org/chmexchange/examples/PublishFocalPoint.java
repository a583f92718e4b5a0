package org.chmexchange.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chmexchange.model.Common;
import org.chmexchange.model.FocalPoint;
import org.chmexchange.model.LangText;
import org.chmexchange.model.RecordType;
import org.chmexchange.rdf.RecordFormat;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.rdf.RecordWriter;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.ConceptMatch;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Values;

/**
 * Publishing a national focal point: the CHM node of Colombia publishes its primary national focal
 * point for the Convention on Biological Diversity, who is also its clearing-house mechanism focal
 * point. The person, Ana Example, is fictional.
 *
 * <ol>
 *   <li>Codes become thesaurus concepts: the country by its ISO 3166-1 alpha-3 code {@code COL}, the
 *       focal-point categories by their CBD codes {@code CBD-FP1} and {@code CHM-FP}
 *       ({@link Thesaurus#byNotation(String)}).
 *   <li>Subjects are found the way an editor of a Spanish user interface finds them, with the
 *       autocomplete ({@link Thesaurus#search(String, String, int, IRI)}): the GBF targets have
 *       English labels only, so the labels shown fall back to English. The best hit is taken, so
 *       the choice is deterministic; it is printed.
 *   <li>The typed record is built, its IRI minted under the node's base IRI
 *       ({@link RecordType#mint(String, String)}).
 *   <li>It is validated against the SHACL shapes ({@link RecordValidator}); an invalid record is
 *       not published.
 *   <li>It is written as JSON-LD and Turtle ({@link RecordWriter}) into the output folder, and the
 *       JSON-LD is printed.
 * </ol>
 *
 * <p>Run (from the repository root, after {@code mvn -B -q -pl examples -am package -DskipTests}):
 * {@code java -cp examples/target/chm-examples.jar org.chmexchange.examples.PublishFocalPoint [folder]};
 * the folder defaults to {@code ./out}.
 */
public final class PublishFocalPoint {

    /** The base IRI of the (fictional) national CHM node that publishes the record. */
    public static final String BASE = "https://chm.example.org/";

    /** The record id; the record IRI is {@code https://chm.example.org/records/focal-point/co-cbd-fp1-ana-example}. */
    public static final String ID = "co-cbd-fp1-ana-example";

    /** The language of the editor's user interface, for the autocomplete. */
    public static final String EDITOR_LANGUAGE = "es";

    /** What the editor types in the subject autocomplete, restricted to the GBF targets. */
    public static final List<String> SUBJECT_QUERIES = List.of("conserve", "restore");

    /**
     * What the example did.
     *
     * @param record the published focal point
     * @param subjects the autocomplete hits picked as subjects, one per query of {@link #SUBJECT_QUERIES}
     * @param report the validation report (it conforms: an invalid record is not published)
     * @param jsonLd the JSON-LD file written
     * @param turtle the Turtle file written
     */
    public record Result(
            FocalPoint record, List<ConceptMatch> subjects, ValidationReport report, Path jsonLd, Path turtle) {}

    private PublishFocalPoint() {}

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
     * Builds, validates and writes the focal point.
     *
     * @param folder where to write {@code {id}.jsonld} and {@code {id}.ttl}; created if missing
     * @param out where to print what happens and the JSON-LD
     * @return what was built and written
     * @throws IOException if the files cannot be written
     * @throws IllegalStateException if a code is not in the thesaurus, a query finds nothing or the
     *     record is not valid
     */
    public static Result run(Path folder, PrintStream out) throws IOException {
        Thesaurus thesaurus = Thesaurus.fromClasspath();

        // 1. Codes as they come from a national database, looked up in the shared thesaurus.
        IRI colombia = byNotation(thesaurus, "COL", ChmThesaurus.COUNTRIES);
        IRI primaryFocalPoint = byNotation(thesaurus, "CBD-FP1", ChmThesaurus.FOCAL_POINT_CATEGORIES);
        IRI chmFocalPoint = byNotation(thesaurus, "CHM-FP", ChmThesaurus.FOCAL_POINT_CATEGORIES);
        // The treaty id is known in advance: ChmThesaurus builds its IRI (the validator checks it exists).
        IRI cbd = ChmThesaurus.treaty("cbd");

        // 2. Subjects picked with the autocomplete: the best hit of each query.
        IRI gbfTargets = ChmThesaurus.scheme(ChmThesaurus.GBF_TARGETS);
        List<ConceptMatch> subjects = new ArrayList<>();
        for (String query : SUBJECT_QUERIES) {
            ConceptMatch best = thesaurus.search(query, EDITOR_LANGUAGE, 1, gbfTargets).stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No GBF target matches '" + query + "'"));
            out.printf(
                    "Subject for \"%s\" (%s): %s [label in %s] %s%n",
                    query,
                    EDITOR_LANGUAGE,
                    best.label(),
                    best.labelLanguage(),
                    best.concept().iri());
            subjects.add(best);
        }

        // 3. The typed record.
        IRI iri = RecordType.FOCAL_POINT.mint(BASE, ID);
        Common common = Common.builder(iri, ID)
                .concepts(subjects.stream().map(match -> match.concept().iri()).toList())
                .status(ChmThesaurus.concept(ChmThesaurus.STATUSES, "active"))
                .build();
        FocalPoint record = FocalPoint.builder(
                        common,
                        List.of(cbd),
                        colombia,
                        List.of(primaryFocalPoint, chmFocalPoint),
                        FocalPoint.ContactKind.PERSON,
                        "Ana Example")
                .prefix("Ms.")
                .firstName("Ana")
                .lastName("Example")
                .designation(LangText.of(
                        "en", "Director of Biodiversity Policy",
                        "es", "Directora de Política de Biodiversidad"))
                .organization(LangText.of(
                        "en", "Ministry of Environment and Sustainable Development of Colombia",
                        "es", "Ministerio de Ambiente y Desarrollo Sostenible de Colombia"))
                .emails(List.of(Values.iri("mailto:ana.example@example.org")))
                .build();

        // 4. Validation against the SHACL shapes and the thesaurus.
        Model model = RecordMapper.toRdf(record);
        ValidationReport report;
        try (RecordValidator validator = new RecordValidator()) {
            report = validator.validate(model);
        }
        if (!report.conforms()) {
            throw new IllegalStateException("Not publishing an invalid record:\n" + report);
        }
        out.println("valid");

        // 5. JSON-LD and Turtle files.
        Files.createDirectories(folder);
        Path jsonLd = write(model, RecordFormat.JSONLD, folder);
        Path turtle = write(model, RecordFormat.TURTLE, folder);
        out.println("Wrote " + jsonLd + " and " + turtle);
        out.print(Files.readString(jsonLd, StandardCharsets.UTF_8));
        out.flush();
        return new Result(record, List.copyOf(subjects), report, jsonLd, turtle);
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
