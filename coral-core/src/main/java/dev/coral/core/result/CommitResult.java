package dev.coral.core.result;

import java.util.List;

/**
 * What {@code commit} did.
 *
 * <pre>{@code
 * CommitResult r = repo.commit(Map.of("fc1.weight", w), "first");
 * r.commit().shortId();
 * r.rebased();   // true when another writer moved the branch and this commit was replayed on top
 * }</pre>
 *
 * @param commit       the new commit
 * @param branch       the branch it moved, or null when HEAD is detached
 * @param added        names new in this commit
 * @param modified     names whose tensor changed
 * @param removed      names removed
 * @param rebased      true when the branch had moved since the changes were staged and the commit was
 *                     applied on top of the new tip (no staged name had been changed in between)
 * @param newObjects   tensors stored for the first time by this commit
 * @param bytesWritten encoded bytes of those new tensors
 */
public record CommitResult(CommitInfo commit, String branch, List<String> added, List<String> modified,
                           List<String> removed, boolean rebased, int newObjects, long bytesWritten) {
    public CommitResult {
        added = List.copyOf(added);
        modified = List.copyOf(modified);
        removed = List.copyOf(removed);
    }
}
