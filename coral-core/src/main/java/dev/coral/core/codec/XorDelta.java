package dev.coral.core.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * XOR of two equally long byte sequences, 8 bytes at a time. Working on bit patterns (never on float
 * values) is what makes a delta exact for every dtype, NaN payloads included: {@code (a ^ b) ^ b == a}.
 */
final class XorDelta {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private XorDelta() {
    }

    /** {@code out[i] = a[i] ^ b[i]} for the bytes {@code [from, to)} (absolute indexes). */
    static void xor(ByteBuffer a, ByteBuffer b, int from, int to, byte[] out) {
        ByteBuffer x = a.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer y = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            LONGS.set(out, i, x.getLong(i) ^ y.getLong(i));
        }
        for (; i < to; i++) {
            out[i] = (byte) (x.get(i) ^ y.get(i));
        }
    }

    /** {@code data[i] ^= base[i]} for the bytes {@code [from, to)}. */
    static void xorInPlace(byte[] data, ByteBuffer base, int from, int to) {
        ByteBuffer y = base.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            LONGS.set(data, i, (long) LONGS.get(data, i) ^ y.getLong(i));
        }
        for (; i < to; i++) {
            data[i] ^= y.get(i);
        }
    }
}
