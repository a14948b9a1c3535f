package dev.coral.core.cli.command;

import dev.coral.core.cli.RemoveResult;
import dev.coral.core.error.NotFoundException;
import dev.coral.core.repo.Index;
import dev.coral.core.repo.Repository;
import dev.coral.core.result.DiffEntry;
import dev.coral.core.result.StatusResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code coral rm TENSOR…}. */
@Command(name = "rm", header = "Stage the removal of tensors from the next commit.",
        description = "Stage the removal of each TENSOR from the next commit. A tensor that is only staged (never"
                + " committed) is unstaged. Every name is checked first: all are removed or none.")
public final class RmCommand extends VerbCommand {

    @Parameters(arity = "1..*", paramLabel = "TENSOR", description = "Tensor names in HEAD's tree or staged.")
    List<String> names;

    @Override
    public Object execute(CommandContext context) {
        Repository repo = context.repository();
        Set<String> unique = new LinkedHashSet<>(names);
        Set<String> known = removableNames(repo);
        for (String n : unique) {
            if (!known.contains(n)) {
                throw new NotFoundException("rm: no tensor named '" + n
                        + "' in HEAD or staged; see coral status and coral show HEAD");
            }
        }
        Index index = repo.index();
        unique.forEach(index::remove);
        return new RemoveResult(List.copyOf(unique));
    }

    private static Set<String> removableNames(Repository repo) {
        StatusResult status = repo.status();
        Set<String> known = new HashSet<>();
        if (status.head() != null) {
            known.addAll(repo.at(status.head().hex()).names());
        }
        for (DiffEntry staged : status.staged()) {
            if (staged.to() != null) {
                known.add(staged.name());
            }
        }
        return known;
    }
}
