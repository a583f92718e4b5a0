package org.chmexchange.node.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.TokenEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chm-node token new --name N [--country co]... [--treaty cbd]... [--type focal-point]...}:
 * prints a fresh random token (256 bits from {@code SecureRandom}, base64url) and the entry for the
 * {@code tokens:} section of the configuration file, which holds only its SHA-256. The token is
 * printed once and never stored; a bad name, country, treaty or type exits with code 2.
 */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description = "Print a new random write token and its configuration entry (with its SHA-256 only).")
final class NewTokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--name",
            required = true,
            description = "Name of the token: records it writes are attributed to {base}agents/NAME.")
    String name;

    @Option(
            names = "--country",
            paramLabel = "CODE",
            description = "ISO 3166-1 alpha-2 code of a country the token may publish (repeatable; none = any).")
    List<String> countries = new ArrayList<>();

    @Option(
            names = "--treaty",
            paramLabel = "ID",
            description = "InforMEA id of a treaty the token may publish (repeatable; none = any).")
    List<String> treaties = new ArrayList<>();

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            description = "Record type the token may publish: treaty, meeting, decision, national-report,"
                    + " focal-point, document, organization (repeatable; none = any).")
    List<String> types = new ArrayList<>();

    @Override
    public Integer call() {
        String token = Tokens.newToken();
        TokenEntry entry;
        try {
            entry = new TokenEntry(name, Tokens.sha256Hex(token), countries, treaties, types);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("chm-node token new: " + e.getMessage());
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("New write token (shown only now; give it to the publisher over a safe channel):");
        out.println();
        out.println("  " + token);
        out.println();
        out.println("Add this entry to the tokens: section of the node's configuration file:");
        out.println();
        out.print(yaml(entry));
        out.flush();
        return 0;
    }

    /** The YAML of one entry of the {@code tokens:} list; every value is a checked code. */
    static String yaml(TokenEntry entry) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("  - name: ").append(entry.name()).append('\n');
        yaml.append("    sha256: ").append(entry.sha256()).append('\n');
        list(yaml, "countries", entry.countries());
        list(yaml, "treaties", entry.treaties());
        list(yaml, "types", entry.types());
        return yaml.toString();
    }

    private static void list(StringBuilder yaml, String key, List<String> values) {
        if (!values.isEmpty()) {
            yaml.append("    ")
                    .append(key)
                    .append(": [")
                    .append(String.join(", ", values))
                    .append("]\n");
        }
    }
}
