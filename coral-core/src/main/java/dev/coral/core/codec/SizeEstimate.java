package dev.coral.core.codec;

import java.util.Arrays;

/**
 * Order-0 entropy estimates of what an encoding would take, for choosing an encoding on a sample without
 * compressing the sample every way. zstd's entropy coder comes close to a byte stream's order-0 entropy on
 * the byte planes of weights, where it finds few matches; a sample with long repeats compresses better than
 * estimated, and then every way of encoding it does.
 */
final class SizeEstimate {
    private SizeEstimate() {
    }

    /**
     * Bytes the byte planes of {@code bits} (elements of {@code elementSize} bytes) take at their order-0
     * entropy, each plane on its own; with {@code base}, the planes of {@code bits} XOR {@code base}.
     */
    static double planesSize(byte[] bits, byte[] base, int elementSize) {
        int n = bits.length / elementSize;
        double total = 0;
        int[] counts = new int[256];
        for (int plane = 0; plane < elementSize; plane++) {
            Arrays.fill(counts, 0);
            for (int i = plane; i < bits.length; i += elementSize) {
                counts[(bits[i] ^ (base == null ? 0 : base[i])) & 0xff]++;
            }
            total += entropyBits(counts, n);
        }
        return total / 8;
    }

    /** Bits an order-0 entropy coder needs for {@code total} symbols with these counts. */
    static double entropyBits(int[] counts, int total) {
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                bits -= count * Math.log((double) count / total);
            }
        }
        return bits / Math.log(2);
    }
}
