package dev.coral.core.store;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.id.ObjectId;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link CanonicalWriter} wrote, checking every length against the bytes that remain so that a
 * damaged record fails with {@link CorruptObjectException} instead of allocating nonsense.
 */
final class CanonicalReader {
    private final ByteBuffer buf;
    private final String what;

    /** @param what names the record in error messages ("tree 3fa2…") */
    CanonicalReader(byte[] bytes, String what) {
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.what = what;
    }

    void expect(byte[] magic) {
        need(magic.length);
        for (byte b : magic) {
            if (buf.get() != b) {
                throw corrupt("has an unknown format header");
            }
        }
    }

    int u8() {
        need(1);
        return buf.get() & 0xff;
    }

    /** A u32 that counts items of at least {@code minItemBytes} bytes each, checked against what remains. */
    int count(int minItemBytes) {
        need(4);
        int n = buf.getInt();
        if (n < 0 || (long) n * minItemBytes > buf.remaining()) {
            throw corrupt("claims " + Integer.toUnsignedString(n) + " items but has only " + buf.remaining() + " bytes left");
        }
        return n;
    }

    long i64() {
        need(8);
        return buf.getLong();
    }

    double f64() {
        return Double.longBitsToDouble(i64());
    }

    ObjectId id() {
        need(ObjectId.LENGTH);
        byte[] b = new byte[ObjectId.LENGTH];
        buf.get(b);
        return ObjectId.fromBytes(b);
    }

    String string() {
        int n = count(1);
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    void expectEnd() {
        if (buf.hasRemaining()) {
            throw corrupt("has " + buf.remaining() + " unexpected trailing bytes");
        }
    }

    CorruptObjectException corrupt(String problem) {
        return new CorruptObjectException(what + " " + problem + "; run `coral fsck`");
    }

    private void need(int n) {
        if (buf.remaining() < n) {
            throw corrupt("is truncated");
        }
    }
}
