package dev.coral.core.format;

import dev.coral.core.tensor.Tensor;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;

/**
 * The elements of a tensor as nested Java primitive arrays ({@code float[2][3]} for a float32 2×3
 * tensor), which is how jHDF takes datasets. The bits are copied unchanged; 16-bit floats become
 * {@code short}s and bool/uint8 become {@code byte}s, for the writer to label.
 */
final class JavaArrays {
    private JavaArrays() {
    }

    /** The Java primitive type holding one element of {@code tensor}. */
    static Class<?> elementType(Tensor tensor) {
        return switch (tensor.dtype()) {
            case FLOAT64 -> double.class;
            case FLOAT32 -> float.class;
            case FLOAT16, BFLOAT16, INT16 -> short.class;
            case INT64 -> long.class;
            case INT32 -> int.class;
            case INT8, UINT8, BOOL -> byte.class;
        };
    }

    /** A nested array of the tensor's shape (rank ≥ 1), or the boxed element for a scalar. */
    static Object of(Tensor tensor) {
        Object flat = flat(tensor);
        long[] shape = tensor.shape();
        if (shape.length == 0) {
            return Array.get(flat, 0);
        }
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.toIntExact(shape[i]);
        }
        Object nested = Array.newInstance(elementType(tensor), dims);
        fill(nested, flat, dims, 0, 0);
        return nested;
    }

    /** Copies {@code flat} from {@code offset} into {@code nested} (level {@code level}); returns the next offset. */
    private static int fill(Object nested, Object flat, int[] dims, int level, int offset) {
        if (level == dims.length - 1) {
            System.arraycopy(flat, offset, nested, 0, dims[level]);
            return offset + dims[level];
        }
        int next = offset;
        for (int i = 0; i < dims[level]; i++) {
            next = fill(Array.get(nested, i), flat, dims, level + 1, next);
        }
        return next;
    }

    private static Object flat(Tensor tensor) {
        ByteBuffer data = tensor.data();
        int n = Math.toIntExact(tensor.numel());
        return switch (tensor.dtype()) {
            case FLOAT64 -> {
                double[] a = new double[n];
                data.asDoubleBuffer().get(a);
                yield a;
            }
            case FLOAT32 -> {
                float[] a = new float[n];
                data.asFloatBuffer().get(a);
                yield a;
            }
            case INT64 -> {
                long[] a = new long[n];
                data.asLongBuffer().get(a);
                yield a;
            }
            case INT32 -> {
                int[] a = new int[n];
                data.asIntBuffer().get(a);
                yield a;
            }
            case FLOAT16, BFLOAT16, INT16 -> {
                short[] a = new short[n];
                data.asShortBuffer().get(a);
                yield a;
            }
            case INT8, UINT8, BOOL -> {
                byte[] a = new byte[n];
                data.get(a);
                yield a;
            }
        };
    }
}
