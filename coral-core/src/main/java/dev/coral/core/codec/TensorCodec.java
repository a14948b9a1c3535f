package dev.coral.core.codec;

import dev.coral.core.error.CorruptObjectException;
import dev.coral.core.tensor.DType;
import dev.coral.core.tensor.Tensor;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Encodes tensors for storage and decodes them back, bit-exactly. Thread-safe: one instance may be
 * used by any number of threads at once.
 *
 * <p>{@link #encode} considers raw, byte-plane shuffle + zstd, and for every usable candidate base
 * (same dtype and shape, chain depth within {@link CodecSettings#maxChainDepth()}) an XOR delta and a
 * difference delta; it keeps the smallest and checks that the written payload decodes to the exact bytes
 * before returning: a delta by decoding it, a raw or shuffled payload by comparing what it holds with the
 * bytes and planes it was written from (only zstd segments are decompressed; see {@code Encoding}). Tensors below {@value #ESTIMATE_FROM_BYTES} bytes are encoded every way in full.
 * Larger ones are first sized every way on a sample ({@value #SAMPLE_SLICES} evenly spread slices,
 * n/{@value #SAMPLE_SHARE} elements in all but at least {@value #MIN_SAMPLE_ELEMENTS} and at most
 * {@value #MAX_SAMPLE_ELEMENTS}), by the order-0 entropy of what each would compress rather than by
 * compressing it ({@code SizeEstimate}: a third of the cost of a 100×100 delta's encoding went into
 * compressing its samples), and only the encoding with the smallest estimate is encoded in full (and kept
 * if it beats raw). Large tensors are shuffled and compressed in parallel
 * segments; see {@link PlaneCompressor} for the rule that skips compressing incompressible bytes.
 *
 * <pre>{@code
 * TensorCodec codec = new TensorCodec(CodecSettings.DEFAULT);
 * EncodedTensor e = codec.encode(tensor, List.of(new BaseCandidate(baseId, base, 0)));
 * Tensor back = codec.decode(e.payload(), id -> base);   // equals(tensor)
 * PayloadHeader h = TensorCodec.readHeader(e.payload()); // codec, dtype, shape, base id
 * }</pre>
 */
public final class TensorCodec {
    /** From this size on the encodings are compared on a sample first. */
    static final int ESTIMATE_FROM_BYTES = 32 * 1024;
    static final int SAMPLE_SLICES = 8;
    static final int SAMPLE_SHARE = 16;
    static final int MIN_SAMPLE_ELEMENTS = 512;
    static final int MAX_SAMPLE_ELEMENTS = 16384;

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
        return encodeUnchecked(tensor, candidates).check();
    }

    /**
     * Chooses and writes the encoding like {@link #encode}, but returns before checking that the payload
     * decodes exactly, so that the caller can run the check beside other work (such as writing the payload
     * to a file). Nothing may record the payload before {@link UncheckedEncoding#check} has accepted it.
     *
     * @param candidates possible delta bases, best first
     */
    public UncheckedEncoding encodeUnchecked(Tensor tensor, List<BaseCandidate> candidates) {
        byte[] bits = bytesOf(tensor);
        int checksum = checksum(bits);
        List<Option> options = new ArrayList<>();
        options.add(new Option(Codec.SHUFFLE_ZSTD, null, null));
        for (BaseCandidate candidate : candidates) {
            if (usable(tensor, candidate)) {
                byte[] baseBits = bytesOf(candidate.tensor());
                options.add(new Option(Codec.XOR_DELTA, candidate, baseBits));
                options.add(new Option(Codec.DIFF_DELTA, candidate, baseBits));
            }
        }
        if (bits.length >= ESTIMATE_FROM_BYTES && options.size() > 1) {
            options = List.of(smallestOnSample(tensor.dtype(), bits, options));
        }
        Encoding best = Encoding.of(Codec.RAW, bits, tensor.dtype(), tensor.shape(), checksum, null, null, 0);
        for (Option option : options) {
            Encoding e = option.encode(bits, tensor.dtype(), tensor.shape(), checksum, settings.zstdLevel());
            if (e.size() < best.size()) {
                best = e;
            }
        }
        List<BaseCandidate> bases = options.stream().map(Option::base).filter(Objects::nonNull).toList();
        return new UncheckedEncoding(tensor, bits, best, best.write(), id -> bases.stream()
                .filter(b -> b.id().equals(id)).findFirst().map(BaseCandidate::tensor).orElse(null));
    }

    /** A codec, with its base for the delta codecs. */
    private record Option(Codec codec, BaseCandidate base, byte[] baseBits) {
        Encoding encode(byte[] bits, DType dtype, long[] shape, int checksum, int level) {
            return Encoding.of(codec, bits, dtype, shape, checksum, baseBits, base, level);
        }

        /** About how many body bytes this option takes for {@code bits}, by order-0 entropy ({@link SizeEstimate}). */
        double estimatedSize(byte[] bits, DType dtype) {
            return switch (codec) {
                case RAW -> bits.length;
                case SHUFFLE_ZSTD -> SizeEstimate.planesSize(bits, null, dtype.itemSize());
                case XOR_DELTA -> SizeEstimate.planesSize(bits, baseBits, dtype.itemSize());
                case DIFF_DELTA -> DifferenceDelta.estimatedSize(bits, baseBits, dtype);
            };
        }

        Option sampled(int elementSize) {
            return baseBits == null ? this : new Option(codec, base, sample(baseBits, elementSize));
        }
    }

    /** The option whose estimated size ({@link Option#estimatedSize}) on a sample of {@code bits} is smallest. */
    private Option smallestOnSample(DType dtype, byte[] bits, List<Option> options) {
        int size = dtype.itemSize();
        byte[] sample = sample(bits, size);
        Option best = null;
        double bestSize = Double.MAX_VALUE;
        for (Option option : options) {
            double s = option.sampled(size).estimatedSize(sample, dtype);
            if (s < bestSize) {
                best = option;
                bestSize = s;
            }
        }
        return best;
    }

    private static byte[] sample(byte[] bits, int elementSize) {
        int n = bits.length / elementSize;
        int elements = Math.max(MIN_SAMPLE_ELEMENTS, Math.min(MAX_SAMPLE_ELEMENTS, n / SAMPLE_SHARE));
        int slice = elements / SAMPLE_SLICES * elementSize;
        byte[] sample = new byte[SAMPLE_SLICES * slice];
        long stride = (bits.length - slice) / (SAMPLE_SLICES - 1) / elementSize * elementSize;
        for (int i = 0; i < SAMPLE_SLICES; i++) {
            System.arraycopy(bits, (int) (i * stride), sample, i * slice, slice);
        }
        return sample;
    }

    private boolean usable(Tensor tensor, BaseCandidate candidate) {
        return candidate.id() != null && candidate.tensor() != null
                && candidate.tensor().dtype() == tensor.dtype()
                && Arrays.equals(candidate.tensor().shape(), tensor.shape())
                && candidate.depth() >= 0
                && candidate.depth() + 1 <= Math.min(settings.maxChainDepth(), PayloadHeader.MAX_DEPTH);
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
     * @throws BufferOverflowException when {@code target} has too little room
     */
    public PayloadHeader decodeInto(ByteBuffer payload, BaseSource bases, ByteBuffer target) {
        PayloadHeader header = readHeader(payload);
        if (target.remaining() < header.byteSize()) {
            throw new BufferOverflowException();
        }
        target.put(decodeBytes(payload, bases));
        return header;
    }

    static byte[] decodeBytes(ByteBuffer payload, BaseSource bases) {
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
            case SHUFFLE_ZSTD -> unshuffle(in, size, n, out);
            case XOR_DELTA -> {
                byte[] base = baseBits(header, bases);
                unshuffle(in, size, n, out);
                ParallelRanges.forEach(bytes, bytes, (from, to) -> XorDelta.xorInPlace(out, base, from, to));
            }
            case DIFF_DELTA -> DifferenceDelta.decode(in, baseBits(header, bases), header.dtype(), out);
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

    private static void unshuffle(ByteBuffer in, int size, int n, byte[] out) {
        if (size == 1) {
            PlaneCompressor.decompress(in, out, 1, n);
            return;
        }
        PlaneCompressor.decompressShuffled(in, size, n, out);
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
