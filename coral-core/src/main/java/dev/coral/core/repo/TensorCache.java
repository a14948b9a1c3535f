package dev.coral.core.repo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.Tensor;

import java.util.function.Function;

/**
 * Decoded tensors by id, bounded by their bytes and shared by every view of one repository. Tensors are
 * immutable and ids are content hashes, so an entry never goes stale.
 */
final class TensorCache {
    /** Default bound: 256 MiB of tensor data. */
    static final long DEFAULT_MAX_BYTES = 256L << 20;

    private final Cache<ObjectId, Tensor> cache;

    TensorCache(long maxBytes) {
        cache = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, maxBytes >> 10))
                .weigher((ObjectId id, Tensor t) -> (int) Math.min(Integer.MAX_VALUE, (t.byteSize() >> 10) + 1))
                .recordStats()
                .build();
    }

    Tensor get(ObjectId id, Function<ObjectId, Tensor> loader) {
        return cache.get(id, loader);
    }

    void put(ObjectId id, Tensor tensor) {
        cache.put(id, tensor);
    }
}
