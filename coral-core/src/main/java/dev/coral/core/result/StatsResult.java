package dev.coral.core.result;

/**
 * Size and deduplication figures of a repository.
 *
 * <pre>{@code
 * StatsResult s = repo.stats();
 * double ratio = (double) s.logicalBytes() / s.storedBytes();
 * }</pre>
 *
 * @param commits       commits stored
 * @param branches      branches
 * @param tags          tags
 * @param tensors       tensor versions ever committed: distinct (name, tensor id) pairs over all trees
 * @param uniqueObjects distinct tensor contents stored (each stored once whatever its names)
 * @param logicalBytes  sum of the raw sizes of those distinct tensors
 * @param encodedBytes  sum of their encoded (compressed / delta) sizes
 * @param deltaObjects  how many of them are stored as deltas against another tensor
 * @param storedBytes   bytes on disk of the whole {@code .coral} directory (database, WAL, object files)
 */
public record StatsResult(long commits, long branches, long tags, long tensors, long uniqueObjects,
                          long logicalBytes, long encodedBytes, long deltaObjects, long storedBytes) {
}
