package dev.coral.magics.render;

import dev.coral.core.result.BranchInfo;

import java.util.List;

/**
 * The branches of a repository as one value, so that a notebook renders them as a table (a bare
 * {@code List} has no renderer of its own).
 *
 * <pre>{@code
 * new BranchList(repo.branches());
 * }</pre>
 *
 * @param branches the branches, in the order given
 */
public record BranchList(List<BranchInfo> branches) {
    public BranchList {
        branches = List.copyOf(branches);
    }
}
