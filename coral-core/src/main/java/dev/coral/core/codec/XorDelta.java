package dev.coral.core.codec;

/**
 * XOR of two equally long byte sequences. Working on bit patterns (never on float
 * values) is what makes a delta exact for every dtype, NaN payloads included: {@code (a ^ b) ^ b == a}.
 */
public final class XorDelta {
    private XorDelta() {
    }

    /**
     * {@code data[i] ^= base[i]} for the bytes {@code [from, to)}. A plain byte loop: HotSpot's C2
     * turns it into SIMD code, which makes it about four times faster than XORing 8-byte words read
     * through a {@code VarHandle} (measured on 160 KB: 2.6 µs against 10 µs).
     */
    public static void xorInPlace(byte[] data, byte[] base, int from, int to) {
        for (int i = from; i < to; i++) {
            data[i] ^= base[i];
        }
    }

    /** {@code out[i] = data[i] ^ base[i]} for the bytes {@code [from, to)}. */
    public static void xor(byte[] data, byte[] base, byte[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (byte) (data[i] ^ base[i]);
        }
    }
}
