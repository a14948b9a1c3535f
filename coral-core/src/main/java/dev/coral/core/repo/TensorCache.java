package dev.coral.core.repo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.coral.core.id.ObjectId;
import dev.coral.core.result.CacheStats;
import dev.coral.core.tensor.Tensor;


/**
 * Decoded tensors by id, bounded by their bytes and shared by every view of one repository. Tensors are
 * immutable and ids are content hashes, so an entry never goes stale.
 */
final class TensorCache {
    /** Default bound: 256 MiB of tensor data. */
    static final long DEFAULT_MAX_BYTES = 256L << 20;

    private final Cache<ObjectId, Tensor> cache;
    private final long maxBytes;

    TensorCache(long maxBytes) {
        this.maxBytes = maxBytes;
        cache = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, maxBytes >> 10))
                .weigher((ObjectId id, Tensor t) -> (int) Math.min(Integer.MAX_VALUE, (t.byteSize() >> 10) + 1))
                .executor(Runnable::run) // evict on the caller's thread so that the bound and the stats are current
                .recordStats()
                .build();
    }

    /** The cached tensor {@code id}, or null. */
    Tensor getIfPresent(ObjectId id) {
        return cache.getIfPresent(id);
    }

    void put(ObjectId id, Tensor tensor) {
        cache.put(id, tensor);
    }

    CacheStats stats() {
        var s = cache.stats();
        long weightKiB = cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        return new CacheStats(s.hitCount(), s.missCount(), s.evictionCount(), weightKiB << 10, maxBytes);
    }
}
