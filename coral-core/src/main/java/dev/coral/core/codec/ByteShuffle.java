package dev.coral.core.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-plane shuffle: element {@code i}'s byte {@code p} moves to {@code planes[p * n + i]}, so the
 * sign/exponent bytes of floats sit together and compress, while the noisy low mantissa bytes are
 * isolated.
 *
 * <p>Each element is read as one little-endian word and its bytes are stored one by one (and the reverse):
 * the JIT compiles these plain loops to about twice the speed of packing eight elements into 64-bit words
 * with shifts and masks (measured on 4 MB: shuffle 0.5 ms instead of 1.0 ms for 4-byte elements, similar
 * for 2 and 8 bytes).
 */
final class ByteShuffle {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteShuffle() {
    }

    /**
     * Shuffles elements {@code [from, to)} of {@code in} ({@code n} elements of {@code size} bytes, 2, 4 or 8)
     * into {@code planes} ({@code n * size} bytes).
     */
    static void shuffle(byte[] in, int size, int n, int from, int to, byte[] planes) {
        switch (size) {
            case 2 -> shuffle2(in, n, from, to, planes);
            case 4 -> shuffle4(in, n, from, to, planes);
            case 8 -> shuffle8(in, n, from, to, planes);
            default -> throw new IllegalArgumentException("element size " + size);
        }
    }

    /**
     * Inverse of {@link #shuffle}: writes elements {@code [from, to)} from {@code planes} into
     * {@code out} (element {@code i} at byte {@code i * size}).
     */
    static void unshuffle(byte[] planes, int size, int n, int from, int to, byte[] out) {
        unshuffle(planes, size, n, from, to, out, 0);
    }

    /**
     * Like {@link #unshuffle(byte[], int, int, int, int, byte[])}, but element {@code i} of the planes is written
     * as element {@code first + i} of {@code out}: the planes hold a range of a longer tensor.
     */
    static void unshuffle(byte[] planes, int size, int n, int from, int to, byte[] out, int first) {
        switch (size) {
            case 2 -> unshuffle2(planes, n, from, to, out, first * 2);
            case 4 -> unshuffle4(planes, n, from, to, out, first * 4);
            case 8 -> unshuffle8(planes, n, from, to, out, first * 8);
            default -> throw new IllegalArgumentException("element size " + size);
        }
    }

    /**
     * Whether {@link #unshuffle} of elements {@code [from, to)} of {@code planes} would write exactly those
     * elements of {@code expected}; computed by the same expressions without writing anything.
     */
    static boolean unshufflesTo(byte[] planes, int size, int n, int from, int to, byte[] expected) {
        return switch (size) {
            case 2 -> unshufflesTo2(planes, n, from, to, expected);
            case 4 -> unshufflesTo4(planes, n, from, to, expected);
            case 8 -> unshufflesTo8(planes, n, from, to, expected);
            default -> throw new IllegalArgumentException("element size " + size);
        };
    }

    private static void shuffle2(byte[] in, int n, int from, int to, byte[] planes) {
        for (int i = from; i < to; i++) {
            short v = (short) SHORTS.get(in, i * 2);
            planes[i] = (byte) v;
            planes[n + i] = (byte) (v >>> 8);
        }
    }

    private static void shuffle4(byte[] in, int n, int from, int to, byte[] planes) {
        for (int i = from; i < to; i++) {
            int v = (int) INTS.get(in, i * 4);
            planes[i] = (byte) v;
            planes[n + i] = (byte) (v >>> 8);
            planes[2 * n + i] = (byte) (v >>> 16);
            planes[3 * n + i] = (byte) (v >>> 24);
        }
    }

    private static void shuffle8(byte[] in, int n, int from, int to, byte[] planes) {
        for (int i = from; i < to; i++) {
            long v = (long) LONGS.get(in, i * 8);
            planes[i] = (byte) v;
            planes[n + i] = (byte) (v >>> 8);
            planes[2 * n + i] = (byte) (v >>> 16);
            planes[3 * n + i] = (byte) (v >>> 24);
            planes[4 * n + i] = (byte) (v >>> 32);
            planes[5 * n + i] = (byte) (v >>> 40);
            planes[6 * n + i] = (byte) (v >>> 48);
            planes[7 * n + i] = (byte) (v >>> 56);
        }
    }

    private static void unshuffle2(byte[] planes, int n, int from, int to, byte[] out, int at) {
        for (int i = from; i < to; i++) {
            SHORTS.set(out, at + i * 2, (short) ((planes[i] & 0xff) | planes[n + i] << 8));
        }
    }

    private static void unshuffle4(byte[] planes, int n, int from, int to, byte[] out, int at) {
        for (int i = from; i < to; i++) {
            INTS.set(out, at + i * 4, (planes[i] & 0xff) | (planes[n + i] & 0xff) << 8
                    | (planes[2 * n + i] & 0xff) << 16 | planes[3 * n + i] << 24);
        }
    }

    private static void unshuffle8(byte[] planes, int n, int from, int to, byte[] out, int at) {
        for (int i = from; i < to; i++) {
            LONGS.set(out, at + i * 8, (planes[i] & 0xffL) | (planes[n + i] & 0xffL) << 8
                    | (planes[2 * n + i] & 0xffL) << 16 | (planes[3 * n + i] & 0xffL) << 24
                    | (planes[4 * n + i] & 0xffL) << 32 | (planes[5 * n + i] & 0xffL) << 40
                    | (planes[6 * n + i] & 0xffL) << 48 | (long) planes[7 * n + i] << 56);
        }
    }

    // The checks OR together the differences and test once per element range, so the loops have no branch.

    private static boolean unshufflesTo2(byte[] planes, int n, int from, int to, byte[] expected) {
        int difference = 0;
        for (int i = from; i < to; i++) {
            difference |= (short) SHORTS.get(expected, i * 2) ^ (short) ((planes[i] & 0xff) | planes[n + i] << 8);
        }
        return difference == 0;
    }

    private static boolean unshufflesTo4(byte[] planes, int n, int from, int to, byte[] expected) {
        int difference = 0;
        for (int i = from; i < to; i++) {
            difference |= (int) INTS.get(expected, i * 4) ^ ((planes[i] & 0xff) | (planes[n + i] & 0xff) << 8
                    | (planes[2 * n + i] & 0xff) << 16 | planes[3 * n + i] << 24);
        }
        return difference == 0;
    }

    private static boolean unshufflesTo8(byte[] planes, int n, int from, int to, byte[] expected) {
        long difference = 0;
        for (int i = from; i < to; i++) {
            difference |= (long) LONGS.get(expected, i * 8) ^ ((planes[i] & 0xffL) | (planes[n + i] & 0xffL) << 8
                    | (planes[2 * n + i] & 0xffL) << 16 | (planes[3 * n + i] & 0xffL) << 24
                    | (planes[4 * n + i] & 0xffL) << 32 | (planes[5 * n + i] & 0xffL) << 40
                    | (planes[6 * n + i] & 0xffL) << 48 | (long) planes[7 * n + i] << 56);
        }
        return difference == 0;
    }
}
