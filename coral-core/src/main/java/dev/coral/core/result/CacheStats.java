package dev.coral.core.result;

/**
 * Figures of a repository's tensor cache (what {@code ModelView.tensor} reads through).
 *
 * @param hits          reads served from memory
 * @param misses        reads that decoded the tensor from storage
 * @param evictions     tensors dropped to stay within the bound
 * @param cachedBytes   bytes of tensor data held now (approximate, in KiB steps)
 * @param maxBytes      the bound
 */
public record CacheStats(long hits, long misses, long evictions, long cachedBytes, long maxBytes) {
}
