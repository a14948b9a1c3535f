package dev.coral.core.tensor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorStatsTest {

    @Test
    void momentsOfKnownValues() {
        TensorStats s = TensorStats.of(Tensor.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9}));
        assertEquals(8, s.count());
        assertEquals(2, s.min());
        assertEquals(9, s.max());
        assertEquals(5, s.mean(), 1e-12);
        assertEquals(2, s.std(), 1e-12);
        assertEquals(0, s.nanCount());
        assertEquals(0, s.infCount());
    }

    @Test
    void nanAndInfinityAreCountedNotAveraged() {
        TensorStats s = TensorStats.of(Tensor.of(new float[] {1, Float.NaN, 3, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7f800001)}));
        assertEquals(6, s.count());
        assertEquals(2, s.nanCount());
        assertEquals(2, s.infCount());
        assertEquals(1, s.min());
        assertEquals(3, s.max());
        assertEquals(2, s.mean(), 1e-12);
        assertEquals(1, s.std(), 1e-12);
    }

    @Test
    void noFiniteValues() {
        TensorStats allNan = TensorStats.of(Tensor.of(new float[] {Float.NaN, Float.NaN}));
        assertEquals(2, allNan.nanCount());
        assertTrue(Double.isNaN(allNan.mean()) && Double.isNaN(allNan.min()) && Double.isNaN(allNan.std()));
        TensorStats empty = TensorStats.of(Tensor.zeros(DType.FLOAT32, 0));
        assertEquals(0, empty.count());
        assertTrue(Double.isNaN(empty.mean()));
    }

    @Test
    void integerAndHalfDtypes() {
        TensorStats u8 = TensorStats.of(Tensor.copyOf(DType.UINT8, new long[] {3}, new byte[] {0, (byte) 255, 3}));
        assertEquals(255, u8.max());
        assertEquals(86, u8.mean(), 1e-12);
        TensorStats half = TensorStats.of(Tensor.of(new float[] {-1.5f, 2.5f}).to(DType.FLOAT16));
        assertEquals(-1.5, half.min());
        assertEquals(0.5, half.mean(), 1e-12);
        TensorStats scalar = TensorStats.of(Tensor.scalar(4f));
        assertEquals(1, scalar.count());
        assertEquals(0, scalar.std());
    }

    @Test
    void stableOnLargeOffsets() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1e9 + (i % 2 == 0 ? -1 : 1);
        }
        TensorStats s = TensorStats.of(Tensor.of(v));
        assertEquals(1e9, s.mean(), 1e-6);
        assertEquals(1, s.std(), 1e-6);
    }
}
