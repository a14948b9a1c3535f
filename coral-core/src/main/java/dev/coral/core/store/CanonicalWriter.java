package dev.coral.core.store;

import dev.coral.core.id.ObjectId;
import dev.coral.core.id.TensorHasher;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
        ensure(4 + n);
        byte[] array = buf.array();
        int start = buf.position();
        int at = start + 4;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                return u32(utf8.length).raw(utf8);
            }
            array[at++] = (byte) ch;
        }
        buf.putInt(start, n);
        buf.position(at);
        return this;
    }

    /** A copy of the bytes written so far. */
    byte[] toBytes() {
        return Arrays.copyOf(buf.array(), buf.position());
    }

    /** SHA-256 of the bytes written so far. */
    ObjectId sha256() {
        MessageDigest digest = newSha256();
        digest.update(buf.array(), 0, buf.position());
        return ObjectId.fromBytes(digest.digest());
    }

    /** Cloning a prototype is much cheaper than {@code MessageDigest.getInstance} on every hash. */
    private static final MessageDigest SHA256 = TensorHasher.sha256();

    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return TensorHasher.sha256();
        }
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
