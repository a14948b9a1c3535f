package dev.coral.core.meta;

import dev.coral.core.id.ObjectId;

/**
 * Where HEAD points: a branch (which may have no commit yet) or, detached, a commit.
 *
 * @param branch   the branch, or null when detached
 * @param detached the commit, or null when on a branch
 */
public record Head(String branch, ObjectId detached) {
    public boolean isDetached() {
        return branch == null;
    }
}
