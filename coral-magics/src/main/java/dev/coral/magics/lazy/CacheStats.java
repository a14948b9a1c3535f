package dev.coral.magics.lazy;

/**
 * What a {@link TensorCache} holds and how well it works, as {@code %coral cache} shows it.
 *
 * <pre>{@code
 * CacheStats s = coral.cacheStats();
 * s.hitRate();        // 0.93
 * s.evictionCount();  // tensors dropped to stay under the bound
 * }</pre>
 *
 * @param entries         tensors cached now
 * @param bytes           their total size in bytes
 * @param maximumBytes    the bound
 * @param hitCount        lookups answered from the cache
 * @param missCount       lookups that loaded from storage
 * @param evictionCount   tensors dropped to stay under the bound
 * @param evictedBytes    their size, in whole KiB
 * @param loadFailures    loads that threw (e.g. a corrupt object)
 * @param totalLoadNanos  time spent loading from storage
 */
public record CacheStats(long entries, long bytes, long maximumBytes, long hitCount, long missCount,
                         long evictionCount, long evictedBytes, long loadFailures, long totalLoadNanos) {

    /** Hits / lookups; 1 when there was no lookup yet (nothing was missed). */
    public double hitRate() {
        long lookups = hitCount + missCount;
        return lookups == 0 ? 1.0 : (double) hitCount / lookups;
    }

    /** Lookups so far. */
    public long requestCount() {
        return hitCount + missCount;
    }

    /** Mean time of a load from storage in nanoseconds, 0 before the first load. */
    public double averageLoadNanos() {
        long loads = missCount;
        return loads == 0 ? 0 : (double) totalLoadNanos / loads;
    }
}
