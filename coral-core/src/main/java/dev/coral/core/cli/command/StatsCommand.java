package dev.coral.core.cli.command;

import picocli.CommandLine.Command;

/** {@code coral stats}. */
@Command(name = "stats", header = "Show counts, sizes and how much deduplication saves.",
        description = "Show counts and sizes: commits, branches, tags, tensors, unique stored objects, logical "
                + "bytes (the tensors' raw sizes) against bytes stored on disk.")
public final class StatsCommand extends VerbCommand {

    @Override
    public Object execute(CommandContext context) {
        return context.repository().stats();
    }
}
