package dev.coral.core.cli;

import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Tensors for CLI tests, including the bit patterns a lossy path would break. */
final class TestTensors {
    private TestTensors() {
    }

    /**
     * One tensor per dtype with random bits (every NaN payload, subnormal and sign a generator finds) and
     * fixed special values in front, plus a scalar and a zero-size tensor.
     */
    static Map<String, Tensor> everyDtype(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (DType dtype : DType.values()) {
            tensors.put("all." + dtype.label(), tricky(dtype, random, 7, 5));
        }
        tensors.put("scalar.f32", tricky(DType.FLOAT32, random));
        tensors.put("empty.f16", Tensor.zeros(DType.FLOAT16, 0, 3));
        return tensors;
    }

    /** Every dtype except bfloat16, which numpy (and so .npz) lacks. */
    static Map<String, Tensor> numpyDtypes(long seed) {
        Map<String, Tensor> all = everyDtype(seed);
        all.remove("all." + DType.BFLOAT16.label());
        return all;
    }

    private static Tensor tricky(DType dtype, SplittableRandom random, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        ByteBuffer b = ByteBuffer.allocate((int) n * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
        byte[] noise = new byte[b.capacity()];
        random.nextBytes(noise);
        if (dtype == DType.BOOL) {
            for (int i = 0; i < noise.length; i++) {
                noise[i] &= 1;
            }
        }
        b.put(noise);
        if (n < 4) {
            return Tensor.copyOf(dtype, shape, b.array());
        }
        switch (dtype) {
            case FLOAT32 -> b.putInt(0, 0x7fc00001).putInt(4, 0x80000000).putInt(8, 0x00000001).putInt(12, 0xff800000);
            case FLOAT64 -> b.putLong(0, 0x7ff8000000000123L).putLong(8, 0x8000000000000000L).putLong(16, 1L)
                    .putLong(24, 0x7ff0000000000000L);
            case FLOAT16 -> b.putShort(0, (short) 0x7e01).putShort(2, (short) 0x8000).putShort(4, (short) 1)
                    .putShort(6, (short) 0xfc00);
            case BFLOAT16 -> b.putShort(0, (short) 0x7fc1).putShort(2, (short) 0x8000).putShort(4, (short) 1)
                    .putShort(6, (short) 0x7f80);
            default -> {
            }
        }
        return Tensor.copyOf(dtype, shape, b.array());
    }
}
