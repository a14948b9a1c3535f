package dev.coral.core.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * XOR of two equally long byte sequences, 8 bytes at a time. Working on bit patterns (never on float
 * values) is what makes a delta exact for every dtype, NaN payloads included: {@code (a ^ b) ^ b == a}.
 */
final class XorDelta {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private XorDelta() {
    }

    /** {@code data[i] ^= base[i]} for the bytes {@code [from, to)}. */
    static void xorInPlace(byte[] data, byte[] base, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            LONGS.set(data, i, (long) LONGS.get(data, i) ^ (long) LONGS.get(base, i));
        }
        for (; i < to; i++) {
            data[i] ^= base[i];
        }
    }
}
