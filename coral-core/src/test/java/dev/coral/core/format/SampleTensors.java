package dev.coral.core.format;

import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tensors whose bit patterns break lossy paths: NaN payloads (quiet and signalling, both signs), -0.0,
 * the smallest and largest subnormals, ±Inf and the extremes of every integer type; plus a scalar and
 * a zero-size tensor of every dtype.
 */
final class SampleTensors {
    private SampleTensors() {
    }

    /** Bit patterns per dtype, as longs truncated to the item size. */
    static long[] patterns(DType dtype) {
        return switch (dtype) {
            case FLOAT64 -> new long[] {0, 0x8000000000000000L, 1, 0x000fffffffffffffL, 0x7ff0000000000000L,
                    0xfff0000000000000L, 0x7ff8000000000000L, 0x7ff8000000000123L, 0x7ff0000000000001L,
                    0xfff8000000000000L, Double.doubleToRawLongBits(1.5), Double.doubleToRawLongBits(Double.MAX_VALUE)};
            case FLOAT32 -> new long[] {0, 0x80000000L, 1, 0x007fffff, 0x7f800000, 0xff800000L, 0x7fc00000,
                    0x7fc00123, 0x7f800001, 0xffc00000L, Float.floatToRawIntBits(1.5f), 0x7f7fffff};
            case FLOAT16 -> new long[] {0, 0x8000, 1, 0x03ff, 0x7c00, 0xfc00, 0x7e00, 0x7e01, 0x7c01, 0xfe00,
                    0x3e00, 0x7bff};
            case BFLOAT16 -> new long[] {0, 0x8000, 1, 0x007f, 0x7f80, 0xff80, 0x7fc0, 0x7fc1, 0x7f81, 0xffc0,
                    0x3fc0, 0x7f7f};
            case INT64 -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1, 0x0123456789abcdefL};
            case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1, 0x01234567};
            case INT16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE, -1, 0, 1, 0x0123};
            case INT8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE, -1, 0, 1, 0x12};
            case UINT8 -> new long[] {0, 255, 128, 127, 1, 0x12};
            case BOOL -> new long[] {0, 1, 1, 0, 0, 1};
        };
    }

    /** The patterns of {@code dtype} as a 2 × n/2 tensor. */
    static Tensor special(DType dtype) {
        long[] bits = patterns(dtype);
        ByteBuffer b = ByteBuffer.allocate(bits.length * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : bits) {
            switch (dtype.itemSize()) {
                case 8 -> b.putLong(v);
                case 4 -> b.putInt((int) v);
                case 2 -> b.putShort((short) v);
                default -> b.put((byte) v);
            }
        }
        return Tensor.wrap(dtype, new long[] {2, bits.length / 2}, b.flip());
    }

    /** A rank-0 tensor holding the dtype's last special pattern. */
    static Tensor scalar(DType dtype) {
        Tensor t = special(dtype);
        byte[] all = t.toBytes();
        byte[] last = java.util.Arrays.copyOfRange(all, all.length - dtype.itemSize(), all.length);
        return Tensor.copyOf(dtype, new long[0], last);
    }

    static Tensor zeroSize(DType dtype) {
        return Tensor.zeros(dtype, 0, 3);
    }

    /** special, scalar and zero-size tensors of every dtype (optionally without bfloat16), by name. */
    static Map<String, Tensor> all(boolean withBfloat16) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (DType d : DType.values()) {
            if (d == DType.BFLOAT16 && !withBfloat16) {
                continue;
            }
            out.put(d.label() + ".special", special(d));
            out.put(d.label() + "/scalar", scalar(d));
            out.put("zero_size." + d.label(), zeroSize(d));
        }
        return out;
    }
}
