package dev.coral.core.result;

import java.util.List;

/**
 * The outcome of a full verification of a repository.
 *
 * @param tensorsChecked tensors decoded and re-hashed
 * @param treesChecked   trees re-hashed
 * @param commitsChecked commits re-hashed
 * @param refsChecked    branches, tags, HEAD and index entries checked
 * @param problems       everything found wrong; empty for a healthy repository
 */
public record FsckResult(long tensorsChecked, long treesChecked, long commitsChecked, long refsChecked,
                         List<FsckProblem> problems) {
    public FsckResult {
        problems = List.copyOf(problems);
    }

    /** True when no problem was found. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
