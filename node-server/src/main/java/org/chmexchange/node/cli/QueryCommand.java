package org.chmexchange.node.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chmexchange.sparql.FederatedQuery;
import org.chmexchange.sparql.SparqlQueryException;
import org.chmexchange.sparql.SparqlResult;
import org.chmexchange.sparql.SparqlResultFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chm-node query --federate URL,URL[,...] 'SELECT ...'}: one SELECT query run at several nodes'
 * {@code /sparql} endpoints at once ({@link FederatedQuery}: SPARQL 1.1 Federated Query through
 * RDF4J's engine), the rows of all printed with the node each came from ({@code ?node}). Exit codes:
 * 0 answered, 1 a node failed, 2 bad usage or a query that is not a SELECT.
 */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = "Run a SPARQL SELECT query at several nodes at once; each row says which node it came from.")
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--federate",
            required = true,
            split = ",",
            paramLabel = "URL",
            description = "The nodes: base URLs ending with / (their /sparql is queried) or SPARQL endpoint URLs.")
    List<URI> nodes = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "tsv (default), csv, json or xml: the SPARQL 1.1 result formats.")
    String format = "tsv";

    @Option(
            names = "--skip-failing",
            description = "A node that cannot be queried contributes nothing (SERVICE SILENT) instead of failing.")
    boolean skipFailing;

    @Option(
            names = "--max-rows",
            paramLabel = "N",
            description = "The most rows of the answer (default " + FederatedQuery.DEFAULT_MAX_ROWS + ").")
    int maxRows = FederatedQuery.DEFAULT_MAX_ROWS;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "The time limit of the whole query (default " + FederatedQuery.DEFAULT_TIMEOUT_SECONDS + ").")
    int timeoutSeconds = FederatedQuery.DEFAULT_TIMEOUT_SECONDS;

    @Parameters(index = "0", paramLabel = "SPARQL", description = "A SELECT query; it runs at each node as written.")
    String query;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SparqlResultFormat out;
        try {
            out = SparqlResultFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("chm-node query: --format must be tsv, csv, json or xml, not '" + format + "'");
            return 2;
        }
        SparqlResult.Bindings result;
        try {
            result = FederatedQuery.select(nodes, query, skipFailing, maxRows, timeoutSeconds);
        } catch (IllegalArgumentException e) {
            err.println("chm-node query: " + e.getMessage());
            return 2;
        } catch (SparqlQueryException e) {
            err.println("chm-node query: " + e.getMessage());
            return e.kind() == SparqlQueryException.Kind.REMOTE ? 1 : 2;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.write(result, bytes);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(bytes.toString(StandardCharsets.UTF_8));
        stdout.flush();
        return 0;
    }
}
