package dev.coral.core.tensor;

import dev.coral.core.error.InvalidInputException;

import java.util.Arrays;

/** Checks and formats tensor shapes. Element counts are checked for overflow before any allocation. */
public final class Shape {
    private Shape() {
    }

    /** Largest tensor Coral accepts, in bytes (a Java buffer is indexed by int). */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    /**
     * Number of elements of {@code shape}; 1 for a scalar, 0 when any dimension is 0.
     *
     * @throws InvalidInputException on a negative dimension or when the product overflows a long
     */
    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new InvalidInputException("invalid shape " + format(shape) + ": negative dimension " + d);
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new InvalidInputException("invalid shape " + format(shape) + ": element count overflows");
            }
        }
        return n;
    }

    /**
     * Byte size of a tensor of {@code dtype} and {@code shape}.
     *
     * @throws InvalidInputException when the tensor would exceed {@link #MAX_BYTES}
     */
    public static long byteSize(DType dtype, long[] shape) {
        long n = numel(shape);
        long bytes;
        try {
            bytes = Math.multiplyExact(n, (long) dtype.itemSize());
        } catch (ArithmeticException e) {
            throw new InvalidInputException("invalid shape " + format(shape) + ": byte size overflows");
        }
        if (bytes > MAX_BYTES) {
            throw new InvalidInputException("tensor of shape " + format(shape) + " and dtype " + dtype
                    + " is " + bytes + " bytes; the limit is " + MAX_BYTES);
        }
        return bytes;
    }

    /** Formats like numpy/PyTorch: {@code [200, 200]}, {@code []} for a scalar. */
    public static String format(long[] shape) {
        return Arrays.toString(shape);
    }
}
