package org.chmexchange.node.cli;

import java.nio.file.Path;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.config.ConfigFile;
import picocli.CommandLine.Option;

/** The options of the one-off exchange commands ({@code harvest}, {@code publish}): which node, which data. */
final class ExchangeOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (YAML) with the sources and publish targets (default: none).")
    Path configFile;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data folder of the node (default: the file's node.data, else ./"
                    + NodeConfig.DEFAULT_DATA_DIR + "). The node must not be running on it.")
    Path dataDir;

    @Option(
            names = "--plain",
            negatable = false,
            description = "One line per step instead of a progress bar (the default when standard output"
                    + " is not a terminal).")
    boolean plain;

    /**
     * The configuration: the file's (or the defaults), with {@code --data} laid over it.
     *
     * @throws org.chmexchange.node.config.ConfigException if the file cannot be used
     */
    NodeConfig config() {
        ConfigFile file = configFile == null ? ConfigFile.DEFAULTS : ConfigFile.load(configFile);
        NodeConfig config = NodeConfig.of(file, false);
        return dataDir == null ? config : config.withDataDir(dataDir);
    }

    /** The name of the configuration, for messages. */
    String configName() {
        return configFile == null ? "the configuration (no --config given)" : configFile.toString();
    }

    /** Whether to draw a progress bar: standard output is a terminal and {@code --plain} is not given. */
    boolean progressBar() {
        return !plain && Terminals.stdoutIsTerminal();
    }

    /**
     * The configured entry named {@code wanted}, or empty after telling the user on {@code err}
     * which names the configuration file has.
     *
     * @param command the command, for the message ("harvest")
     * @param kind what the entries are, for the message ("source", "publish target")
     */
    <T> java.util.Optional<T> named(
            java.io.PrintWriter err,
            String command,
            String kind,
            java.util.List<T> entries,
            java.util.function.Function<T, String> nameOf,
            String wanted) {
        java.util.Optional<T> entry =
                entries.stream().filter(e -> nameOf.apply(e).equals(wanted)).findFirst();
        if (entry.isEmpty()) {
            java.util.List<String> names = entries.stream().map(nameOf).toList();
            err.println("chm-node " + command + ": " + configName() + " has no " + kind + " named '" + wanted
                    + "'; configured: " + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        return entry;
    }
}
