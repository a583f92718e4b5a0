package org.chmexchange.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code chm-node token}: the write tokens of a node. Sub-commands: {@code new}. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Write tokens of the publishing API.",
        subcommands = {NewTokenCommand.class, CommandLine.HelpCommand.class})
final class TokenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a sub-command, such as: token new --name N");
    }
}
