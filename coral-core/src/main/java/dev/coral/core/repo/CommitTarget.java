package dev.coral.core.repo;

import dev.coral.core.id.ObjectId;

/**
 * Where a commit goes and the tip its changes were based on.
 *
 * @param branch    the branch to move, or null for a detached HEAD
 * @param baseKnown true when {@code baseTip} is the tip the changes were made against; false to commit on
 *                  whatever the tip is inside the transaction (the on-disk index)
 * @param baseTip   the tip the changes were made against (null for a branch with no commit yet)
 */
record CommitTarget(String branch, boolean baseKnown, ObjectId baseTip) {
    static CommitTarget onTipAtCommit(String branch) {
        return new CommitTarget(branch, false, null);
    }
}
