package dev.coral.core.codec;

import dev.coral.core.tensor.DType;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/** One way of storing a tensor, sized before it is written: its header and how to write its body. */
final class Encoding {
    private final PayloadHeader header;
    private final int bodySize;
    private final Consumer<ByteBuffer> body;

    private Encoding(PayloadHeader header, int bodySize, Consumer<ByteBuffer> body) {
        this.header = header;
        this.bodySize = bodySize;
        this.body = body;
    }

    PayloadHeader header() {
        return header;
    }

    /** Bytes of the whole payload. */
    int size() {
        return header.length() + bodySize;
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
            case RAW -> new Encoding(header, bits.length, out -> out.put(bits));
            case SHUFFLE_ZSTD -> shuffled(header, bits, dtype, zstdLevel);
            case XOR_DELTA -> {
                byte[] xor = bits.clone();
                ParallelRanges.forEach(xor.length, xor.length, (from, to) -> XorDelta.xorInPlace(xor, base, from, to));
                yield shuffled(header, xor, dtype, zstdLevel);
            }
            case DIFF_DELTA -> {
                DifferenceDelta.Body b = DifferenceDelta.encode(bits, base, dtype, zstdLevel);
                yield new Encoding(header, b.size(), b::writeTo);
            }
        };
    }

    private static Encoding shuffled(PayloadHeader header, byte[] bits, DType dtype, int zstdLevel) {
        int size = dtype.itemSize();
        int n = bits.length / size;
        byte[] planes;
        if (size == 1) {
            planes = bits;
        } else {
            planes = new byte[bits.length];
            ParallelRanges.forEach(n, bits.length, (from, to) -> ByteShuffle.shuffle(bits, size, n, from, to, planes));
        }
        PlaneCompressor.Body body = PlaneCompressor.compress(planes, size, n, zstdLevel);
        return new Encoding(header, body.size(), body::writeTo);
    }
}
