package org.chmexchange.node.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.OfflineNode;
import org.chmexchange.node.config.ConfigException;
import org.chmexchange.node.config.PublishTarget;
import org.chmexchange.node.sync.Sync;
import org.chmexchange.node.sync.SyncPlan;
import org.chmexchange.node.sync.TargetStatus;
import org.chmexchange.publish.PublishOutcome;
import org.chmexchange.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chm-node publish <target> [--config FILE] [--data DIR] [--plain]}: pushes this node's
 * changes since the target's saved position to the peer once, then prints a summary. The publisher
 * reports no progress while it runs: a terminal shows a running bar with the elapsed time. The node
 * must not be running on the same folder. Exit codes: 0 everything was published, 1 it stopped early
 * (or the data folder could not be opened), 2 bad usage or configuration (an unknown target, a
 * missing {@code tokenEnv} variable).
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = "Push this node's changes to one configured publish target once (the node must not be running"
                + " on the data folder).")
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ExchangeOptions options;

    @Parameters(index = "0", paramLabel = "TARGET", description = "Name of a publish target of the configuration file.")
    String target;

    @Option(
            names = "--retry-dead-letters",
            description = "First send again, one by one, the changes the target refused earlier and that were set"
                    + " aside (dead letters); then publish as usual.")
    boolean retryDeadLetters;

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
            Optional<PublishTarget> entry =
                    options.named(err, "publish", "publish target", config.publish(), PublishTarget::name, target);
            if (entry.isEmpty()) {
                return 2;
            }
            plan = SyncPlan.of(List.of(), List.of(entry.get()), environment, HarvesterRegistry.load());
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("chm-node publish: " + e.getMessage());
            return 2;
        }
        OfflineNode node;
        try {
            node = OfflineNode.open(config, plan);
        } catch (OfflineNode.DataFolderInUseException e) {
            err.println("chm-node publish: " + e.getMessage());
            return 1;
        } catch (StoreException e) {
            err.println(
                    "chm-node publish: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("chm-node publish: " + e.getMessage());
            return 2;
        }
        try (node) {
            SyncPlan.Target t = plan.targets().get(0);
            TargetStatus before = node.sync().targetStatus(t.name());
            out.println("Publishing to " + t.name() + " (" + t.entry().url() + "): " + before.pendingChanges()
                    + " change(s) of this node after position " + before.position());
            out.flush();
            if (retryDeadLetters) {
                PublishOutcome retried = node.sync()
                        .retryDeadLetters(t.name())
                        .orElseThrow(() -> new IllegalStateException("A fresh node cannot be publishing already"));
                out.println("Dead letters sent again: " + (retried.upserted() + retried.deleted()) + " accepted, "
                        + retried.refused() + " refused again" + (retried.ok() ? "" : "; " + retried.error()));
                out.flush();
            }
            PublishOutcome outcome;
            if (options.progressBar()) {
                try (ProgressBar bar = new ProgressBarBuilder()
                        .setTaskName(t.name())
                        .setInitialMax(-1) // the publisher reports no progress while it runs
                        .hideEta()
                        .setUpdateIntervalMillis(200)
                        .continuousUpdate()
                        .setConsumer(new ConsoleProgressBarConsumer(System.out))
                        .build()) {
                    outcome = publish(node, t);
                }
            } else {
                outcome = publish(node, t);
            }
            TargetStatus after = node.sync().targetStatus(t.name());
            out.println(Sync.summary(outcome));
            out.println("Position " + after.position() + "; " + after.pendingChanges() + " change(s) pending.");
            if (!after.deadLetters().isEmpty()) {
                out.println(after.deadLetters().size() + " change(s) refused by " + t.name()
                        + " and set aside (dead letters; sent again when they change, or with --retry-dead-letters):");
                after.deadLetters()
                        .forEach(d -> out.println("  " + d.action() + " " + d.record() + " (change " + d.sequence()
                                + "): " + d.status() + " " + oneLine(d.problem())));
            }
            out.flush();
            return outcome.ok() ? 0 : 1;
        }
    }

    private static String oneLine(String problem) {
        String flat = problem.replaceAll("\\s+", " ").trim();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    private static PublishOutcome publish(OfflineNode node, SyncPlan.Target t) {
        return node.sync()
                .publish(t.name())
                .orElseThrow(() -> new IllegalStateException("A fresh node cannot be publishing already"));
    }
}
