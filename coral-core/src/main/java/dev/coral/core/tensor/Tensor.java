package dev.coral.core.tensor;

import dev.coral.core.error.InvalidInputException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

/**
 * An immutable n-dimensional array: a dtype, a shape and the raw little-endian bytes.
 *
 * <p>The bytes are held in a {@link ByteBuffer} (heap, direct or memory-mapped) and are never forced
 * through {@code float[]}: NaN payloads, -0.0, subnormals and infinities come back exactly. A tensor
 * has no name; names belong to the trees and maps that hold tensors.
 *
 * <pre>{@code
 * Tensor w = Tensor.of(new float[][] {{1, 2}, {3, 4}});
 * Tensor r = Tensor.randn(42, 200, 200);              // float32, N(0,1), reproducible
 * Tensor h = r.to(DType.FLOAT16);                      // round to nearest even
 * Tensor x = Tensor.wrap(DType.INT8, new long[] {3}, ByteBuffer.wrap(new byte[] {1, 2, 3}));
 * }</pre>
 */
public final class Tensor {
    private final DType dtype;
    private final long[] shape;
    private final ByteBuffer data;

    private Tensor(DType dtype, long[] shape, ByteBuffer data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    /**
     * Wraps little-endian bytes without copying. The buffer's remaining bytes must be exactly the size
     * the dtype and shape imply; the caller must not change them afterwards.
     *
     * @throws InvalidInputException when the sizes disagree or the shape is invalid
     */
    public static Tensor wrap(DType dtype, long[] shape, ByteBuffer bytes) {
        if (dtype == null || shape == null || bytes == null) {
            throw new InvalidInputException("dtype, shape and bytes are required");
        }
        long[] s = shape.clone();
        long expected = Shape.byteSize(dtype, s);
        if (bytes.remaining() != expected) {
            throw new InvalidInputException("tensor of dtype " + dtype + " and shape " + Shape.format(s)
                    + " needs " + expected + " bytes, got " + bytes.remaining());
        }
        ByteBuffer view = bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer();
        return new Tensor(dtype, s, view.order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Wraps a copy of {@code bytes}. */
    public static Tensor copyOf(DType dtype, long[] shape, byte[] bytes) {
        return wrap(dtype, shape, ByteBuffer.wrap(bytes.clone()));
    }

    /** A tensor of zeros. */
    public static Tensor zeros(DType dtype, long... shape) {
        long size = Shape.byteSize(dtype, shape);
        return wrap(dtype, shape, ByteBuffer.allocate((int) size));
    }

    /**
     * float32 samples of N(0,1) from a seeded generator: the same seed and shape give the same bits.
     */
    public static Tensor randn(long seed, long... shape) {
        long n = Shape.numel(shape);
        Shape.byteSize(DType.FLOAT32, shape);
        Random random = new Random(seed);
        ByteBuffer b = allocate(DType.FLOAT32, shape);
        for (long i = 0; i < n; i++) {
            b.putFloat((float) random.nextGaussian());
        }
        return wrap(DType.FLOAT32, shape, b.flip());
    }

    /** A float32 scalar (rank 0). */
    public static Tensor scalar(float value) {
        return of(new float[] {value}).reshape();
    }

    public static Tensor of(float[] values) {
        ByteBuffer b = allocate(DType.FLOAT32, values.length);
        b.asFloatBuffer().put(values);
        return wrap(DType.FLOAT32, new long[] {values.length}, b);
    }

    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer b = allocate(DType.FLOAT32, rows.length, cols);
        for (float[] row : rows) {
            requireRectangular(row.length, cols);
            for (float v : row) {
                b.putFloat(v);
            }
        }
        return wrap(DType.FLOAT32, new long[] {rows.length, cols}, b.flip());
    }

    public static Tensor of(double[] values) {
        ByteBuffer b = allocate(DType.FLOAT64, values.length);
        b.asDoubleBuffer().put(values);
        return wrap(DType.FLOAT64, new long[] {values.length}, b);
    }

    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer b = allocate(DType.FLOAT64, rows.length, cols);
        for (double[] row : rows) {
            requireRectangular(row.length, cols);
            for (double v : row) {
                b.putDouble(v);
            }
        }
        return wrap(DType.FLOAT64, new long[] {rows.length, cols}, b.flip());
    }

    public static Tensor of(int[] values) {
        ByteBuffer b = allocate(DType.INT32, values.length);
        b.asIntBuffer().put(values);
        return wrap(DType.INT32, new long[] {values.length}, b);
    }

    public static Tensor of(long[] values) {
        ByteBuffer b = allocate(DType.INT64, values.length);
        b.asLongBuffer().put(values);
        return wrap(DType.INT64, new long[] {values.length}, b);
    }

    public static Tensor of(byte[] values) {
        return copyOf(DType.INT8, new long[] {values.length}, values);
    }

    public static Tensor of(boolean[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        return wrap(DType.BOOL, new long[] {values.length}, ByteBuffer.wrap(bytes));
    }

    private static void requireRectangular(int length, int cols) {
        if (length != cols) {
            throw new InvalidInputException("rows have different lengths (" + cols + " and " + length + ")");
        }
    }

    private static ByteBuffer allocate(DType dtype, long... shape) {
        return ByteBuffer.allocate((int) Shape.byteSize(dtype, shape)).order(ByteOrder.LITTLE_ENDIAN);
    }

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape; {@code []} for a scalar. */
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public long numel() {
        return data.capacity() / dtype.itemSize();
    }

    /** Size of the raw data in bytes. */
    public long byteSize() {
        return data.capacity();
    }

    /** A read-only little-endian view of the raw bytes, positioned at 0. */
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A copy of the raw bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[data.capacity()];
        data().get(out);
        return out;
    }

    /** The same bytes under another shape with the same element count. */
    public Tensor reshape(long... newShape) {
        if (Shape.numel(newShape) != numel()) {
            throw new InvalidInputException("cannot reshape " + Shape.format(shape) + " to " + Shape.format(newShape));
        }
        return new Tensor(dtype, newShape.clone(), data);
    }

    /** Element {@code i} (row-major) as a double; exact for every dtype but int64 beyond 2^53. */
    public double getDouble(long i) {
        int at = Math.toIntExact(i * dtype.itemSize());
        return switch (dtype) {
            case FLOAT64 -> data.getDouble(at);
            case FLOAT32 -> data.getFloat(at);
            case FLOAT16 -> HalfFloats.halfToFloat(data.getShort(at));
            case BFLOAT16 -> HalfFloats.bfloat16ToFloat(data.getShort(at));
            case INT64 -> data.getLong(at);
            case INT32 -> data.getInt(at);
            case INT16 -> data.getShort(at);
            case INT8 -> data.get(at);
            case UINT8 -> data.get(at) & 0xff;
            case BOOL -> data.get(at) != 0 ? 1 : 0;
        };
    }

    /**
     * Element {@code i} (row-major) as a float. 16-bit floats widen without passing through double, which
     * would quiet signalling NaNs.
     */
    public float getFloat(long i) {
        int at = Math.toIntExact(i * dtype.itemSize());
        return switch (dtype) {
            case FLOAT32 -> data.getFloat(at);
            case FLOAT16 -> HalfFloats.halfToFloat(data.getShort(at));
            case BFLOAT16 -> HalfFloats.bfloat16ToFloat(data.getShort(at));
            default -> (float) getDouble(i);
        };
    }

    /** All elements as floats (row-major). */
    public float[] toFloatArray() {
        float[] out = new float[Math.toIntExact(numel())];
        if (dtype == DType.FLOAT32) {
            data().asFloatBuffer().get(out);
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = getFloat(i);
            }
        }
        return out;
    }

