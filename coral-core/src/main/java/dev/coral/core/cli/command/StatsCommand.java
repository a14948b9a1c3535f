package dev.coral.core.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coral stats [REF]}. */
@Command(name = "stats", header = "Show counts, sizes and how much deduplication saves.",
        description = "Show counts and sizes: commits, branches, tags, tensors, unique stored objects, logical "
                + "bytes (the tensors' raw sizes) against bytes stored on disk, objects and bytes per codec, "
                + "dedup hits and the delta chain depths. With REF, the same for that one commit's tensors.")
public final class StatsCommand extends VerbCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "REF",
            description = "Describe only this commit: a branch, tag, commit id or HEAD~n.")
    String ref;

    @Override
    public Object execute(CommandContext context) {
        return ref == null ? context.repository().stats() : context.repository().stats(ref);
    }
}
