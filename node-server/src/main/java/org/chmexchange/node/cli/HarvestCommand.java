package org.chmexchange.node.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chmexchange.harvest.HarvestOutcome;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.OfflineNode;
import org.chmexchange.node.config.ConfigException;
import org.chmexchange.node.config.SourceEntry;
import org.chmexchange.node.sync.Sync;
import org.chmexchange.node.sync.SyncPlan;
import org.chmexchange.store.RecordQuery;
import org.chmexchange.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chm-node harvest <source> [--config FILE] [--data DIR] [--plain]}: harvests one configured
 * source once into the data folder, with a progress bar on a terminal (one line per page otherwise)
 * and a summary at the end. The node must not be running on the same folder (the store's locks say
 * so; the message tells what to do). Exit codes: 0 the run succeeded, 1 it failed (or the data folder
 * could not be opened), 2 bad usage or configuration (an unknown source, a missing {@code tokenEnv}
 * variable, an unknown protocol).
 */
@Command(
        name = "harvest",
        mixinStandardHelpOptions = true,
        description = "Harvest one configured source once into the data folder (the node must not be running on it).")
final class HarvestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ExchangeOptions options;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Name of a source of the configuration file.")
    String source;

    /** Where {@code tokenEnv} variables are read; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NodeConfig config;
        SyncPlan plan;
        try {
            config = options.config();
            Optional<SourceEntry> entry =
                    options.named(err, "harvest", "source", config.sources(), SourceEntry::name, source);
            if (entry.isEmpty()) {
                return 2;
            }
            plan = SyncPlan.of(List.of(entry.get()), List.of(), environment, HarvesterRegistry.load());
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("chm-node harvest: " + e.getMessage());
            return 2;
        }
        OfflineNode node;
        try {
            node = OfflineNode.open(config, plan);
        } catch (OfflineNode.DataFolderInUseException e) {
            err.println("chm-node harvest: " + e.getMessage());
            return 1;
        } catch (StoreException e) {
            err.println(
                    "chm-node harvest: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("chm-node harvest: " + e.getMessage());
            return 2;
        }
        try (node) {
            SyncPlan.Source s = plan.sources().get(0);
            out.println("Harvesting " + s.name() + " (" + s.entry().protocol() + ", "
                    + s.entry().url() + ") into " + config.dataDir().toAbsolutePath());
            out.flush();
            HarvestOutcome outcome;
            try (HarvestProgress progress =
                    options.progressBar() ? HarvestProgress.bar(System.out, s.name()) : HarvestProgress.lines(out)) {
                outcome = node.sync()
                        .harvest(s.name(), progress)
                        .orElseThrow(() -> new IllegalStateException("A fresh node cannot be harvesting already"));
            }
            out.println(Sync.summary(outcome));
            out.println("The data folder holds " + node.store().count(RecordQuery.ALL) + " record(s).");
            out.flush();
            return outcome.ok() ? 0 : 1;
        }
    }
}
