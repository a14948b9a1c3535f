package dev.coral.core.codec;

import dev.coral.core.tensor.DType;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One way of storing a tensor, sized before it is written: its header, how to write its body and, for
 * RAW and SHUFFLE_ZSTD, how to check a written payload against the bytes it was made from without
 * decoding it whole.
 */
final class Encoding {
    /** Whether a body (positioned after the header) decodes to {@code bits}. */
    @FunctionalInterface
    private interface BodyCheck {
        boolean decodesTo(ByteBuffer body, byte[] bits);
    }

    private final PayloadHeader header;
    private final int bodySize;
    private final Consumer<ByteBuffer> body;
    private final BodyCheck check;

    private Encoding(PayloadHeader header, int bodySize, Consumer<ByteBuffer> body, BodyCheck check) {
        this.header = header;
        this.bodySize = bodySize;
        this.body = body;
        this.check = check;
    }

    PayloadHeader header() {
        return header;
    }

    /** Bytes of the whole payload. */
    int size() {
        return header.length() + bodySize;
    }

    /** True when {@link #decodesTo} can check a payload of this encoding; else only a full decode can. */
    boolean hasDirectCheck() {
        return check != null;
    }

    /**
     * Whether {@code payload}, as written by {@link #write}, decodes to {@code bits}: its header reads back
     * as this encoding's header (checksum of {@code bits} included) and its body decodes to {@code bits}.
     * Only when {@link #hasDirectCheck}.
     *
     * @throws dev.coral.core.error.CorruptObjectException when the payload is malformed
     */
    boolean decodesTo(ByteBuffer payload, byte[] bits) {
        ByteBuffer in = payload.duplicate();
        return PayloadHeader.read(in).equals(header) && check.decodesTo(in, bits);
    }

    ByteBuffer write() {
        ByteBuffer out = ByteBuffer.allocate(size()).order(ByteOrder.LITTLE_ENDIAN);
        header.writeTo(out);
        body.accept(out);
        if (out.hasRemaining()) {
            throw new BufferOverflowException();
        }
        return out.flip();
    }

    /**
     * Encodes {@code bits} (a tensor of {@code dtype} and {@code shape}) with {@code codec}.
     *
     * @param base     the base's bits for a delta codec, else null
     * @param baseRef  id and depth of the base for a delta codec, else null
     */
    static Encoding of(Codec codec, byte[] bits, DType dtype, long[] shape, int checksum,
                       byte[] base, BaseCandidate baseRef, int zstdLevel) {
        PayloadHeader header = new PayloadHeader(codec, dtype, shape, checksum,
                codec.isDelta() ? baseRef.id() : null, codec.isDelta() ? baseRef.depth() + 1 : 0);
        return switch (codec) {
            case RAW -> new Encoding(header, bits.length, out -> out.put(bits),
                    (body, expected) -> body.equals(ByteBuffer.wrap(expected)));
            case SHUFFLE_ZSTD -> shuffled(header, bits, dtype, zstdLevel, true);
            case XOR_DELTA -> {
                byte[] xor = bits.clone();
                ParallelRanges.forEach(xor.length, xor.length, (from, to) -> XorDelta.xorInPlace(xor, base, from, to));
                yield shuffled(header, xor, dtype, zstdLevel, false);
            }
            case DIFF_DELTA -> {
                DifferenceDelta.Body b = DifferenceDelta.encode(bits, base, dtype, zstdLevel);
                yield new Encoding(header, b.size(), b::writeTo, null);
            }
        };
    }

    /**
     * Shuffles {@code bits} into planes and compresses them. With {@code checkable} (the planes are the
     * tensor's own bytes, not a delta), the encoding can check a payload directly: the body must decompress to
     * exactly these planes (see {@link PlaneCompressor#decompressesTo}) and unshuffling them must give
     * {@code bits} back, which together are what decoding the payload does.
     */
    private static Encoding shuffled(PayloadHeader header, byte[] bits, DType dtype, int zstdLevel, boolean checkable) {
        int size = dtype.itemSize();
        int n = bits.length / size;
        byte[] planes = size == 1 ? bits : new byte[bits.length];
        PlaneCompressor.Body body = size == 1 ? PlaneCompressor.compress(planes, 1, n, zstdLevel)
                : PlaneCompressor.shuffleAndCompress(bits, size, n, planes, zstdLevel);
        BodyCheck check = null;
        if (checkable) {
            check = (in, expected) -> PlaneCompressor.decompressesTo(in, planes, size, n)
                    && (size == 1 ? Arrays.equals(planes, expected) : ParallelRanges.allMatch(n, expected.length,
                    (from, to) -> ByteShuffle.unshufflesTo(planes, size, n, from, to, expected)));
        }
        return new Encoding(header, body.size(), body::writeTo, check);
    }
}
