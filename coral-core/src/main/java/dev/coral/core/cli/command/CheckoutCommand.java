package dev.coral.core.cli.command;

import dev.coral.core.cli.UsageException;
import dev.coral.core.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coral checkout REF} and {@code coral checkout -b NAME [START]}. */
@Command(name = "checkout", header = "Move HEAD to a branch or a commit.",
        description = "Move HEAD to a branch, or to any other commit (detached HEAD). The staged tensors are kept.")
public final class CheckoutCommand extends VerbCommand {

    @Option(names = "-b", paramLabel = "NAME",
            description = "Create branch NAME at REF (default: HEAD) and move HEAD to it.")
    String newBranch;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REF", description = "A branch, tag, commit id or HEAD~n.")
    String ref;

    @Override
    public Object execute(CommandContext context) {
        Repository repo = context.repository();
        if (newBranch != null) {
            repo.createBranch(newBranch, ref == null ? "HEAD" : ref);
            return repo.checkout(newBranch);
        }
        if (ref == null) {
            throw new UsageException("checkout: say where to go: coral checkout REF (or -b NAME to create a branch)");
        }
        return repo.checkout(ref);
    }
}
