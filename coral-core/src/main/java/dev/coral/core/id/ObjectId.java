package dev.coral.core.id;

import dev.coral.core.error.InvalidInputException;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 256-bit content address (SHA-256) of a tensor, tree or commit.
 *
 * <pre>{@code
 * ObjectId id = TensorHasher.id(tensor);
 * id.hex();        // 64 lower-case hex digits
 * id.shortHex();   // first 12, as shown by `coral log`
 * }</pre>
 */
public final class ObjectId implements Comparable<ObjectId> {
    /** Bytes in an id. */
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private ObjectId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of 32 digest bytes. */
    public static ObjectId fromBytes(byte[] digest) {
        if (digest.length != LENGTH) {
            throw new IllegalArgumentException("an object id has 32 bytes, got " + digest.length);
        }
        return new ObjectId(digest.clone());
    }

    /**
     * Parses 64 hex digits.
     *
     * @throws InvalidInputException when {@code hex} is not a full id
     */
    public static ObjectId parse(String hex) {
        if (!isFullHex(hex)) {
            throw new InvalidInputException("'" + hex + "' is not a 64-digit object id");
        }
        return new ObjectId(HEX.parseHex(hex));
    }

    /** True when {@code text} is 64 hex digits. */
    public static boolean isFullHex(String text) {
        return text != null && text.length() == LENGTH * 2 && text.chars().allMatch(ObjectId::isHexDigit);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** The first 12 hex digits. */
    public String shortHex() {
        return hex().substring(0, 12);
    }

    /** A copy of the 32 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectId other && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public int compareTo(ObjectId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
