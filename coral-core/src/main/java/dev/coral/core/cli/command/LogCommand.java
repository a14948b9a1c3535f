package dev.coral.core.cli.command;

import dev.coral.core.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coral log [REF] [-n N] [--first-parent]}. */
@Command(name = "log", header = "Show the commit history as a graph.",
        description = "Show the history reachable from REF (default: HEAD), newest first, as a graph with branch "
                + "and tag labels.")
public final class LogCommand extends VerbCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "REF",
            description = "Where to start: a branch, tag, commit id or HEAD~n.")
    String ref = "HEAD";

    @Option(names = {"-n", "--max-count"}, paramLabel = "N", description = "Show at most N commits.")
    int limit;

    @Option(names = "--first-parent",
            description = "Follow only first parents: the branch's own line, merges as single steps.")
    boolean firstParent;

    @Override
    public Object execute(CommandContext context) {
        if (limit < 0) {
            throw new UsageException("log: -n must be 0 or more, got " + limit);
        }
        return context.repository().log(ref, limit, firstParent);
    }
}
