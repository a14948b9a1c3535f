package dev.coral.core.dedup;

/**
 * What a {@link Deduplicator} holds.
 *
 * @param tensors        tensors added, duplicates included
 * @param uniqueTensors  distinct tensor ids
 * @param groups         similarity groups: tensors stored whole, each the reference of its group
 * @param deltas         tensors stored as a delta against their group's reference
 * @param logicalBytes   bytes of all tensors added
 * @param storedBytes    bytes of the stored payloads (one per distinct id)
 */
public record DedupStats(long tensors, long uniqueTensors, long groups, long deltas, long logicalBytes, long storedBytes) {
    /** Tensors per group, as the original system reported its "dedup ratio". */
    public double groupRatio() {
        return groups == 0 ? 0 : (double) tensors / groups;
    }

    /** Logical bytes per stored byte. */
    public double compressionRatio() {
        return storedBytes == 0 ? 0 : (double) logicalBytes / storedBytes;
    }
}
