package dev.coral.core.dedup;

import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorSketchTest {

    @Test
    void theSameContentGivesTheSameSketchAndBuckets() {
        Tensor t = Tensor.randn(1, 200, 200);
        TensorSketch a = TensorSketch.of(t);
        TensorSketch b = TensorSketch.of(Tensor.copyOf(DType.FLOAT32, t.shape(), t.toBytes()));
        assertArrayEquals(a.bucketKeys(), b.bucketKeys());
        assertEquals(1.0, a.estimatedCosine(b), 1e-12);
        TensorSketch rebuilt = TensorSketch.fromParts(a.dtype(), a.shape(), a.sampleBytes());
        assertArrayEquals(a.bucketKeys(), rebuilt.bucketKeys());
    }

    @Test
    void bucketKeysAreThoseStoredByEarlierVersions() {
        // Computed by the one-projection-at-a-time loop of the first version; repositories store these keys.
        assertArrayEquals(new long[] {-3309284336115636196L, -2534938668441274203L, -1873016061910347989L,
                        7680786355586728691L, 5671977615228872101L, -7670976348348838162L, 849715608452585476L,
                        71297538896063389L},
                TensorSketch.of(Tensor.randn(7, 200, 200)).bucketKeys());
    }

    @Test
    void similarTensorsShareABucketAndUnrelatedOnesRarelyDo() {
        int shared = 0;
        int unrelatedShared = 0;
        for (int seed = 0; seed < 200; seed++) {
            Tensor base = Tensor.randn(seed, 100, 100);
            Tensor similar = base.plus(Tensor.randn(seed + 1000, 100, 100).times(0.2)); // cosine ≈ 0.98
            Tensor unrelated = Tensor.randn(seed + 2000, 100, 100);
            shared += sharesBucket(TensorSketch.of(base), TensorSketch.of(similar)) ? 1 : 0;
            unrelatedShared += sharesBucket(TensorSketch.of(base), TensorSketch.of(unrelated)) ? 1 : 0;
        }
        assertTrue(shared >= 196, "similar pairs sharing a bucket: " + shared + "/200");
        assertTrue(unrelatedShared <= 20, "unrelated pairs sharing a bucket: " + unrelatedShared + "/200");
    }

    @Test
    void bucketsSeparateDtypesAndShapes() {
        Tensor t = Tensor.randn(3, 20, 30);
        long[] keys = TensorSketch.of(t).bucketKeys();
        long[] reshaped = TensorSketch.of(t.reshape(30, 20)).bucketKeys();
        long[] widened = TensorSketch.of(t.to(DType.FLOAT64)).bucketKeys();
        for (long k : keys) {
            assertFalse(Arrays.stream(reshaped).anyMatch(r -> r == k));
            assertFalse(Arrays.stream(widened).anyMatch(r -> r == k));
        }
    }

    @Test
    void zerosAndNonFiniteSamplesHaveNoDirection() {
        assertFalse(TensorSketch.of(Tensor.zeros(DType.FLOAT32, 50, 50)).isUsable());
        ByteBuffer nan = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        nan.putFloat(1).putFloat(Float.NaN).putFloat(2).putFloat(3).flip();
        assertFalse(TensorSketch.of(Tensor.wrap(DType.FLOAT32, new long[] {4}, nan)).isUsable());
        assertTrue(TensorSketch.of(Tensor.of(new float[] {1, 2, 3, 4})).isUsable());
        assertTrue(TensorSketch.of(Tensor.scalar(2f)).isUsable());
    }

    private static boolean sharesBucket(TensorSketch a, TensorSketch b) {
        long[] kb = b.bucketKeys();
        return Arrays.stream(a.bucketKeys()).anyMatch(k -> Arrays.stream(kb).anyMatch(x -> x == k));
    }
}
