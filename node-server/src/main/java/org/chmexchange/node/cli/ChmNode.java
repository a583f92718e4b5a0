package org.chmexchange.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code chm-node} command. Sub-commands: {@code serve}, {@code harvest}, {@code publish},
 * {@code token new},
 * {@code store check|repair|migrate}. Exit codes: 0 success, 1 failure, 2 bad usage or configuration.
 */
@Command(
        name = "chm-node",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A CHM Exchange linked-data node for clearing-house mechanisms.",
        subcommands = {
            ServeCommand.class,
            HarvestCommand.class,
            PublishCommand.class,
            TokenCommand.class,
            StoreCommand.class,
            ReplayCommand.class,
            ThesaurusCommand.class,
            QueryCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ChmNode {

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ChmNode()).execute(args));
    }
}
