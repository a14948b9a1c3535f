package dev.coral.core.result;

import dev.coral.core.id.ObjectId;

/**
 * Where HEAD moved.
 *
 * @param branch         the branch HEAD is now on, or null when detached
 * @param commit         the commit HEAD now resolves to (null for a branch with no commit yet)
 * @param detached       true when HEAD now points at a commit rather than a branch
 * @param previousBranch the branch HEAD was on before, or null
 * @param previous       the commit HEAD resolved to before, or null
 */
public record CheckoutResult(String branch, ObjectId commit, boolean detached, String previousBranch,
                             ObjectId previous) {
}
