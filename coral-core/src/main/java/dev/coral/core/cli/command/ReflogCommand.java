package dev.coral.core.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coral reflog [REF]}. */
@Command(name = "reflog", header = "Show where HEAD or a branch pointed over time.",
        description = "Show where HEAD (or a branch) pointed over time, newest first. Commits no longer on any "
                + "branch can be found here.")
public final class ReflogCommand extends VerbCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "REF", description = "HEAD (default) or a branch name.")
    String ref = "HEAD";

    @Override
    public Object execute(CommandContext context) {
        return context.repository().reflog(ref);
    }
}
