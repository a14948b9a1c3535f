package dev.coral.magics.lazy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import dev.coral.core.id.ObjectId;
import dev.coral.core.result.CacheStats;
import dev.coral.core.tensor.Tensor;

import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Decoded tensors by content id, bounded by their size in bytes (weighed in KiB, so a single tensor
 * may exceed 2 GiB). Ids are content hashes and tensors are immutable, so an entry never goes stale
 * and views of different commits share every tensor they have in common.
 *
 * <pre>{@code
 * TensorCache cache = TensorCache.builder().maximumBytes(512L << 20).build();
 * Tensor t = cache.get(id, missingId -> repo.read("main", "fc1.weight"));
 * cache.stats().hits();
 * }</pre>
 *
 * <p>Thread-safe. Eviction runs on Caffeine's maintenance executor (the common pool by default).
 */
public final class TensorCache {
    /** Default bound: 1 GiB of tensor data. */
    public static final long DEFAULT_MAXIMUM_BYTES = 1L << 30;

    private final Cache<ObjectId, Tensor> cache;
    private final Policy.Eviction<ObjectId, Tensor> eviction;

    private TensorCache(Builder builder) {
        Caffeine<Object, Object> caffeine = Caffeine.newBuilder()
                .maximumWeight(kibibytes(builder.maximumBytes))
                .recordStats();
        if (builder.executor != null) {
            caffeine.executor(builder.executor);
        }
        cache = caffeine.<ObjectId, Tensor>weigher((id, tensor) -> weight(tensor)).build();
        eviction = cache.policy().eviction().orElseThrow();
    }

    /** A builder with the default bound and executor. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tensor with {@code id}, calling {@code loader} once (per id, even under concurrency) when it is
     * not cached. The loader's exceptions reach the caller and nothing is cached.
     */
    public Tensor get(ObjectId id, Function<ObjectId, Tensor> loader) {
        return cache.get(id, loader);
    }

    /** True when the tensor with {@code id} is cached (does not count as a hit or a miss). */
    public boolean contains(ObjectId id) {
        return cache.asMap().containsKey(id);
    }

    /** Changes the bound; entries above it are evicted (asynchronously, on the cache's executor). */
    public void setMaximumBytes(long bytes) {
        eviction.setMaximum(kibibytes(bytes));
    }

    /** The bound in bytes (a whole number of KiB). */
    public long maximumBytes() {
        return eviction.getMaximum() << 10;
    }

    /** Drops every entry (statistics are kept). */
    public void clear() {
        cache.invalidateAll();
    }

    /**
     * Hits, misses and evictions since the cache was made, and the exact bytes held now (the same record
     * the engine's {@code Repository.cacheStats()} returns, so the CLI's text form applies).
     */
    public CacheStats stats() {
        cache.cleanUp();
        long bytes = cache.asMap().values().stream().mapToLong(Tensor::byteSize).sum();
        var s = cache.stats();
        return new CacheStats(s.hitCount(), s.missCount(), s.evictionCount(), bytes, maximumBytes());
    }

    /** Tensors held now. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Weight of a tensor: its size in KiB rounded up, at least 1 so every entry counts. */
    static int weight(Tensor tensor) {
        long kib = (tensor.byteSize() + 1023) >> 10;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, kib));
    }

    private static long kibibytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cache maximum must be 0 or more bytes, got " + bytes);
        }
        return bytes >> 10;
    }

    /** Configures a {@link TensorCache}. */
    public static final class Builder {
        private long maximumBytes = DEFAULT_MAXIMUM_BYTES;
        private Executor executor;

        private Builder() {
        }

        /** The bound in bytes, rounded down to whole KiB; 0 caches nothing. */
        public Builder maximumBytes(long bytes) {
            kibibytes(bytes);
            maximumBytes = bytes;
            return this;
        }

        /** Where eviction work runs; tests pass {@code Runnable::run} to make it synchronous. */
        public Builder executor(Executor maintenance) {
            executor = maintenance;
            return this;
        }

        public TensorCache build() {
            return new TensorCache(this);
        }
    }
}
