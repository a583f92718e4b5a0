package org.chmexchange.examples;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.Harvester;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.jena.JenaHarvestSink;
import org.chmexchange.jena.JenaRecords;
import org.chmexchange.jena.JenaThesaurus;
import org.chmexchange.jena.JenaValidator;
import org.chmexchange.model.NationalReport;
import org.chmexchange.model.Record;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.validation.RecordValidator;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.util.Values;

/**
 * What a national CHM developer who works in Apache Jena writes (module {@code chm-library-jena}):
 *
 * <ol>
 *   <li>An NBSAP built with Jena's own API, in the project's vocabulary, is validated against the
 *       project's SHACL shapes ({@link JenaValidator}: the same report as the RDF4J library's).
 *   <li>It is read as a typed record ({@link JenaRecords#fromJena}), as the library's mapping reads
 *       it.
 *   <li>A node's RDF dump is harvested with the library's {@code rdf-dump} harvester into a Jena TDB2
 *       dataset ({@link JenaHarvestSink}: validated pages, each with its harvest state in one
 *       transaction), then queried with Jena's ARQ: the decisions per treaty.
 *   <li>A GBF target's label is looked up in French on the thesaurus loaded from a Jena model
 *       ({@link JenaThesaurus}).
 * </ol>
 *
 * <p>Run (after {@code mvn -B -q -pl examples -am package -DskipTests}):
 * {@code java -cp examples/target/chm-examples.jar org.chmexchange.examples.JenaNationalNode DUMP-URL [folder]},
 * for instance with a running node's dump, {@code http://localhost:8080/dump.nq}; the TDB2 dataset is
 * written to {@code folder/tdb2} (default {@code ./out}).
 */
public final class JenaNationalNode {

    /** The base IRI of the (fictional) national CHM node. */
    public static final String BASE = "https://chm.example.org/";

    /** The graph the harvested records are written to. */
    public static final String GRAPH = BASE + "graphs/sources/central";

    /** What the example found. */
    public record Result(
            ValidationReport report,
            Record nbsap,
            long harvested,
            Map<String, Integer> decisionsPerTreaty,
            String frenchLabel) {}

    private JenaNationalNode() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: JenaNationalNode DUMP-URL [folder]");
            System.exit(2);
        }
        run(URI.create(args[0]), Path.of(args.length > 1 ? args[1] : "out"), System.out);
    }

    public static Result run(URI dump, Path folder, PrintStream out) {
        Objects.requireNonNull(dump, "dump");
        // 1. An NBSAP, written with Jena's API.
        Model nbsap = ModelFactory.createDefaultModel();
        String chm = CHM.NAMESPACE;
        Resource report = nbsap.createResource(BASE + "records/national-report/sn-nbsap-2025-2030")
                .addProperty(RDF.type, nbsap.createResource(chm + "NationalReport"))
                .addProperty(DCTerms.identifier, "SN-NBSAP-2025-2030")
                .addProperty(DCTerms.title, "Stratégie et plan d'action nationaux pour la biodiversité 2025-2030", "fr")
                .addProperty(
                        nbsap.createProperty(chm + "treaty"),
                        nbsap.createResource(ChmThesaurus.treaty("cbd").stringValue()))
                .addProperty(
                        nbsap.createProperty(chm + "country"),
                        nbsap.createResource(ChmThesaurus.country("sn").stringValue()))
                .addProperty(
                        nbsap.createProperty(chm + "reportType"),
                        nbsap.createResource(ChmThesaurus.concept(ChmThesaurus.REPORT_TYPES, "nbsap")
                                .stringValue()))
                .addLiteral(
                        DCTerms.dateSubmitted,
                        nbsap.createTypedLiteral("2025-02-14", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate));
        ValidationReport validation;
        RecordValidator shapes = new RecordValidator();
        try (JenaValidator validator = new JenaValidator(shapes)) { // owns shapes, closes it
            validation = validator.validate(nbsap);
            out.println(validation.conforms() ? "valid" : "invalid: " + validation);

            // 2. The typed record.
            NationalReport record = (NationalReport) JenaRecords.fromJena(nbsap, report.getURI());
            out.println("record " + record.iri() + ": " + record.common().title());

            // 3. Harvest a dump into TDB2, then ask ARQ.
            Dataset dataset = TDB2Factory.connectDataset(
                    Files.createDirectories(folder.resolve("tdb2")).toString());
            JenaHarvestSink sink = JenaHarvestSink.validating(dataset.asDatasetGraph(), "central", GRAPH, shapes);
            OkHttpClient http = HttpClients.create(HttpSettings.defaults());
            try {
                HarvestSource source = new HarvestSource("central", "rdf-dump", dump, Map.of());
                Harvester harvester = HarvesterRegistry.load()
                        .factory("rdf-dump")
                        .orElseThrow()
                        .create(source, new HarvestContext(http, 1000, folder));
                harvester.harvest(sink.state(), sink);
            } finally {
                HttpClients.shutdown(http);
            }
            out.println("harvested " + sink.written() + " records, "
                    + sink.rejections().size() + " refused");
            Map<String, Integer> perTreaty = Txn.calculateRead(dataset, () -> {
                Map<String, Integer> counts = new LinkedHashMap<>();
                String query = "PREFIX chm: <" + chm + ">\n"
                        + "SELECT ?treaty (COUNT(?d) AS ?n) WHERE { GRAPH <" + GRAPH
                        + "> { ?d a chm:Decision ; chm:treaty ?treaty } }"
                        + " GROUP BY ?treaty ORDER BY DESC(?n) ?treaty";
                try (QueryExecution qe =
                        QueryExecution.dataset(dataset).query(query).build()) {
                    ResultSet rs = qe.execSelect();
                    while (rs.hasNext()) {
                        QuerySolution row = rs.next();
                        counts.put(
                                row.getResource("treaty").getURI(),
                                row.getLiteral("n").getInt());
                    }
                }
                return counts;
            });
            perTreaty.forEach((treaty, n) -> out.println("  " + treaty + ": " + n + " decisions"));
            dataset.close();

            // 4. The thesaurus, on a Jena model.
            Thesaurus thesaurus = JenaThesaurus.load(JenaThesaurus.chmThesaurus());
            Concept target = thesaurus
                    .concept(Values.iri(ChmThesaurus.concept(ChmThesaurus.GBF_TARGETS, "GBF-TARGET-03")
                            .stringValue()))
                    .orElseThrow();
            String label = target.label("fr");
            out.println("GBF-TARGET-03 (fr, with fallback): " + label);
            return new Result(validation, record, sink.written(), perTreaty, label);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
