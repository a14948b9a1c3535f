package dev.coral.core.cli;

import dev.coral.core.result.BranchInfo;

import java.util.List;

/**
 * Every branch, sorted by name ({@code coral branch}).
 *
 * @param branches the branches
 */
public record BranchListResult(List<BranchInfo> branches) {
    public BranchListResult {
        branches = List.copyOf(branches);
    }
}
