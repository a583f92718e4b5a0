package org.chmexchange.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.config.ConfigException;
import org.chmexchange.node.config.ConfigFile;
import org.chmexchange.store.Compaction;
import org.chmexchange.store.CompactionPolicy;
import org.chmexchange.store.MigrationResult;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.StoreCheck;
import org.chmexchange.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chm-node store check|repair|migrate|compact [--config FILE] [--data DIR]}: the data folder's
 * store, with no node running on it (docs/STORE.md). Exit codes: 0 sound (or done), 1 a problem was
 * found or the folder cannot be opened, 2 bad usage or configuration.
 */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        description = "Check, repair, migrate or compact the store of a data folder (the node must not be running"
                + " on it).",
        subcommands = {
            StoreCommand.Check.class,
            StoreCommand.Repair.class,
            StoreCommand.Migrate.class,
            StoreCommand.Compact.class,
            CommandLine.HelpCommand.class
        })
final class StoreCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Name a sub-command: check, repair, migrate or compact");
    }

    /** Which data folder. */
    static final class Folder {
        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (YAML); its node.data.")
        Path configFile;

        @Option(
                names = "--data",
                paramLabel = "DIR",
                description =
                        "Data folder (default: the file's node.data, else ./" + NodeConfig.DEFAULT_DATA_DIR + ").")
        Path dataDir;

        Target resolve() {
            ConfigFile file = configFile == null ? ConfigFile.DEFAULTS : ConfigFile.load(configFile);
            NodeConfig config = NodeConfig.of(file, false);
            return new Target(dataDir == null ? config.dataDir() : dataDir, config.store());
        }
    }

    /** The data folder and the store the configuration names (the embedded one in the folder by default). */
    record Target(Path dataDir, org.chmexchange.node.config.StoreConfig store) {
        RecordStore open() {
            return store.open(dataDir, System.getenv());
        }

        String describe() {
            return store.describe(dataDir);
        }
    }

    /** The shared frame: resolve the folder, run, map failures to exit codes. */
    abstract static class Sub implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Folder folder;

        abstract int run(Target target, PrintWriter out);

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Target dir;
            try {
                dir = folder.resolve();
            } catch (ConfigException | IllegalArgumentException e) {
                err.println("chm-node store " + spec.name() + ": " + e.getMessage());
                return 2;
            }
            try {
                int code = run(dir, spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                return code;
            } catch (StoreException e) {
                err.println("chm-node store " + spec.name() + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Check the store against its invariants: terms resolve, the change log has no gap or"
                    + " duplicate, the record index agrees with the store.")
    static final class Check extends Sub {
        @Override
        int run(Target target, PrintWriter out) {
            try (RecordStore store = target.open()) {
                StoreCheck check = store.check();
                out.print(check.describe());
                return check.sound() ? 0 : 1;
            }
        }
    }

    @Command(
            name = "repair",
            mixinStandardHelpOptions = true,
            description = "Rebuild the record index from the store, then check.")
    static final class Repair extends Sub {
        @Override
        int run(Target target, PrintWriter out) {
            try (RecordStore store = target.open()) {
                store.rebuildIndex();
                out.println("Rebuilt the record index of " + target.describe());
                StoreCheck check = store.check();
                out.print(check.describe());
                return check.sound() ? 0 : 1;
            }
        }
    }

    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description =
                    "Copy the store of a CHM Exchange 0.1 data folder (RDF4J LMDB) into the store of this version.")
    static final class Migrate extends Sub {
        @Override
        int run(Target target, PrintWriter out) {
            if (target.store().remote()) {
                out.println("migrate copies a 0.1 data folder into the embedded store; this configuration names a"
                        + " remote store");
                return 2;
            }
            Path dataDir = target.dataDir();
            MigrationResult result = RecordStore.migrateLegacy(dataDir);
            out.println("Copied " + result.copied() + " statements into the new store of " + dataDir.toAbsolutePath()
                    + (result.skipped() == 0
                            ? ""
                            : "; " + result.skipped() + " statements with terms that no longer resolve were left out"));
            try (RecordStore store = RecordStore.openEmbedded(dataDir)) {
                StoreCheck check = store.check();
                out.print(check.describe());
                return check.sound() ? 0 : 1;
            }
        }
    }

    @Command(
            name = "compact",
            mixinStandardHelpOptions = true,
            description = "Rewrite the store into a new generation holding only its current content, and delete the"
                    + " old one (a running node does this by itself when the store has doubled). Needs free disk"
                    + " for one more copy of the live content.")
    static final class Compact extends Sub {
        @Option(
                names = "--if-due",
                description = "Only if the default policy says it is due (twice the size after the last compaction,"
                        + " and 256 MiB more).")
        boolean ifDue;

        @Override
        int run(Target target, PrintWriter out) {
            try (RecordStore store = target.open()) {
                if (store.diskBytes().isEmpty()) {
                    out.println("Nothing to do: " + target.describe() + " reclaims its space by itself");
                    return 0;
                }
                long bytes = store.diskBytes().orElse(0);
                Optional<Compaction> done = ifDue ? CompactionPolicy.DEFAULT.compactIfDue(store) : store.compact();
                if (done.isEmpty()) {
                    out.printf(
                            Locale.ROOT,
                            "Not due: the store's files take %,.1f MiB, %,.1f MiB after the last compaction%n",
                            bytes / 1048576.0,
                            CompactionPolicy.baseline(store) / 1048576.0);
                } else {
                    out.println(done.get().describe() + " (" + target.describe() + ")");
                }
                return 0;
            }
        }
    }
}
