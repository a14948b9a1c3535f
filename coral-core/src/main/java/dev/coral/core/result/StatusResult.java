package dev.coral.core.result;

import dev.coral.core.id.ObjectId;

import java.util.List;

/**
 * Where HEAD is and what is staged for the next commit.
 *
 * <pre>{@code
 * StatusResult s = repo.status();
 * if (!s.isClean()) s.staged().forEach(e -> System.out.println(e.status() + " " + e.name()));
 * }</pre>
 *
 * @param branch   the current branch, or null when HEAD is detached
 * @param head     the commit HEAD points at, or null on a branch with no commit yet
 * @param detached true when HEAD points at a commit rather than a branch
 * @param staged   staged changes relative to HEAD's tree, as diff entries without comparisons, sorted by name
 */
public record StatusResult(String branch, ObjectId head, boolean detached, List<DiffEntry> staged) {
    public StatusResult {
        staged = List.copyOf(staged);
    }

    /** True when nothing is staged. */
    public boolean isClean() {
        return staged.isEmpty();
    }
}
