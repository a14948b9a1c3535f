package dev.coral.core.codec;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.id.ObjectId;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Encodes tensors for storage and decodes them back, bit-exactly. Thread-safe: one instance may be
 * used by any number of threads at once.
 *
 * <p>{@link #encode} tries raw, byte-plane shuffle + zstd, and an XOR delta against every usable
 * candidate base (same dtype and shape, chain depth within {@link CodecSettings#maxChainDepth()}),
 * keeps the smallest, and decodes it once to check that the exact bytes come back before returning.
 * Large tensors are shuffled and compressed in parallel segments (see {@link PlaneCompressor} for the
 * rule that skips compressing incompressible bytes).
 *
 * <pre>{@code
 * TensorCodec codec = new TensorCodec(CodecSettings.DEFAULT);
 * EncodedTensor e = codec.encode(tensor, List.of(new BaseCandidate(baseId, base, 0)));
 * Tensor back = codec.decode(e.payload(), id -> base);   // equals(tensor)
 * PayloadHeader h = TensorCodec.readHeader(e.payload()); // codec, dtype, shape, base id
 * }</pre>
 */
public final class TensorCodec {
    private static final Logger LOG = LoggerFactory.getLogger(TensorCodec.class);

    private final CodecSettings settings;

    public TensorCodec(CodecSettings settings) {
        this.settings = settings;
    }

    public CodecSettings settings() {
        return settings;
    }

    /** Encodes {@code tensor} without a delta base. */
    public EncodedTensor encode(Tensor tensor) {
        return encode(tensor, List.of());
    }

    /**
     * Encodes {@code tensor} with the smallest of the available encodings, verified to decode exactly.
     * Candidates of another dtype or shape, or whose depth would exceed the chain limit, are skipped.
     *
     * @param candidates possible delta bases, best first
     */
    public EncodedTensor encode(Tensor tensor, List<BaseCandidate> candidates) {
        byte[] bits = bytesOf(tensor);
        int checksum = checksum(bits);
        Encoding best = raw(tensor, checksum);
        Encoding shuffled = compressed(tensor, bits, Codec.SHUFFLE_ZSTD, checksum, null, 0);
        best = shuffled.size() < best.size() ? shuffled : best;
        Map<ObjectId, Tensor> bases = new HashMap<>();
        for (BaseCandidate candidate : candidates) {
            if (!usable(tensor, candidate)) {
                continue;
            }
            bases.put(candidate.id(), candidate.tensor());
            Encoding delta = delta(tensor, bits, candidate, checksum);
            best = delta.size() < best.size() ? delta : best;
        }
        ByteBuffer payload = best.write();
        if (!decodesTo(payload, bases, bits)) {
            LOG.warn("{} encoding of {} did not decode to the same bytes; storing it raw", best.header.codec(), tensor);
            best = raw(tensor, checksum);
            payload = best.write();
        }
        PayloadHeader h = best.header;
        return new EncodedTensor(h.codec(), h.baseId(), h.depth(), payload);
    }

    private boolean usable(Tensor tensor, BaseCandidate candidate) {
        return candidate.id() != null && candidate.tensor() != null
                && candidate.tensor().dtype() == tensor.dtype()
                && Arrays.equals(candidate.tensor().shape(), tensor.shape())
                && candidate.depth() >= 0
                && candidate.depth() + 1 <= Math.min(settings.maxChainDepth(), PayloadHeader.MAX_DEPTH);
    }

    private boolean decodesTo(ByteBuffer payload, Map<ObjectId, Tensor> bases, byte[] expected) {
        try {
            return Arrays.equals(decodeBytes(payload, bases::get), expected);
        } catch (CorruptObjectException e) {
            LOG.warn("verification of a fresh encoding failed: {}", e.getMessage());
            return false;
        }
    }

    /** A chosen encoding: its header and how to write its body. */
    private record Encoding(PayloadHeader header, int bodySize, Consumer<ByteBuffer> body) {
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
    }

    private static Encoding raw(Tensor tensor, int checksum) {
        PayloadHeader h = new PayloadHeader(Codec.RAW, tensor.dtype(), tensor.shape(), checksum, null, 0);
        return new Encoding(h, (int) tensor.byteSize(), out -> out.put(tensor.data()));
    }

    private Encoding delta(Tensor tensor, byte[] bits, BaseCandidate base, int checksum) {
        byte[] xor = bits.clone();
        byte[] baseBits = bytesOf(base.tensor());
        ParallelRanges.forEach(xor.length, xor.length, (from, to) -> XorDelta.xorInPlace(xor, baseBits, from, to));
        return compressed(tensor, xor, Codec.XOR_DELTA, checksum, base.id(), base.depth() + 1);
    }

    private Encoding compressed(Tensor tensor, byte[] bits, Codec codec, int checksum, ObjectId baseId, int depth) {
        DType dtype = tensor.dtype();
        int size = dtype.itemSize();
        int n = (int) tensor.numel();
        byte[] planes;
        if (size == 1) {
            planes = bits;
        } else {
            planes = new byte[bits.length];
            ParallelRanges.forEach(n, planes.length, (from, to) -> ByteShuffle.shuffle(bits, size, n, from, to, planes));
        }
        PlaneCompressor.Body body = PlaneCompressor.compress(planes, size, n, settings.zstdLevel());
        PayloadHeader h = new PayloadHeader(codec, dtype, tensor.shape(), checksum, baseId, depth);
        return new Encoding(h, body.size(), body::writeTo);
    }

    /**
     * Reads the header of a payload without decoding the body.
     *
     * @throws CorruptObjectException when the header is malformed
     */
    public static PayloadHeader readHeader(ByteBuffer payload) {
        return PayloadHeader.read(payload.duplicate());
    }

    /**
     * Decodes a payload written by {@link #encode}. For a delta, {@code bases} supplies the base's content.
     *
     * @throws CorruptObjectException when the payload is malformed or does not decode to the bytes it was made from
     */
    public Tensor decode(ByteBuffer payload, BaseSource bases) {
        PayloadHeader header = readHeader(payload);
        return Tensor.wrap(header.dtype(), header.shape(), ByteBuffer.wrap(decodeBytes(payload, bases)));
    }

    /**
     * Decodes a payload into {@code target} (heap or direct) at its position, advancing it by the
     * tensor's byte size.
     *
     * @return the header of the payload (dtype and shape of what was written)
     * @throws CorruptObjectException when the payload is malformed
     * @throws java.nio.BufferOverflowException when {@code target} has too little room
     */
    public PayloadHeader decodeInto(ByteBuffer payload, BaseSource bases, ByteBuffer target) {
        PayloadHeader header = readHeader(payload);
        if (target.remaining() < header.byteSize()) {
            throw new BufferOverflowException();
        }
        target.put(decodeBytes(payload, bases));
        return header;
    }

    private static byte[] decodeBytes(ByteBuffer payload, BaseSource bases) {
        ByteBuffer in = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        PayloadHeader header = PayloadHeader.read(in);
        int bytes = (int) header.byteSize();
        int size = header.dtype().itemSize();
        int n = bytes / size;
        byte[] out = new byte[bytes];
        switch (header.codec()) {
            case RAW -> {
                if (in.remaining() != bytes) {
                    throw new CorruptObjectException("stored raw tensor has " + in.remaining() + " data bytes, expected " + bytes);
                }
                in.get(out);
            }
            case SHUFFLE_ZSTD -> unpack(in, size, n, out);
            case XOR_DELTA -> {
                byte[] base = baseBits(header, bases);
                unpack(in, size, n, out);
                ParallelRanges.forEach(bytes, bytes, (from, to) -> XorDelta.xorInPlace(out, base, from, to));
            }
        }
        if (checksum(out) != header.checksum()) {
            throw new CorruptObjectException("stored " + header.codec() + " tensor " + header.dtype()
                    + Arrays.toString(header.shape()) + " fails its checksum"
                    + (header.baseId() == null ? "" : " (delta against " + header.baseId().shortHex() + ")"));
        }
        return out;
    }

    private static byte[] baseBits(PayloadHeader header, BaseSource bases) {
        Tensor base = bases.load(header.baseId());
        if (base == null) {
            throw new CorruptObjectException("delta base " + header.baseId().shortHex() + " was not supplied");
        }
        if (base.dtype() != header.dtype() || !Arrays.equals(base.shape(), header.shape())) {
            throw new CorruptObjectException("delta base " + header.baseId().shortHex() + " is " + base.describe()
                    + " but the delta is " + header.dtype() + Arrays.toString(header.shape()));
        }
        return bytesOf(base);
    }

    private static void unpack(ByteBuffer in, int size, int n, byte[] out) {
        if (size == 1) {
            PlaneCompressor.decompress(in, out, 1, n);
            return;
        }
        byte[] planes = new byte[out.length];
        PlaneCompressor.decompress(in, planes, size, n);
        ParallelRanges.forEach(n, out.length, (from, to) -> ByteShuffle.unshuffle(planes, size, n, from, to, out));
    }

    private static byte[] bytesOf(Tensor tensor) {
        byte[] bytes = new byte[(int) tensor.byteSize()];
        tensor.data().get(bytes);
        return bytes;
    }

    private static int checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
