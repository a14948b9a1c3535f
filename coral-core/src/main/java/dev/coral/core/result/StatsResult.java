package dev.coral.core.result;

/**
 * Size and deduplication figures of a repository ({@code coral stats}) or of one commit
 * ({@code coral stats REF}).
 *
 * <pre>{@code
 * StatsResult s = repo.stats();
 * double ratio = (double) s.logicalBytes() / s.storedBytes();
 * s.storage().chainDepths();               // delta chain depth histogram
 * StatsResult one = repo.stats("v1");      // the commit v1's tree only
 * }</pre>
 *
 * For one commit the figures describe its tree: {@code commits} is 1, {@code branches} and {@code tags}
 * count the refs pointing at it, {@code storedBytes} is the encoded size of its contents plus the delta
 * bases outside it they need, and a dedup hit is an entry whose content is in a parent's tree or under
 * another name of the same tree.
 *
 * @param ref           the ref the figures describe, or null for the whole repository
 * @param commits       commits stored
 * @param branches      branches
 * @param tags          tags
 * @param tensors       tensor versions ever committed: distinct (name, tensor id) pairs over all trees
 * @param uniqueObjects distinct tensor contents stored (each stored once whatever its names)
 * @param logicalBytes  sum of the raw sizes of those distinct tensors
 * @param encodedBytes  sum of their encoded (compressed / delta) sizes
 * @param deltaObjects  how many of them are stored as deltas against another tensor
 * @param storedBytes   bytes on disk of the whole {@code .coral} directory (database, WAL, object files)
 * @param storage       per-codec figures, dedup hits, chain depths and the overall ratio
 */
public record StatsResult(String ref, long commits, long branches, long tags, long tensors, long uniqueObjects,
                          long logicalBytes, long encodedBytes, long deltaObjects, long storedBytes,
                          StorageBreakdown storage) {
    /** Repository-wide totals without a breakdown. */
    public StatsResult(long commits, long branches, long tags, long tensors, long uniqueObjects, long logicalBytes,
                       long encodedBytes, long deltaObjects, long storedBytes) {
        this(null, commits, branches, tags, tensors, uniqueObjects, logicalBytes, encodedBytes, deltaObjects,
                storedBytes, StorageBreakdown.NONE);
    }
}
