package dev.coral.core.cli.command;

import dev.coral.core.cli.BranchListResult;
import dev.coral.core.cli.BranchResult;
import dev.coral.core.cli.RefAction;
import dev.coral.core.cli.UsageException;
import dev.coral.core.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coral branch}, {@code coral branch BRANCH [START]}, {@code coral branch -d BRANCH}. */
@Command(name = "branch", header = "List, create or delete branches.",
        description = "List branches (no arguments), create BRANCH at START (default: HEAD), or delete BRANCH "
                + "with -d. The current branch cannot be deleted; the commits of a deleted branch stay "
                + "reachable by id and from the reflog.")
public final class BranchCommand extends VerbCommand {

    @Option(names = {"-d", "--delete"}, description = "Delete BRANCH.")
    boolean delete;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BRANCH", description = "The branch to create or delete.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "START",
            description = "Where a new branch starts (default: HEAD).")
    String start;

    @Override
    public Object execute(CommandContext context) {
        Repository repo = context.repository();
        if (delete) {
            if (name == null || start != null) {
                throw new UsageException("branch: -d takes exactly one BRANCH");
            }
            return new BranchResult(RefAction.DELETED, repo.deleteBranch(name));
        }
        if (name == null) {
            return new BranchListResult(repo.branches());
        }
        return new BranchResult(RefAction.CREATED, repo.createBranch(name, start == null ? "HEAD" : start));
    }
}
