package dev.coral.magics.lazy;

import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;
import dev.coral.core.result.CacheStats;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorCacheTest {
    /** 64 KiB each. */
    private final Tensor a = Tensor.randn(1, 128, 128);
    private final Tensor b = Tensor.randn(2, 128, 128);
    private final Tensor c = Tensor.randn(3, 128, 128);

    @Test
    void evictsByWeightToStayUnderTheBound() {
        TensorCache cache = TensorCache.builder().maximumBytes(150L << 10).executor(Runnable::run).build();
        cache.get(id(a), k -> a);
        cache.get(id(b), k -> b);
        assertEquals(2, cache.size());
        cache.get(id(c), k -> c);
        CacheStats s = cache.stats();
        assertEquals(2, cache.size(), "three 64 KiB tensors do not fit in 150 KiB");
        assertEquals(1, s.evictions());
        assertEquals(128L << 10, s.cachedBytes());
        assertTrue(s.cachedBytes() <= s.maxBytes());
    }

    @Test
    void lowerMaximumEvictsAtOnceAndRaisingItKeepsEntries() {
        TensorCache cache = TensorCache.builder().maximumBytes(1L << 20).executor(Runnable::run).build();
        for (Tensor t : new Tensor[] {a, b, c}) {
            cache.get(id(t), k -> t);
        }
        assertEquals(3, cache.size());
        cache.setMaximumBytes(100L << 10);
        assertEquals(1, cache.size());
        assertEquals(100L << 10, cache.maximumBytes());
        cache.setMaximumBytes(0);
        assertEquals(0, cache.size());
    }

    @Test
    void countsHitsAndMissesAndLoadsOncePerId() {
        TensorCache cache = TensorCache.builder().executor(Runnable::run).build();
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            Tensor got = cache.get(id(a), k -> {
                loads.incrementAndGet();
                return a;
            });
            assertSame(a, got);
        }
        CacheStats s = cache.stats();
        assertEquals(1, loads.get());
        assertEquals(4, s.hits());
        assertEquals(1, s.misses());
        assertTrue(cache.contains(id(a)));
        assertEquals(4, cache.stats().hits(), "contains() is not a lookup");
    }

    @Test
    void aFailingLoadCachesNothing() {
        TensorCache cache = TensorCache.builder().executor(Runnable::run).build();
        assertThrows(IllegalStateException.class, () -> cache.get(id(a), k -> {
            throw new IllegalStateException("corrupt");
        }));
        assertFalse(cache.contains(id(a)));
        assertEquals(0, cache.size());
        assertSame(a, cache.get(id(a), k -> a), "a later load succeeds");
    }

    @Test
    void weighsInWholeKibibytesAtLeastOne() {
        assertEquals(64, TensorCache.weight(a));
        assertEquals(1, TensorCache.weight(Tensor.zeros(DType.FLOAT32, 0)));
        assertEquals(1, TensorCache.weight(Tensor.zeros(DType.UINT8, 1024)));
        assertEquals(2, TensorCache.weight(Tensor.zeros(DType.UINT8, 1025)));
    }

    @Test
    void rejectsANegativeBound() {
        assertThrows(IllegalArgumentException.class, () -> TensorCache.builder().maximumBytes(-1));
    }

    private static ObjectId id(Tensor t) {
        return TensorHasher.id(t);
    }
}
