package org.chmexchange.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.config.ConfigException;
import org.chmexchange.node.config.ConfigFile;
import org.chmexchange.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chm-node serve}: runs a node until the process is stopped (Ctrl-C or SIGTERM). Settings
 * come from the defaults, then the configuration file ({@code --config}), then the command-line
 * options {@code --port}, {@code --data} and {@code --base-url}, each overriding the one before.
 * A configuration file that cannot be used exits with code 2 and a message naming the line and key;
 * so does a source with an unknown protocol or a {@code tokenEnv} variable that is not set.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Start a node on the embedded store; loads the vocabularies and, on first start, the sample data.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (YAML: node, tokens, admin, sources, publish; see docs/EXCHANGE.md).")
    Path configFile;

    @Option(
            names = "--port",
            description = "HTTP port (default: the file's node.port, else " + NodeConfig.DEFAULT_PORT
                    + "; 0 = any free port).")
    Integer port;

    @Option(
            names = "--data",
            description = "Data folder of the embedded store (default: the file's node.data, else ./"
                    + NodeConfig.DEFAULT_DATA_DIR + ").")
    Path dataDir;

    @Option(
            names = "--base-url",
            description =
                    "Base IRI of the records this node mints, ending with '/' (default: the file's node.baseUrl, else the one of the first start, else http://localhost:PORT/).")
    String baseUrl;

    @Option(names = "--no-sample-data", negatable = false, description = "Do not load the sample data on first start.")
    boolean noSampleData;

    @Override
    public Integer call() throws InterruptedException {
        NodeConfig config;
        try {
            config = config();
        } catch (ConfigException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("chm-node serve: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ChmNodeServer node;
        try {
            node = ChmNodeServer.start(config);
        } catch (ConfigException e) {
            // a protocol no harvester provides, a tokenEnv variable that is not set
            spec.commandLine().getErr().println("chm-node serve: " + e.getMessage());
            return 2;
        } catch (StoreException e) {
            // the data folder is held by another node or a chm-node harvest, or cannot be opened
            spec.commandLine()
                    .getErr()
                    .println("chm-node serve: " + e.getMessage()
                            + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            return 1;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            node.close();
                            stopped.countDown();
                        },
                        "chm-node-shutdown"));
        System.out.println("CHM node ready: " + node.baseIri() + " (port " + node.port() + ", data "
                + config.dataDir().toAbsolutePath() + ", " + config.tokens().size() + " write token(s))");
        System.out.println("Try: curl " + "http://localhost:" + node.port() + "/records?type=decision");
        stopped.await();
        return 0;
    }

    /**
     * The configuration: the file's (or the defaults), with the command-line options laid over it.
     *
     * @throws ConfigException if the file cannot be used
     * @throws IllegalArgumentException if an option has a bad value
     */
    NodeConfig config() {
        ConfigFile file = configFile == null ? ConfigFile.DEFAULTS : ConfigFile.load(configFile);
        NodeConfig config = NodeConfig.of(file, !noSampleData);
        if (port != null) {
            config = config.withPort(port);
        }
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        if (baseUrl != null) {
            config = config.withBaseIri(baseUrl);
        }
        return config;
    }
}
