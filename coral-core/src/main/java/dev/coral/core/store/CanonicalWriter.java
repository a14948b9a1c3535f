package dev.coral.core.store;

import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds the canonical little-endian serializations of trees, commits and metrics. Strings are UTF-8
 * with a u32 byte length in front.
 */
final class CanonicalWriter {
    private ByteBuffer buf;

    CanonicalWriter(int initialCapacity) {
        buf = ByteBuffer.allocate(Math.max(64, initialCapacity)).order(ByteOrder.LITTLE_ENDIAN);
    }

    CanonicalWriter raw(byte[] bytes) {
        ensure(bytes.length);
        buf.put(bytes);
        return this;
    }

    CanonicalWriter u8(int v) {
        ensure(1);
        buf.put((byte) v);
        return this;
    }

    CanonicalWriter u32(int v) {
        ensure(4);
        buf.putInt(v);
        return this;
    }

    CanonicalWriter i64(long v) {
        ensure(8);
        buf.putLong(v);
        return this;
    }

    CanonicalWriter f64(double v) {
        return i64(Double.doubleToRawLongBits(v));
    }

    CanonicalWriter id(ObjectId id) {
        return raw(id.toBytes());
    }

    CanonicalWriter string(String s) {
        int n = s.length();
        if (isAscii(s)) {
            u32(n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf.put((byte) s.charAt(i));
            }
            return this;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return u32(utf8.length).raw(utf8);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the bytes written so far. */
    byte[] toBytes() {
        return Arrays.copyOf(buf.array(), buf.position());
    }

    /** SHA-256 of the bytes written so far. */
    ObjectId sha256() {
        var digest = TensorHasher.sha256();
        digest.update(buf.array(), 0, buf.position());
        return ObjectId.fromBytes(digest.digest());
    }

    private void ensure(int more) {
        if (buf.remaining() < more) {
            int capacity = Math.max(buf.capacity() * 2, buf.position() + more);
            ByteBuffer bigger = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            bigger.put(buf.array(), 0, buf.position());
            buf = bigger;
        }
    }
}
