package dev.coral.magics.report;

import dev.coral.core.result.CommitInfo;

/**
 * What one commit added to a repository's storage, in history order (see {@link StorageHistory}).
 *
 * @param commit          the commit
 * @param tensors         tensors in its tree
 * @param logicalBytes    raw size of its whole tree (what a full copy of the model costs)
 * @param newObjects      distinct contents stored for the first time by this commit
 * @param reusedEntries   tree entries whose content was already stored (by an earlier commit or under another name)
 * @param newDeltaObjects new contents stored as deltas against another tensor
 * @param newRawBytes     raw size of the new contents
 * @param newStoredBytes  encoded size of the new contents
 */
public record CommitStorage(CommitInfo commit, int tensors, long logicalBytes, int newObjects, int reusedEntries,
                            int newDeltaObjects, long newRawBytes, long newStoredBytes) {
}