    /** All elements as doubles (row-major). */
    public double[] toDoubleArray() {
        double[] out = new double[Math.toIntExact(numel())];
        for (int i = 0; i < out.length; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    /**
     * Converts to another dtype. float32 → float16/bfloat16 rounds to nearest even; widening to
     * float32/float64 is exact. Other conversions go through double and are rejected when the target
     * is an integer type and the source is floating (use your own rounding for that).
     */
    public Tensor to(DType target) {
        if (target == dtype) {
            return this;
        }
        if (dtype.isFloating() && !target.isFloating()) {
            throw new InvalidInputException("conversion from " + dtype + " to " + target + " would round; not supported");
        }
        ByteBuffer out = allocate(target, shape);
        long n = numel();
        for (long i = 0; i < n; i++) {
            double v = getDouble(i);
            switch (target) {
                case FLOAT64 -> out.putDouble(v);
                case FLOAT32 -> out.putFloat(getFloat(i));
                case FLOAT16 -> out.putShort(HalfFloats.floatToHalf(toFloatRoundingOnce(i, v)));
                case BFLOAT16 -> out.putShort(HalfFloats.floatToBfloat16(toFloatRoundingOnce(i, v)));
                case INT64 -> out.putLong((long) v);
                case INT32 -> out.putInt((int) v);
                case INT16 -> out.putShort((short) v);
                case INT8, UINT8 -> out.put((byte) (long) v);
                case BOOL -> out.put((byte) (v != 0 ? 1 : 0));
            }
        }
        return wrap(target, shape, out.flip());
    }

    private float toFloatRoundingOnce(long i, double v) {
        if (dtype == DType.FLOAT64 && (float) v != v) {
            throw new InvalidInputException("float64 → 16-bit float would round twice; convert to float32 first");
        }
        return dtype == DType.FLOAT32 ? data.getFloat(Math.toIntExact(i * 4)) : (float) v;
    }

    /** Element-wise {@code this + other} for float32 or float64 tensors of the same dtype and shape. */
    public Tensor plus(Tensor other) {
        requireSameFloatKind(other);
        ByteBuffer out = allocate(dtype, shape);
        long n = numel();
        if (dtype == DType.FLOAT32) {
            for (long i = 0; i < n; i++) {
                out.putFloat(getFloat(i) + other.getFloat(i));
            }
        } else {
            for (long i = 0; i < n; i++) {
                out.putDouble(getDouble(i) + other.getDouble(i));
            }
        }
        return wrap(dtype, shape, out.flip());
    }

    /** Element-wise {@code this * factor} for a float32 or float64 tensor. */
    public Tensor times(double factor) {
        requireFloat3264();
        ByteBuffer out = allocate(dtype, shape);
        long n = numel();
        for (long i = 0; i < n; i++) {
            if (dtype == DType.FLOAT32) {
                out.putFloat((float) (getFloat(i) * factor));
            } else {
                out.putDouble(getDouble(i) * factor);
            }
        }
        return wrap(dtype, shape, out.flip());
    }

    private void requireFloat3264() {
        if (dtype != DType.FLOAT32 && dtype != DType.FLOAT64) {
            throw new InvalidInputException("arithmetic needs a float32 or float64 tensor, got " + dtype);
        }
    }

    private void requireSameFloatKind(Tensor other) {
        requireFloat3264();
        if (other.dtype != dtype || !Arrays.equals(other.shape, shape)) {
            throw new InvalidInputException("tensors differ: " + describe() + " vs " + other.describe());
        }
    }

    /** {@code "float32[200, 200]"}. */
    public String describe() {
        return dtype + Shape.format(shape);
    }

    /** Bit-exact equality of dtype, shape and bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.dtype == dtype && Arrays.equals(t.shape, shape) && t.data().equals(data());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + data().hashCode();
    }

    @Override
    public String toString() {
        return "Tensor(" + describe() + ")";
    }
}
