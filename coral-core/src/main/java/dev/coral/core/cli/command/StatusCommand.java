package dev.coral.core.cli.command;

import picocli.CommandLine.Command;

/** {@code coral status}. */
@Command(name = "status", header = "Show the current branch and what is staged.",
        description = "Show the current branch and commit, and what is staged for the next commit.")
public final class StatusCommand extends VerbCommand {

    @Override
    public Object execute(CommandContext context) {
        return context.repository().status();
    }
}
