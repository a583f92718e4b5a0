package org.chmexchange.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.chmexchange.node.ChmNodeServer;
import org.chmexchange.node.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chm-node serve}: runs a node until the process is stopped (Ctrl-C or SIGTERM). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Start a node on the embedded store; loads the vocabularies and, on first start, the sample data.")
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            defaultValue = "" + NodeConfig.DEFAULT_PORT,
            description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(
            names = "--data",
            defaultValue = NodeConfig.DEFAULT_DATA_DIR,
            description = "Data folder of the embedded store (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--base-url",
            description =
                    "Base IRI of the records this node mints, ending with '/' (default: the one of the first start, else http://localhost:PORT/).")
    String baseUrl;

    @Option(names = "--no-sample-data", negatable = false, description = "Do not load the sample data on first start.")
    boolean noSampleData;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        ChmNodeServer node = ChmNodeServer.start(new NodeConfig(port, dataDir, baseUrl, !noSampleData));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            node.close();
                            stopped.countDown();
                        },
                        "chm-node-shutdown"));
        System.out.println("CHM node ready: " + node.baseIri() + " (port " + node.port() + ", data "
                + dataDir.toAbsolutePath() + ")");
        System.out.println("Try: curl " + "http://localhost:" + node.port() + "/records?type=decision");
        stopped.await();
        return 0;
    }
}
