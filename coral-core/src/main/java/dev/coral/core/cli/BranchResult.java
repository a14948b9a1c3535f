package dev.coral.core.cli;

import dev.coral.core.result.BranchInfo;

/**
 * A branch {@code coral branch NAME} created or {@code coral branch -d NAME} deleted.
 *
 * @param action what was done
 * @param branch the branch (for a deletion, as it was)
 */
public record BranchResult(RefAction action, BranchInfo branch) {
}
