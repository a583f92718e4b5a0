package org.chmexchange.node.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.chmexchange.node.replay.CbdFixtures;
import org.chmexchange.node.replay.CbdReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chm-node replay cbd [--port N] [--fixtures DIR]}: serves a local stand-in of the CBD
 * clearing-house API ({@link CbdReplay}) until the process is stopped, so that a {@code cbd} source
 * can be harvested without the network (examples/cbd.yaml). Exit codes: 2 for an unknown incumbent
 * or a fixture folder that cannot be read.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Serve a local replay of an incumbent's API (cbd: the CBD clearing-house API) from fixtures.")
final class ReplayCommand implements Callable<Integer> {

    /** Default port of the replay. */
    static final int DEFAULT_PORT = 8099;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "API", description = "The API to replay: cbd.")
    String api;

    @Option(names = "--port", description = "HTTP port (default " + DEFAULT_PORT + "; 0 = any free port).")
    int port = DEFAULT_PORT;

    @Option(
            names = "--fixtures",
            paramLabel = "DIR",
            description = "Folder with index.json, documents/ and thesaurus/ (default: the fixture set shipped with"
                    + " the node, fictional records).")
    Path fixtures;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (!"cbd".equals(api)) {
            err.println("chm-node replay: unknown API '" + api + "'; known: cbd");
            return 2;
        }
        CbdFixtures set;
        try {
            set = fixtures == null ? CbdFixtures.bundled() : CbdFixtures.fromFolder(fixtures);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println("chm-node replay: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        CbdReplay replay = CbdReplay.start(set, "127.0.0.1", port);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            replay.close();
                            stopped.countDown();
                        },
                        "chm-node-replay-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("CBD API replay ready: " + replay.url() + " ("
                + set.indexDocs().size() + " index documents); stop with Ctrl-C");
        out.flush();
        stopped.await();
        return 0;
    }
}
