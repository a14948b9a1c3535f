package dev.coral.core.dedup;

/**
 * What a {@link Deduplicator} holds.
 *
 * @param tensors        tensors added, duplicates included
 * @param uniqueTensors  distinct tensor ids
 * @param groups         similarity groups: tensors held whole, each the reference of its group
 * @param deltas         distinct tensors held as an exact delta against their group's reference
 * @param logicalBytes   bytes of all tensors added, duplicates included
 * @param storedBytes    bytes of the compressed, verified payloads (one per distinct id; see
 *                       {@link Deduplicator#compress})
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
